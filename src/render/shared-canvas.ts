/**
 * Sigma draws relations and actors on two WebGL canvases, one above the other. Without a GPU,
 * Chromium composites the page in software and reads every WebGL canvas drawn into back at each
 * frame's commit, synchronously; and each WebGL context costs the GPU process some 40-50 ms to set
 * up, which the page waits for the first time it sizes the canvas. Here relations and actors share
 * one canvas and one context: one context less to set up, and one read-back less a frame.
 *
 * Sigma draws the actors before the relations. On one canvas the relations then go behind what is
 * already drawn (`drawnBehind`, for every edge program): the same pixels as a canvas of relations
 * under one of actors, except that among relations the one drawn first is on top, so the renderer
 * gives the relations it raises the lowest z-index.
 */
import Sigma from "sigma";
import type { Attributes } from "graphology-types";
import type { ProgramClass } from "./program-class";

type Context = WebGLRenderingContext | WebGL2RenderingContext;

/** Sigma's members this class reaches (private in sigma's published types). */
interface SigmaInternals {
  elements: Record<string, HTMLElement>;
}

type WebGLOptions = NonNullable<Parameters<Sigma["createWebGLContext"]>[1]>;

/** Sigma's options for a layer, to make it on a canvas made elsewhere (sigma then styles it not). */
function onCanvas(options: WebGLOptions, canvas: HTMLCanvasElement): WebGLOptions {
  // Sigma spreads these over its own context options: one left undefined would undo its choice.
  const { style: _style, canvas: _canvas, ...rest } = options;
  return { ...rest, canvas };
}

/** Sigma with one WebGL canvas for relations and actors; see the module's comment. */
export class SharedCanvasSigma<N extends Attributes, E extends Attributes> extends Sigma<N, E> {
  override createWebGLContext(id: string, options: WebGLOptions = {}): WebGLRenderingContext {
    const internals = this as unknown as SigmaInternals;
    if (id === "nodes" && internals.elements.edges instanceof HTMLCanvasElement) {
      const shared = internals.elements.edges;
      const gl = super.createWebGLContext(id, onCanvas(options, shared));
      internals.elements.nodes = shared;
      shared.classList.add("sigma-nodes");
      return gl;
    }
    return super.createWebGLContext(id, options);
  }
}

/**
 * An edge program that draws behind what its canvas already holds (the actors, drawn first on the
 * shared canvas), rather than over it.
 */
export function drawnBehind<T>(program: T): T {
  const Base = program as unknown as ProgramClass<{ render(params: unknown): void }>;
  return class extends Base {
    private readonly context: Context;

    constructor(...args: [Context, WebGLFramebuffer | null, object]) {
      super(...args);
      this.context = args[0];
    }

    override render(params: unknown): void {
      const gl = this.context;
      // Premultiplied colours, as sigma's: what is drawn keeps what covers it, and shows through where that is clear.
      gl.blendFunc(gl.ONE_MINUS_DST_ALPHA, gl.ONE);
      try {
        super.render(params);
      } finally {
        gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      }
    }
  } as unknown as T;
}
