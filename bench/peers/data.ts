/**
 * What the benchmark hands a peer page: the same actors and relations Entente
 * draws, with the positions Entente's seeded layout gave them, and the hooks
 * the benchmark reads back (the same names for every peer).
 */
export interface PeerNode {
  id: string;
  x: number;
  y: number;
  color: string;
}
export interface PeerEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  color: string;
}
export interface PeerData {
  nodes: PeerNode[];
  edges: PeerEdge[];
  /** The relation type the filter checkbox hides. */
  filterType: string;
}

/** Frames as the benchmark reads them: the last one, how many, and when the most recent ones ended. */
export interface FrameLog {
  at: number;
  count: number;
  /**
   * performance.now() after each of the last few frames: a frame that blocked the page can be
   * followed by another before the benchmark looks, and the one that answered an input is the first after it.
   */
  recent: number[];
}

/** A frame log and the call that records one frame. */
export function frameLog(): { frames: FrameLog; drawn(): void } {
  const frames: FrameLog = { at: 0, count: 0, recent: [] };
  return {
    frames,
    drawn: () => {
      frames.count += 1;
      frames.at = performance.now();
      frames.recent.push(frames.at);
      if (frames.recent.length > 32) frames.recent.shift();
      // As for Entente: the first frame counts once it is on screen. The library draws in an animation
      // frame; the task after it comes once that frame's paint and commit are done.
      if (frames.count === 1) afterThisFrame(() => performance.mark("peer:first-frame"));
    },
  };
}

export interface PeerHooks {
  /** The frames the library drew (see FrameLog). */
  lastFrame(): FrameLog;
  /** Where a node is drawn, in pixels from the page's top-left corner. */
  nodePosition(id: string): { x: number; y: number } | null;
  /** Stops a layout that has not settled in the benchmark's time. */
  stopLayout(): void;
}

declare global {
  interface Window {
    peer?: PeerHooks;
  }
}

export async function loadPeerData(): Promise<PeerData> {
  const url = new URLSearchParams(location.search).get("data");
  if (!url) throw new Error("no ?data=");
  return (await fetch(url)).json() as Promise<PeerData>;
}

/** The same checkbox for every peer, so the click is the same gesture. */
export function filterCheckbox(type: string, onChange: (shown: boolean) => void): void {
  const label = document.createElement("label");
  label.id = "filter";
  const box = document.createElement("input");
  box.type = "checkbox";
  box.checked = true;
  box.addEventListener("change", () => onChange(box.checked));
  label.append(box, ` ${type}`);
  document.body.append(label);
}

/** Called from an animation frame: calls back once that frame is on screen (after its style, layout, paint and commit). */
export function afterThisFrame(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => callback();
  channel.port2.postMessage(null);
}

/** Calls back once the browser has drawn the next frame (after style, layout and paint). */
export function afterNextFrame(callback: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback();
    channel.port2.postMessage(null);
  });
}
