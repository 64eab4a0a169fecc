/**
 * The graph's first frames, drawn in 2D while a software WebGL is still drawing its first.
 *
 * Without a GPU, Chromium reads every WebGL canvas on the page back at each frame's commit, and the
 * read waits until SwiftShader has done all the frame asked of it. For sigma's first frame that is
 * building a pipeline for each program drawn for the first time, then drawing: the commit of the
 * article's first frame waited 0.25 s in it here, the page's thread blocked all along. So where the
 * WebGL is software, the renderer's WebGL canvas is kept off the page (`display: none`: nothing
 * reads it back) until a fence placed after that frame has passed, and a 2D canvas shows the same
 * picture meanwhile: every actor and relation from sigma's own display data (after the renderer's
 * reducers), where sigma's shaders put them, and sigma's labels over them, its labels' layer off the
 * page meanwhile. The WebGL canvas and that layer then take its place, holding the frame sigma drew,
 * with nothing drawn again.
 *
 * Sigma drawing again before that (a pointer over the graph, a filter, a resize) or the camera
 * moving (which moves the picture sigma drew, see moving-picture.ts) puts the WebGL canvas on the
 * page at once: the poster only ever shows the frame sigma drew first.
 */
import type Sigma from "sigma";
import type { EdgeDisplayData } from "sigma/types";
import { drawnNodes } from "./drawn-nodes";
import { controlPoint, controlUpTo, curveAt, dashBands, headOf, inThinGap, linePixels, type Head, type Point } from "./poster-shapes";
import { drawsInSoftware } from "./shared-canvas";

// `any`: only sigma's graph, display data, camera and events are read here, whatever its attribute types.
type AnySigma = Sigma<any, any, any>;

/** How long the poster may wait for its fence before the WebGL canvas is shown anyway. */
const MOST_WAIT_MS = 3000;

/** Sigma's disc fades out over its last pixel: half of it shows. */
const DISC_FADE = 1;

type Drawn = EdgeDisplayData & { curvature?: number; dashed?: boolean; directed?: boolean };

export class Poster {
  private readonly canvas: HTMLCanvasElement;
  private shown = false;
  private poll = 0;
  private readonly since = performance.now();
  /** For sigma's events: a frame drawn, the camera moved. */
  private readonly showNow = () => this.show();
  private readonly webGLShown: Promise<void>;
  /** Sigma's labels' layer, off the page while the poster, which holds its picture, is on; null where the poster holds none. */
  private readonly labels: HTMLCanvasElement | null;
  private markShown!: () => void;

  /**
   * Draws the poster and takes sigma's WebGL canvas off the page, once sigma has drawn its first
   * frame; null where WebGL has a GPU, or no fences (WebGL 1), or the frame is of actors alone,
   * where nothing is to be gained.
   */
  static hold(sigma: AnySigma, frame: { actorsOnly: boolean }): Poster | null {
    // A frame of actors alone (a large graph's first, its relations held back) is little work for
    // SwiftShader, in a context made while the dataset came (warm-canvas.ts): a poster of 10,000
    // discs and their labels took the page longer to draw, and the first frame came 0.1 s later.
    if (frame.actorsOnly) return null;
    const webgl = sigma.getCanvases().nodes;
    const gl = webgl?.getContext("webgl2");
    if (!webgl || !gl || !drawsInSoftware(sigma)) return null;
    const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (!sync) return null;
    // Sent now, or the fence would wait for whatever flushes next.
    gl.flush();
    try {
      return new Poster(sigma, webgl, gl, sync);
    } catch (error) {
      // A picture that cannot be drawn (a canvas too big for memory) is only a head start lost.
      console.warn("the graph's first frame waits for WebGL", error);
      gl.deleteSync(sync);
      webgl.style.display = "";
      return null;
    }
  }

