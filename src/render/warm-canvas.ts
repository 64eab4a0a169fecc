/**
 * Sigma's WebGL canvas, made while the page waits for a dataset from the network, and shown to the
 * compositor a few times at the window's size.
 *
 * Without a GPU, Chromium reads a WebGL canvas back at the commit of each frame it is drawn in, on
 * the page's thread. The first reads of a canvas are slow: each touches memory not used before (the
 * read's buffers in the page and in the GPU process, the compositor's bitmaps), which this machine
 * hands out slowly. Here, a canvas of 1,000 × 800 pixels took 60-95 ms, 40-90 ms and 37-49 ms to
 * read its first three times, then 2-10 ms a time, and so on after being resized smaller or hidden
 * and shown again. Read for a graph's first frames, those first reads were the longest tasks while its
 * layout ran (80-100 ms, after the poster). Cleared to transparent, the canvas shows nothing.
 * Sigma then draws on it (shared-canvas.ts), and the context, made here, is not made on the way to
 * the first frame either (40-55 ms of the GPU process's time).
 */
import { SHARED_CONTEXT } from "./canvas-ahead";

/** Reads after which a canvas's reads are fast here (see above). */
const WARMING_FRAMES = 4;

/**
 * Makes the canvas and its context, to offer the renderer (canvas-ahead.ts), and has the canvas read
 * back WARMING_FRAMES times (with a GPU, a few clears cost nothing to speak of). `stillWanted` is
 * asked before each frame: once false, the warming stops (the graph is about to be drawn and needs
 * the page). Null where no WebGL 2 context could be made.
 */
export function warmCanvas(stillWanted: () => boolean): HTMLCanvasElement | null {
  const canvas = document.createElement("canvas");
  canvas.setAttribute("aria-hidden", "true");
  canvas.style.cssText = "position: fixed; inset: 0; width: 100%; height: 100%; pointer-events: none";
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(window.innerWidth * ratio);
  canvas.height = Math.round(window.innerHeight * ratio);
  document.body.append(canvas);
  const gl = canvas.getContext("webgl2", SHARED_CONTEXT);
  if (!gl) {
    canvas.remove();
    return null;
  }
  let left = WARMING_FRAMES;
  const frame = () => {
    if (left === 0 || !stillWanted() || !canvas.isConnected || gl.isContextLost()) return;
    left -= 1;
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return canvas;
}
