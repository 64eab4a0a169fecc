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
  /** Post only the settled layout, not each step (reduced motion; large graphs, see mount). */
  finalOnly?: boolean;
  /** Runs a callback before the next frame (requestAnimationFrame in the app). */
  schedule: (callback: () => void) => void;
  onSettled?: () => void;
  onError?: (message: string) => void;
}

export class LayoutSupervisor {
  private worker: Worker | null = null;
  private started = false;
  private running = false;
  private readonly order: string[];
  private readonly indexOf = new Map<string, number>();

  constructor(
    private readonly graph: EntenteGraph,
    private readonly options: SupervisorOptions,
  ) {
    this.order = graph.nodes();
    this.order.forEach((node, i) => this.indexOf.set(node, i));
    this.seedPositions();
    // Only a graph that will be laid out needs the worker (mount starts it unless every actor is placed).
    if (graph.order > 0 && !graph.everyNode((_node, attributes) => attributes.placed)) this.prepare();
  }

  /**
   * Places the actors without a position where d3-force itself would start
   * them (its phyllotaxis spiral), before anything is drawn: the first frame
   * shows them spread out rather than on one point, and the worker, which
   * starts from the same spiral, gives the same layout as before.
   */
  private seedPositions(): void {
    const angle = Math.PI * (3 - Math.sqrt(5));
    this.graph.updateEachNodeAttributes(
      (node, attributes) => {
        if (attributes.placed) return attributes;
        const i = this.indexOf.get(node) ?? 0;
        const radius = 10 * Math.sqrt(0.5 + i);
        attributes.x = radius * Math.cos(i * angle);
        attributes.y = radius * Math.sin(i * angle);
        return attributes;
      },
      { attributes: ["x", "y"] },
    );
  }

  /** The worker is created up front so its script loads while the first frame is drawn. */
  prepare(): void {
    if (this.worker) return;
    const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => {
      this.running = false;
      this.options.onError?.(event.message || "the layout worker stopped");
    };
  }

  isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.prepare();
    const worker = this.worker!;
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
    this.started = false;
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