  private constructor(
    private readonly sigma: AnySigma,
    private readonly webgl: HTMLCanvasElement,
    private readonly gl: WebGL2RenderingContext,
    private readonly sync: WebGLSync,
  ) {
    this.webGLShown = new Promise((resolve) => (this.markShown = resolve));
    this.canvas = document.createElement("canvas");
    this.canvas.className = "sigma-poster";
    this.canvas.setAttribute("aria-hidden", "true");
    const labels = sigma.getCanvases().labels ?? null;
    this.labels = drawPoster(this.canvas, sigma, labels) ? labels : null;
    // Nothing below may throw: the poster is on the page from here, and sigma's listeners follow.
    webgl.before(this.canvas);
    webgl.style.display = "none";
    // The poster holds the labels too: each 2D canvas on the page is copied for the compositor at
    // the commit of the first frame it shows in, 17-26 ms a canvas of the graph's size here.
    if (this.labels) this.labels.style.display = "none";
    sigma.on("afterRender", this.showNow);
    sigma.getCamera().on("updated", this.showNow);
    this.poll = requestAnimationFrame(this.check);
  }

  /** Resolves once the WebGL canvas is back in the page (on screen after the next frame's commit). */
  whenWebGLShown(): Promise<void> {
    return this.webGLShown;
  }

  /** The WebGL canvas in the poster's place, now. */
  show(): void {
    if (this.shown) return;
    this.shown = true;
    this.stop();
    this.webgl.style.display = "";
    if (this.labels) this.labels.style.display = "";
    this.canvas.remove();
    this.markShown();
  }

  /** Lets go of the fence and the listeners, and takes the poster off the page: the renderer is going. */
  dispose(): void {
    this.show();
  }

  private readonly check = () => {
    this.poll = 0;
    const gl = this.gl;
    // A fence's status changes between tasks only, so looking once a frame is enough.
    if (gl.isContextLost() || gl.getSyncParameter(this.sync, gl.SYNC_STATUS) === gl.SIGNALED || performance.now() - this.since > MOST_WAIT_MS) this.show();
    else this.poll = requestAnimationFrame(this.check);
  };

  private stop(): void {
    if (this.poll) cancelAnimationFrame(this.poll);
    this.poll = 0;
    this.sigma.off("afterRender", this.showNow);
    this.sigma.getCamera().off("updated", this.showNow);
    if (!this.gl.isContextLost()) this.gl.deleteSync(this.sync);
  }
}

/**
 * What sigma drew in its first frame, drawn again in 2D on `canvas`, sized as sigma's canvases are,
 * with what sigma's labels' layer holds over it; whether it holds the labels (the layer is of its size).
 */
function drawPoster(canvas: HTMLCanvasElement, sigma: AnySigma, labels: HTMLCanvasElement | null): boolean {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  Object.assign(canvas.style, { position: "absolute", inset: "0", width: `${width}px`, height: `${height}px` });
  const context = canvas.getContext("2d");
  if (!context) return false;
  context.scale(ratio, ratio);
  const nodes = drawnNodes(sigma);
  drawRelations(context, sigma, nodes, ratio);
  // Sigma's order: by z-index where it orders by it, later ones on top.
  const ordered = [...nodes.values()];
  if (sigma.getSetting("zIndex")) ordered.sort((a, b) => (a.data.zIndex ?? 0) - (b.data.zIndex ?? 0));
  drawDiscs(context, ordered);
  if (!labels || labels.width !== canvas.width || labels.height !== canvas.height) return false;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.drawImage(labels, 0, 0);
  return true;
}

/**
 * The actors' discs, in sigma's order. Discs of one opaque colour that follow one another are one
 * path, filled once: the same pixels, where 10,000 fills took the poster some 40 ms. A translucent
 * disc is filled on its own, as its overlaps show.
 */
function drawDiscs(context: CanvasRenderingContext2D, ordered: readonly { at: Point; size: number; data: { color: string } }[]): void {
  const rgba = colorReader(context);
  let color: string | null = null;
  let opaque = false;
  for (const { at, size, data } of ordered) {
    if (data.color !== color || !opaque) {
      if (color !== null) context.fill();
      color = data.color;
      // Read before it is set: the reader sets the context's fill style to parse a colour.
      opaque = rgba(color)[3] >= 1;
      context.fillStyle = color;
      context.beginPath();
    }
    const radius = Math.max(size - DISC_FADE / 2, 0);
    context.moveTo(at.x + radius, at.y);
    context.arc(at.x, at.y, radius, 0, 2 * Math.PI);
  }
  if (color !== null) context.fill();
}

