/**
 * Sigma draws every program twice a frame: on screen, and into a picking texture that tells which
 * node or edge is under the pointer. Nothing reads that texture before a pointer comes over the
 * graph, and on a machine without a GPU it is not free: each program's first draw makes SwiftShader
 * build a pipeline for it (tens of milliseconds each), and the picking pass doubled those builds,
 * all in the commit of the page's first frame (about 0.12 s of it for the article's graph).
 *
 * Programs made by `pickLater` neither compile nor draw their picking variant for a sigma instance
 * until `startPicking` is called for it; the renderer does that when a pointer first comes over the
 * graph, before sigma reads the texture for that pointer (pointer events come before the mouse
 * events sigma listens to).
 */
import type Sigma from "sigma";
import type { Attributes } from "graphology-types";
import type { ActorNode } from "../core/graph";
import type { ProgramClass } from "./program-class";

const picking = new WeakSet<object>();

/** What sigma puts before a program's shaders to make its picking variant (not exported by sigma). */
const PICKING_PREFIX = "#define PICKING_MODE\n";

interface ProgramInfo {
  gl: WebGLRenderingContext | WebGL2RenderingContext;
}

interface WithPickPass {
  renderer: object;
  pickProgram: ProgramInfo | null;
  normalProgram: ProgramInfo;
  VERTEX_SHADER_SOURCE: string;
  FRAGMENT_SHADER_SOURCE: string;
  getProgramInfo(name: "pick", gl: ProgramInfo["gl"], vertex: string, fragment: string, frameBuffer: WebGLFramebuffer): ProgramInfo;
  render(params: unknown): void;
}
type ProgramBase = ProgramClass<WithPickPass>;

/**
 * A subclass of a sigma program (node or edge) that compiles its picking variant and draws its
 * picking pass only once picking has started: compiling the variant's two shaders made the page
 * wait for them before its first frame (sigma checks each shader as it compiles it).
 */
export function pickLater<T>(program: T): T {
  // Every sigma program has these members; the published program types hide some of them.
  const Base = program as unknown as ProgramBase;
  return class extends Base {
    /** Where the picking pass draws (the layer's picking texture); null for a layer sigma does not pick in. */
    private readonly pickingBuffer: WebGLFramebuffer | null;

    constructor(...args: [ProgramInfo["gl"], WebGLFramebuffer | null, object]) {
      const [gl, pickingBuffer, renderer] = args;
      super(gl, null, renderer);
      this.pickingBuffer = pickingBuffer;
    }

    override render(params: unknown): void {
      if (this.pickingBuffer && picking.has(this.renderer)) {
        this.pickProgram ??= this.getProgramInfo(
          "pick",
          this.normalProgram.gl,
          PICKING_PREFIX + this.VERTEX_SHADER_SOURCE,
          PICKING_PREFIX + this.FRAGMENT_SHADER_SOURCE,
          this.pickingBuffer,
        );
      }
      super.render(params);
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
