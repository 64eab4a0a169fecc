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

export interface PeerHooks {
  /** performance.now() after the last frame the library drew, and how many. */
  lastFrame(): { at: number; count: number };
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

/** Calls back once the browser has drawn the next frame (after style, layout and paint). */
export function afterNextFrame(callback: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback();
    channel.port2.postMessage(null);
  });
}