/**
 * The relations, behind the actors: sigma draws its edge programs in the order of its settings, each
 * its edges by z-index, and each behind what the canvas holds already (shared-canvas.ts), so the
 * first drawn is on top; here the last drawn is, and they are drawn the other way round.
 */
function drawRelations(context: CanvasRenderingContext2D, sigma: AnySigma, nodes: Map<string, { at: Point; size: number }>, ratio: number): void {
  const programs = Object.keys(sigma.getSetting("edgeProgramClasses") ?? {});
  const defaultType = sigma.getSetting("defaultEdgeType");
  const edges: { data: Drawn; source: { at: Point; size: number }; target: { at: Point; size: number }; program: number }[] = [];
  sigma.getGraph().forEachEdge((edge, _attributes, source, target) => {
    const data = sigma.getEdgeDisplayData(edge) as Drawn | undefined;
    const from = nodes.get(source);
    const to = nodes.get(target);
    // Sigma leaves out an edge whose end is hidden, as well as a hidden edge.
    if (!data || data.hidden || !from || !to) return;
    edges.push({ data, source: from, target: to, program: programs.indexOf(data.type ?? defaultType) });
  });
  const byZ = sigma.getSetting("zIndex");
  edges.sort((a, b) => a.program - b.program || (byZ ? (a.data.zIndex ?? 0) - (b.data.zIndex ?? 0) : 0));
  const thin = edges.filter((edge) => edge.data.type === "thin");
  // Written pixel by pixel, before anything else is drawn on the canvas (which they replace).
  if (thin.length > 0) drawThinLines(context, thin, ratio);
  const minThickness = sigma.getSetting("minEdgeThickness");
  // Sigma's shaders fade a line's last `feather` pixels of the screen on either side out: half of it shows.
  const feather = sigma.getSetting("antiAliasingFeather") / ratio;
  // A middling graph's straight arrows are a compound program that draws every head before every
  // body: behind, each head is over all the bodies. Their heads are drawn here once the bodies are.
  const arrowHeads: { head: Head; color: string }[] = [];
  for (let i = edges.length - 1; i >= 0; i--) {
    const { data, source, target } = edges[i]!;
    if (data.type === "thin") continue;
    const thickness = Math.max(minThickness, sigma.scaleSize(data.size));
    const head = drawRelation(context, source.at, target, data, thickness, feather);
    if (head && data.type === "arrow") arrowHeads.push({ head, color: data.color });
    const next = edges[i - 1];
    if (arrowHeads.length > 0 && next?.data.type !== "arrow") {
      for (let h = arrowHeads.length - 1; h >= 0; h--) drawHead(context, arrowHeads[h]!.head, arrowHeads[h]!.color);
      arrowHeads.length = 0;
    }
  }
}

/**
 * The large profile's lines, one pixel of the screen wide and not smoothed, as sigma's line
 * program draws them: smoothed 2D strokes would spread each over two rows, a dense graph's every
 * line of them paler and wider. `lines` in sigma's order; the first ends on top.
 */
function drawThinLines(context: CanvasRenderingContext2D, lines: readonly { data: Drawn; source: { at: Point }; target: { at: Point } }[], ratio: number): void {
  const { width, height } = context.canvas;
  const image = context.createImageData(width, height);
  const pixels = image.data;
  const rgba = colorReader(context);
  for (let i = lines.length - 1; i >= 0; i--) {
    const { data, source, target } = lines[i]!;
    const [r, g, b, a] = rgba(data.color);
    const [x0, y0, x1, y1] = [source.at.x * ratio, source.at.y * ratio, target.at.x * ratio, target.at.y * ratio];
    linePixels(x0, y0, x1, y1, (x, y) => {
      if (x < 0 || y < 0 || x >= width || y >= height) return;
      if (data.dashed && inThinGap(Math.hypot(x + 0.5 - x0, y + 0.5 - y0), ratio)) return;
      // Over what is there: the pixels hold colours not multiplied by their alpha.
      const at = 4 * (y * width + x);
      const below = (pixels[at + 3]! / 255) * (1 - a);
      const alpha = a + below;
      if (alpha === 0) return;
      pixels[at] = (r * a + pixels[at]! * below) / alpha;
      pixels[at + 1] = (g * a + pixels[at + 1]! * below) / alpha;
      pixels[at + 2] = (b * a + pixels[at + 2]! * below) / alpha;
      pixels[at + 3] = alpha * 255;
    });
  }
  context.putImageData(image, 0, 0);
}

