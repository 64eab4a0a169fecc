/**
 * A WebGL canvas made before sigma, for sigma to draw on (see warm-canvas.ts). Only the hand-over is
 * here, so that the page scripts that never make one stay as light as they were.
 */
let ahead: HTMLCanvasElement | null = null;

/**
 * The attributes of sigma's context for the relations and actors (shared-canvas.ts: sigma's own
 * defaults, and no depth buffer). A canvas gives back the context it has, whatever is asked of it
 * later: one made ahead is made with these.
 */
export const SHARED_CONTEXT: WebGLContextAttributes = { preserveDrawingBuffer: false, antialias: false, depth: false };

/** Offers the canvas made ahead; the last one offered is the one taken. */
export function offerCanvas(canvas: HTMLCanvasElement): void {
  ahead = canvas;
}

/** The canvas made ahead, once: null if none was made or it was taken already. */
export function takeCanvas(): HTMLCanvasElement | null {
  const taken = ahead;
  ahead = null;
  return taken;
}
