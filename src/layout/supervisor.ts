/**
 * Runs the layout in a Web Worker and writes its positions into the graph
 * (small graphs are settled on the page before their first frame, see
 * SETTLE_UP_FRONT). start / stop / kill / isRunning, as graphology's layout supervisors do.
 */
import type { EntenteGraph } from "../core/graph";
import type { ForceSettings } from "./forces";
import type { FromWorker, LayoutInput, ToWorker } from "./protocol";
import { LayoutRun } from "./run";

export interface SupervisorOptions {
  settings?: Partial<ForceSettings>;
  radius: (node: string) => number;
  /** Post only the settled layout, not each step (reduced motion; large graphs, see mount). */
  finalOnly?: boolean;
  /**
   * Settle the layout here, before anything is drawn, instead of in the worker: for graphs so small
   * that the whole simulation costs less than the worker's start-up (see mount). The worker is
   * started only if the user drags an actor.
   */
  settleUpFront?: boolean;
  /**
   * The actors already stand where the layout starts them (seedSpiral, done while the dataset was
   * checked): they are not placed again.
   */
  seeded?: boolean;
  /** Runs a callback before the next frame (requestAnimationFrame in the app). */
  schedule: (callback: () => void) => void;
  /** Just before the settled positions are written, as onSettled comes just after (the page marks when they came). */
  onSettling?: () => void;
  onSettled?: () => void;
  onError?: (message: string) => void;
}

/**
 * Graphs this small settle on the main thread before the first frame: their
 * whole simulation (300 ticks, with the exact forces of exact-forces.ts) took
 * about 25 ms for the article on a freshly loaded page here, less than starting
 * the worker, and the reader sees the finished layout at once instead of
 * watching it unfold. The article's graph is well inside.
 */
export const SETTLE_UP_FRONT = { actors: 40, relations: 160 } as const;

export function settlesUpFront(actors: number, relations: number): boolean {
  return actors <= SETTLE_UP_FRONT.actors && relations <= SETTLE_UP_FRONT.relations;
}

export class LayoutSupervisor {
  private worker: Worker | null = null;
  private started = false;
  private running = false;
  private settledAtOnce = false;
  private readonly order: string[];
  private readonly indexOf = new Map<string, number>();

  constructor(
    private readonly graph: EntenteGraph,
    private readonly options: SupervisorOptions,
  ) {
    this.order = graph.nodes();
    this.order.forEach((node, i) => this.indexOf.set(node, i));
    if (!options.seeded) seedSpiral(graph);
    const toLayOut = graph.order > 0 && !graph.everyNode((_node, attributes) => attributes.placed);
    if (toLayOut && options.settleUpFront) this.settleHere();
  }

  /**
   * The same simulation the worker runs, from the same start, run to the end
   * at once: the first frame shows the settled layout and nothing moves after.
   */
  private settleHere(): void {
    const run = new LayoutRun(this.input(false));
    run.step(Infinity, () => 0);
    this.write(run.positions());
    this.settledAtOnce = true;
  }

  /**
   * The worker is created when the layout starts (or an actor is dragged), not before: so that
   * nothing is reported before start(), when whoever listens is ready.
   */
  private prepare(): void {
    if (this.worker) return;
    const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => {
      this.running = false;
      // A worker that failed takes no more messages: a later start or drag makes a new one.
      if (this.worker === worker) this.worker = null;
      this.options.onError?.(event.message || "the layout worker stopped");
    };
  }

  /** True once a small graph's layout was settled here, before anything was drawn: its first frame shows the final layout. */
  get settledUpFront(): boolean {
    return this.settledAtOnce;
  }

  isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    if (this.settledAtOnce) {
      this.options.onSettled?.();
      return;
    }
    this.launch(this.input(false));
  }

  private launch(input: LayoutInput): void {
    this.prepare();
    const message: ToWorker = { type: "start", ...input };
    this.running = true;
    this.worker!.postMessage(message, [input.radii.buffer, input.positions!.buffer, input.links.buffer, input.signs.buffer]);
  }

  /** What the simulation needs: radii, starting positions (`all`: every actor's, else only those the dataset placed), links. */
  private input(all: boolean): LayoutInput & { positions: Float32Array } {
    const radii = new Float32Array(this.order.map((node) => this.options.radius(node)));
    // Positions the dataset brought (a file laid out in Gephi) are where the layout starts.
    const positions = new Float32Array(this.order.length * 2).fill(Number.NaN);
    this.order.forEach((node, i) => {
      const attributes = this.graph.getNodeAttributes(node);
      if (all || attributes.placed) {
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
    return {
      radii,
      positions,
      links,
      signs,
      finalOnly: this.options.finalOnly ?? false,
      ...(this.options.settings ? { settings: this.options.settings } : {}),
    };
  }

  /** Keeps a node where the user put it (graph coordinates). */
  pin(node: string, x: number, y: number): void {
    const index = this.indexOf.get(node);
    if (index === undefined) return;
    // A layout settled up front goes on in the worker from where it stopped, cold until the drag warms it.
    if (!this.worker && this.settledAtOnce && this.started) this.launch({ ...this.input(true), alpha: 0 });
    if (!this.worker) return;
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

  /** One batched update: one graph event, one sigma refresh. */
  private write(positions: Float32Array): void {
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
  }

  private applyPending(): void {
    const message = this.pending;
    this.pending = null;
    if (!message) return;
    const settling = message.settled && this.running;
    if (settling) this.options.onSettling?.();
    this.write(message.positions);
    if (settling) {
      this.running = false;
      this.options.onSettled?.();
    }
  }
}

/**
 * Places the actors without a position where d3-force itself would start them (its phyllotaxis
 * spiral, in the graph's order), before anything is drawn: the first frame shows them spread out
 * rather than on one point, and the worker, which starts from the same spiral, gives the same layout
 * as before.
 */
export function seedSpiral(graph: EntenteGraph): void {
  const angle = Math.PI * (3 - Math.sqrt(5));
  let i = -1;
  graph.updateEachNodeAttributes(
    (_node, attributes) => {
      i += 1;
      if (attributes.placed) return attributes;
      const radius = 10 * Math.sqrt(0.5 + i);
      attributes.x = radius * Math.cos(i * angle);
      attributes.y = radius * Math.sin(i * angle);
      return attributes;
    },
    { attributes: ["x", "y"] },
  );
}
