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

/**
 * Resolves once the browser has put on screen what was drawn before the call: the next animation
 * frame, then the task after it, as style, layout, paint and the compositor's commit come in between.
 * A WebGL drawing is only queued when sigma returns; a machine without a GPU finishes it in that commit.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => void nextTask().then(resolve)));
}
