/**
 * Sigma draws every program twice a frame: on screen, and into a picking texture that tells which
 * node or edge is under the pointer. Nothing reads that texture before a pointer comes over the
 * graph, and on a machine without a GPU it is not free: each program's first draw makes SwiftShader
 * build a pipeline for it (tens of milliseconds each), and the picking pass doubled those builds,
 * all in the commit of the page's first frame (about 0.12 s of it for the article's graph).
 *
 * Programs made by `pickLater` skip the picking pass for a sigma instance until `startPicking` is
 * called for it; the renderer does that when a pointer first comes over the graph, before sigma
 * reads the texture for that pointer (pointer events come before the mouse events sigma listens to).
 */
import type Sigma from "sigma";
import type { Attributes } from "graphology-types";
import type { ActorNode } from "../core/graph";
import type { ProgramClass } from "./program-class";

const picking = new WeakSet<object>();

interface WithPickPass {
  renderer: object;
  pickProgram: unknown;
  render(params: unknown): void;
}
type ProgramBase = ProgramClass<WithPickPass>;

/** A subclass of a sigma program (node or edge) that draws its picking pass only once picking has started. */
export function pickLater<T>(program: T): T {
  // Every sigma program has these members; the published program types hide some of them.
  const Base = program as unknown as ProgramBase;
  return class extends Base {
    override render(params: unknown): void {
      if (picking.has(this.renderer)) {
        super.render(params);
        return;
      }
      const pick = this.pickProgram;
      this.pickProgram = null;
      try {
        super.render(params);
      } finally {
        this.pickProgram = pick;
      }
    }
  } as unknown as T;
}

/** From now on every frame of `sigma` draws the picking pass too; the current frame is drawn again at once, with it. */
export function startPicking(sigma: Sigma<ActorNode, Attributes>): void {
  if (picking.has(sigma)) return;
  picking.add(sigma);
  sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: true });
}

export function isPicking(sigma: object): boolean {
  return picking.has(sigma);
}
