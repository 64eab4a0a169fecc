/**
 * One layout run: the simulation plus the bookkeeping the worker needs
 * (pins, time slices, packing positions). Pure: the caller supplies the clock.
 */
import type { Simulation } from "d3-force";
import {
  createSimulation,
  resolveForceSettings,
  type LayoutLink,
  type LayoutNode,
  type LinkSign,
} from "./forces";
import type { LayoutInput } from "./protocol";

export class LayoutRun {
  readonly nodes: LayoutNode[];
  private readonly simulation: Simulation<LayoutNode, LayoutLink>;

  constructor(input: LayoutInput) {
    const count = input.radii.length;
    this.nodes = Array.from({ length: count }, (_, index) => {
      const node: LayoutNode = { index, radius: input.radii[index] ?? 4 };
      const x = input.positions?.[2 * index];
      const y = input.positions?.[2 * index + 1];
      if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) {
        node.x = x;
        node.y = y;
      }
      return node;
    });
    const links: LayoutLink[] = [];
    for (let i = 0; i < input.signs.length; i++) {
      const source = input.links[2 * i];
      const target = input.links[2 * i + 1];
      if (source === undefined || target === undefined || source >= count || target >= count) continue;
      // A self relation has no length to keep.
      if (source === target) continue;
      links.push({ source, target, sign: (input.signs[i] ?? 0) as LinkSign });
    }
    this.simulation = createSimulation(this.nodes, links, resolveForceSettings(input.settings));
    if (input.alpha !== undefined && input.alpha >= 0 && input.alpha <= 1) this.simulation.alpha(input.alpha);
  }

  get alpha(): number {
    return this.simulation.alpha();
  }

  get settled(): boolean {
    return this.simulation.alpha() < this.simulation.alphaMin();
  }

  /** Runs ticks until the budget is spent (as told by `now`) or the layout settles. */
  step(budgetMs: number, now: () => number, maxTicks = Infinity): number {
    const start = now();
    let ticks = 0;
    while (!this.settled && ticks < maxTicks) {
      this.simulation.tick();
      ticks += 1;
      if (now() - start >= budgetMs) break;
    }
    return ticks;
  }

  /** Fixes a node where it was dropped, and wakes the others so they make room. */
  pin(index: number, x: number, y: number): void {
    const node = this.nodes[index];
    if (!node) return;
    node.fx = x;
    node.fy = y;
    node.x = x;
    node.y = y;
    this.reheat(0.12);
  }

  release(index: number): void {
    const node = this.nodes[index];
    if (!node) return;
    node.fx = null;
    node.fy = null;
    this.reheat(0.12);
  }

  reheat(alpha: number): void {
    if (this.simulation.alpha() < alpha) this.simulation.alpha(alpha);
  }

  /** x0,y0,x1,y1… in a fresh buffer that may be transferred. */
  positions(): Float32Array {
    const out = new Float32Array(this.nodes.length * 2);
    this.nodes.forEach((node, i) => {
      out[2 * i] = node.x ?? 0;
      out[2 * i + 1] = node.y ?? 0;
    });
    return out;
  }
}
