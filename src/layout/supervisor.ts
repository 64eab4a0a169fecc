/**
 * Runs the layout in a Web Worker and writes its positions into the graph.
 * start / stop / kill / isRunning, as graphology's layout supervisors do.
 */
import type { EntenteGraph } from "../core/graph";
import type { ForceSettings } from "./forces";
import type { FromWorker, ToWorker } from "./protocol";

export interface SupervisorOptions {
  settings?: Partial<ForceSettings>;
  radius: (node: string) => number;
  finalOnly?: boolean;
  /** Runs a callback before the next frame (requestAnimationFrame in the app). */
  schedule: (callback: () => void) => void;
  onSettled?: () => void;
  onError?: (message: string) => void;
}

export class LayoutSupervisor {
  private worker: Worker | null = null;
  private running = false;
  private readonly order: string[];
  private readonly indexOf = new Map<string, number>();

  constructor(
    private readonly graph: EntenteGraph,
    private readonly options: SupervisorOptions,
  ) {
    this.order = graph.nodes();
    this.order.forEach((node, i) => this.indexOf.set(node, i));
  }

  isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.worker) return;
    const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => {
      this.running = false;
      this.options.onError?.(event.message || "the layout worker stopped");
    };
    const radii = new Float32Array(this.order.map((node) => this.options.radius(node)));
    // Positions the dataset brought (a file laid out in Gephi) are where the layout starts.
    const positions = new Float32Array(this.order.length * 2).fill(Number.NaN);
    this.order.forEach((node, i) => {
      const attributes = this.graph.getNodeAttributes(node);
      if (attributes.placed) {
        positions[2 * i] = attributes.x;
        positions[2 * i + 1] = attributes.y;
      }
    });
    const links = new Uint32Array(this.graph.size * 2);
    const signs = new Int8Array(this.graph.size);
    let i = 0;
    this.graph.forEachEdge((_edge, attributes, source, target) => {
      links[2 * i] = this.indexOf.get(source) ?? 0;
      links[2 * i + 1] = this.indexOf.get(target) ?? 0;
      signs[i] = attributes.sign;
      i += 1;
    });
    const message: ToWorker = {
      type: "start",
      radii,
      positions,
      links,
      signs,
      finalOnly: this.options.finalOnly ?? false,
      ...(this.options.settings ? { settings: this.options.settings } : {}),
    };
    this.running = true;
    worker.postMessage(message, [radii.buffer, positions.buffer, links.buffer, signs.buffer]);
  }

  /** Keeps a node where the user put it (graph coordinates). */
  pin(node: string, x: number, y: number): void {
    const index = this.indexOf.get(node);
    if (index === undefined || !this.worker) return;
    this.running = true;
    this.send({ type: "pin", index, x, y });
  }

  release(node: string): void {
    const index = this.indexOf.get(node);
    if (index === undefined || !this.worker) return;
    this.send({ type: "release", index });
  }

  stop(): void {
    this.send({ type: "stop" });
    this.running = false;
  }

  kill(): void {
    this.worker?.terminate();
    this.worker = null;
    this.running = false;
  }

  private send(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private receive(message: FromWorker): void {
    if (message.type === "error") {
      this.running = false;
      this.options.onError?.(message.message);
      return;
    }
    // The worker may post faster than frames are drawn: keep only the newest
    // positions and apply them once per frame, so no backlog builds up.
    const waiting = this.pending !== null;
    this.pending = message;
    if (!waiting) this.options.schedule(() => this.applyPending());
  }

  private pending: Extract<FromWorker, { type: "positions" }> | null = null;

  private applyPending(): void {
    const message = this.pending;
    this.pending = null;
    if (!message) return;
    const { positions } = message;
    // One batched update: one graph event, one sigma refresh.
    this.graph.updateEachNodeAttributes(
      (node, attributes) => {
        const i = this.indexOf.get(node);
        if (i === undefined) return attributes;
        attributes.x = positions[2 * i] ?? attributes.x;
        attributes.y = positions[2 * i + 1] ?? attributes.y;
        return attributes;
      },
      { attributes: ["x", "y"] },
    );
    if (message.settled && this.running) {
      this.running = false;
      this.options.onSettled?.();
    }
  }
}
