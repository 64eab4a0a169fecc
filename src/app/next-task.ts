/**
 * Resolves in a later task of the event loop, not a microtask: the browser
 * gets a turn to paint and to handle input between two long pieces of work.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