/** Reads a CSS colour as red, green, blue (0-255) and alpha (0-1), by way of the context's own parsing. */
function colorReader(context: CanvasRenderingContext2D): (color: string) => [number, number, number, number] {
  const known = new Map<string, [number, number, number, number]>();
  return (color) => {
    let found = known.get(color);
    if (!found) {
      context.fillStyle = "#000000";
      context.fillStyle = color;
      const parsed = String(context.fillStyle);
      const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(parsed);
      const channels = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(parsed);
      found = hex
        ? [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16), 1]
        : channels
          ? [Number(channels[1]), Number(channels[2]), Number(channels[3]), channels[4] === undefined ? 1 : Number(channels[4])]
          : [0, 0, 0, 1];
      known.set(color, found);
    }
    return found;
  };
}

/**
 * A relation as sigma's programs draw it: a line `thickness` wide, curved where it has a curvature,
 * narrowing into a head at a one-way relation's target, dashed in bands across its chord. A middling
 * graph's straight arrow ("arrow") has its head drawn by a program of its own, with neither dashes
 * nor smoothing: it is given back to be drawn over every arrow's body, the others' are drawn here.
 */
function drawRelation(context: CanvasRenderingContext2D, a: Point, target: { at: Point; size: number }, data: Drawn, thickness: number, feather: number): Head | null {
  const b = target.at;
  const c = controlPoint(a, b, data.curvature ?? 0);
  const ownHead = data.type === "arrow";
  const head = data.directed ? headOf(a, c, b, target.size, thickness, ownHead ? 0 : feather) : null;
  context.save();
  if (data.dashed) clipToDashes(context, a, b, thickness, Math.abs(data.curvature ?? 0) * Math.hypot(b.x - a.x, b.y - a.y) + 4 * thickness);
  context.strokeStyle = data.color;
  context.fillStyle = data.color;
  context.lineWidth = Math.max(thickness - feather, 0.5);
  context.setLineDash([]);
  context.beginPath();
  context.moveTo(a.x, a.y);
  if (head) {
    const end = curveAt(a, c, b, head.until);
    const control = controlUpTo(a, c, head.until);
    context.quadraticCurveTo(control.x, control.y, end.x, end.y);
  } else {
    context.quadraticCurveTo(c.x, c.y, b.x, b.y);
  }
  context.stroke();
  if (head && !ownHead) drawHead(context, head, data.color);
  context.restore();
  return head;
}

/** A head: a triangle from its base, across the line, to its point. */
function drawHead(context: CanvasRenderingContext2D, head: Head, color: string): void {
  const dx = head.tip.x - head.base.x;
  const dy = head.tip.y - head.base.y;
  const length = Math.hypot(dx, dy) || 1;
  const nx = (-dy / length) * head.halfWidth;
  const ny = (dx / length) * head.halfWidth;
  context.fillStyle = color;
  context.beginPath();
  context.moveTo(head.base.x + nx, head.base.y + ny);
  context.lineTo(head.tip.x, head.tip.y);
  context.lineTo(head.base.x - nx, head.base.y - ny);
  context.closePath();
  context.fill();
}

/** Clips to the dashes' bands across the chord from `a` to `b`, `reach` pixels to either side of it. */
function clipToDashes(context: CanvasRenderingContext2D, a: Point, b: Point, thickness: number, reach: number): void {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  context.translate(a.x, a.y);
  context.rotate(Math.atan2(b.y - a.y, b.x - a.x));
  context.beginPath();
  for (const [from, to] of dashBands(length, thickness)) context.rect(from, -reach, to - from, 2 * reach);
  context.rotate(-Math.atan2(b.y - a.y, b.x - a.x));
  context.translate(-a.x, -a.y);
  context.clip();
}
