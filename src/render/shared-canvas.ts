/**
 * Sigma draws on three WebGL canvases: relations, actors above them, and the hovered and selected
 * actors above their labels. Without a GPU, Chromium composites the page in software and reads every
 * WebGL canvas drawn into back at each frame's commit, synchronously; and each WebGL context costs
 * the GPU process some 40-55 ms to set up, which the page waits for the first time sigma sizes the
 * canvas. Here there is one: relations and actors share a canvas and a context, and the hovered and
 * selected actors' discs are drawn on sigma's 2D hover layer, over their labels' boxes.
 *
 * Sigma draws the actors before the relations. On one canvas the relations then go behind what is
 * already drawn (`drawnBehind`, for every edge program): the formula by which the browser lays one
 * canvas over another, so the same pixels as a canvas of relations under one of actors, except
 * where relations cross: among them the first drawn is now on top. The renderer gives the
 * relations it raises the lowest z-index, and a program drawn in parts draws its top part first
 * (dashed.ts); relations of the same z-index stack in the reverse of sigma's order.
 */
import Sigma from "sigma";
import type { Attributes } from "graphology-types";
import type { ProgramClass } from "./program-class";
import type { NodeDisplayData } from "sigma/types";
import type { NodeProgramType } from "sigma/rendering";
import { isSoftwareRenderer } from "./poster-shapes";
import type { FrameAside } from "./frame-aside";
import { SHARED_CONTEXT, takeCanvas } from "./canvas-ahead";

type Context = WebGLRenderingContext | WebGL2RenderingContext;

/** Sigma's members this class reaches (private in sigma's published types). */
interface SigmaInternals {
  elements: Record<string, HTMLElement>;
  canvasContexts: Record<string, CanvasRenderingContext2D>;
  webGLContexts: Record<string, Context>;
  settings: { nodeProgramClasses: Record<string, unknown>; nodeHoverProgramClasses: Record<string, unknown> };
  /** The animation frame sigma has asked for its next render, if any. */
  renderFrame: number | null;
  render(): unknown;
  process(): unknown;
  /** Reduces an edge's attributes into its display data, in sigma's cache. */
  addEdge(edge: string): void;
  /** Sigma's listeners to its graph's events, by its own names. */
  activeListeners: Record<string, (payload: GraphUpdate) => void>;
}

/** A graph event's payload, as far as sigma's listeners are concerned here. */
type GraphUpdate = { key?: string; hints?: { attributes?: readonly PropertyKey[] } | null };

interface GraphEvents {
  on(event: string, listener: (payload: GraphUpdate) => void): void;
  removeListener(event: string, listener: (payload: GraphUpdate) => void): void;
}

type WebGLOptions = NonNullable<Parameters<Sigma["createWebGLContext"]>[1]>;

/** Sigma's options for a layer, to make it on a canvas made elsewhere (sigma then styles it not). */
function onCanvas(options: WebGLOptions, canvas: HTMLCanvasElement): WebGLOptions {
  // Sigma spreads these over its own context options: one left undefined would undo its choice.
  const { style: _style, canvas: _canvas, ...rest } = options;
  return { ...rest, canvas };
}

/**
 * What sigma is given for the hover layer's context: it sizes, clears and lets go of it, and its
 * programs there draw in 2D (HoverDiscs), so nothing else is asked of it. (Sigma would give a node
 * program it is given later, through `setSetting`, this context: the renderer gives none.)
 */
const NO_CONTEXT = {
  COLOR_BUFFER_BIT: 0x4000,
  viewport: () => undefined,
  clear: () => undefined,
  getExtension: () => null,
} as unknown as WebGLRenderingContext;

/**
 * Sigma's program for the hover layer, drawing on its 2D canvas instead: sigma draws every
 * highlighted actor's label box first, then hands the actors to this program, so each disc is over
 * every box, as sigma's WebGL layer above the boxes had them.
 */
class HoverDiscs {
  private nodes: NodeDisplayData[] = [];

  constructor(
    _gl: unknown,
    _pickingBuffer: unknown,
    private readonly renderer: Sigma,
  ) {}

  reallocate(capacity: number): void {
    this.nodes = new Array<NodeDisplayData>(capacity);
  }

  process(_offset: number, index: number, data: NodeDisplayData): void {
    this.nodes[index] = data;
  }

  render(): void {
    const context = this.renderer.getCanvases().hovers?.getContext("2d");
    if (!context) return;
    for (const data of this.nodes) {
      const { x, y } = this.renderer.framedGraphToViewport(data);
      context.fillStyle = data.color;
      context.beginPath();
      context.arc(x, y, this.renderer.scaleSize(data.size), 0, Math.PI * 2);
      context.fill();
    }
  }

  kill(): void {
    this.nodes = [];
  }
}

/**
 * A refresh that reduces nothing again and processes at the next frame; one object for every line
 * added (sigma reads it, never keeps or changes it), where three made for each were 3 MB more garbage
 * as a large graph's 40,000 lines are given.
 */
const PROCESS_AT_NEXT_FRAME = { partialGraph: { edges: [] }, schedule: true } as const satisfies Parameters<Sigma["refresh"]>[0];

/** Each sigma's WebGL, where it runs without a GPU (see drawsInSoftware). */
const software = new WeakSet<object>();

/**
 * Whether a sigma's WebGL runs without a GPU, by the name of its renderer (read as its context was
 * made: asked later, the answer waits for the GPU process to work through all sigma asked of it).
 */
export function drawsInSoftware(sigma: object): boolean {
  return software.has(sigma);
}

function softwareWebGL(gl: Context): boolean {
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof name === "string" && isSoftwareRenderer(name);
}

/** What draws on a 2D canvas: any of these, called once, makes its clears real (see clearsOnceDrawn). */
const DRAWING = ["fill", "stroke", "fillRect", "strokeRect", "fillText", "strokeText", "drawImage", "putImageData"] as const;

/**
 * A 2D canvas's first drawing, a clear included, makes Chromium give it its pixels: 15-30 ms for a
 * layer of the graph's size here, each. Sigma clears each of its 2D layers at every frame, the hover
 * layer (nothing on it until an actor is pointed at or selected) and the relations' labels' layer
 * (never drawn on: Entente does not draw those labels) included: three of them on the way to the
 * first frame. Here a clear of a canvas that nothing was ever drawn on is skipped; once something
 * is, the context is sigma's own again.
 */
export function clearsOnceDrawn(context: CanvasRenderingContext2D): void {
  const own = context as unknown as Record<string, unknown>;
  const native = CanvasRenderingContext2D.prototype;
  const drawn = () => {
    for (const name of [...DRAWING, "clearRect"]) delete own[name];
  };
  own.clearRect = () => undefined;
  for (const name of DRAWING) {
    const draw = native[name] as (...args: unknown[]) => unknown;
    own[name] = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      drawn();
      return draw.apply(this, args);
    };
  }
}

/** Sigma's 2D layers drawn with its WebGL frame, hidden while that frame is drawn aside. */
const DRAWN_WITH_FRAME = ["labels", "hovers"] as const;

/** Sigma with one WebGL canvas; see the module's comment. */
export class SharedCanvasSigma<N extends Attributes, E extends Attributes> extends Sigma<N, E> {
  private framesHeld = false;
  private frameWanted = false;
  /** Where the next frame is to be drawn aside: frame-aside.ts's class, loaded for large graphs only. */
  private asideNext: typeof FrameAside | null = null;
  /** The frame being drawn aside, until it is on the canvas. */
  private aside: FrameAside | null = null;
  private changeCount = 0;

  /** Sigma's members this class reaches. */
  private get internals(): SigmaInternals {
    return this as unknown as SigmaInternals;
  }

  /** Sigma's graph, as far as listening to it goes (only the events' names and payloads matter, not its attribute types). */
  private graphEvents(): GraphEvents {
    return this.getGraph() as unknown as GraphEvents;
  }
  private ownProcessings = 0;

  /** How many times sigma was asked to process or draw (a refresh, a frame): see stepped-process.ts. */
  get changes(): number {
    return this.changeCount;
  }

  /** How many times sigma processed the graph itself, in a frame, rather than finding it processed (see stepped-process.ts). */
  get processingsInFrames(): number {
    return this.ownProcessings;
  }

  override refresh(...args: Parameters<Sigma<N, E>["refresh"]>): this {
    this.changeCount += 1;
    return super.refresh(...args);
  }

  /**
   * Resolves once the frame to come (scheduled, held or drawn aside) is on the canvas; at once when
   * none is coming.
   */
  whenFrameShown(): Promise<void> {
    const scheduled = this.internals.renderFrame !== null;
    if (!scheduled && !this.frameWanted && !this.aside) return Promise.resolve();
    return new Promise((resolve) => this.once("afterRender", () => resolve()));
  }

  /** Whether a frame drawn aside is still to be put on the canvas. */
  isDrawingAside(): boolean {
    return this.aside !== null;
  }

  constructor(...args: ConstructorParameters<typeof Sigma<N, E>>) {
    super(...args);
    // Sigma's render and process are private in its types; every frame, and every processing of its own, goes through these.
    const internals = this.internals;
    const render = internals.render.bind(this);
    internals.render = () => this.drawFrame(render);
    const process = internals.process.bind(this);
    internals.process = () => {
      this.ownProcessings += 1;
      return process();
    };
    this.processMovesOnly();
    this.reduceAddedOnce();
  }

  /**
   * Sigma answers an edge added to its graph by reducing it (a copy of its attributes through the
   * edge reducer), then asks for a refresh of that edge, which reduces it again. A large graph's
   * lines are added by the tens of thousands once its layout has settled (renderer.ts's
   * showRelations): here each is reduced once, and the refresh asked for only processes at the next
   * frame, as sigma's does after its second reduction.
   */
  private reduceAddedOnce(): void {
    const internals = this.internals;
    const listeners = internals.activeListeners;
    const graph = this.graphEvents();
    graph.removeListener("edgeAdded", listeners.addEdgeGraphUpdate!);
    listeners.addEdgeGraphUpdate = (payload) => {
      internals.addEdge(payload.key!);
      this.refresh(PROCESS_AT_NEXT_FRAME);
    };
    graph.on("edgeAdded", listeners.addEdgeGraphUpdate);
  }

  /**
   * Sigma answers the graph's batched update of its actors by running its node reducer over every
   * actor twice (once itself, once in the refresh it asks for), then processing all at the next
   * frame. When only places changed (the layout's positions: 10,000 actors took that 30-40 ms of a
   * 60-80 ms task here), the reducers give what they gave, and the processing reads the places from
   * the graph: here that update only asks for the processing. (Sigma does not change its graph here:
   * Entente gives it one graph for its life.)
   */
  private processMovesOnly(): void {
    const listeners = this.internals.activeListeners;
    const graph = this.graphEvents();
    const sigmas = listeners.eachNodeAttributesUpdatedGraphUpdate!;
    const moved = (payload: GraphUpdate) => {
      const changed = payload.hints?.attributes;
      return changed !== undefined && changed.length > 0 && changed.every((name) => name === "x" || name === "y");
    };
    graph.removeListener("eachNodeAttributesUpdated", sigmas);
    listeners.eachNodeAttributesUpdatedGraphUpdate = (payload) => {
      if (moved(payload)) this.refresh({ partialGraph: { nodes: [] }, skipIndexation: false, schedule: true });
      else sigmas(payload);
    };
    graph.on("eachNodeAttributesUpdated", listeners.eachNodeAttributesUpdatedGraphUpdate);
  }

  private drawFrame(render: () => unknown): this {
    this.changeCount += 1;
    this.dropAside();
    const gl = this.internals.webGLContexts.edges;
    const aside = this.asideNext;
    this.asideNext = null;
    if (!aside || !(gl instanceof WebGL2RenderingContext) || gl.isContextLost()) {
      render();
      return this;
    }
    let rendered = false;
    const events = this as unknown as { emit: (event: string, ...args: unknown[]) => boolean };
    const emit = events.emit;
    // Sigma's listeners hear of the frame once it shows.
    events.emit = (event, ...args) => (event === "afterRender" ? (rendered = true) : emit.call(this, event, ...args));
    const shown = () => {
      this.aside = null;
      this.showDrawnWithFrame(true);
      if (rendered) events.emit("afterRender");
    };
    try {
      this.aside = aside.draw(gl, render, shown);
    } finally {
      delete (events as Partial<typeof events>).emit;
    }
    // Null: the frame is on the canvas already.
    if (this.aside) this.showDrawnWithFrame(false);
    else if (rendered) events.emit("afterRender");
    return this;
  }

  override kill(): void {
    this.dropAside();
    super.kill();
  }

  private dropAside(): void {
    if (!this.aside) return;
    this.aside.drop();
    this.aside = null;
    this.showDrawnWithFrame(true);
  }

  private showDrawnWithFrame(shown: boolean): void {
    const elements = this.internals.elements;
    for (const layer of DRAWN_WITH_FRAME) {
      const element = elements[layer];
      if (element) element.style.visibility = shown ? "" : "hidden";
    }
  }

  /**
   * Until releaseFrames(), sigma schedules no frame, and a frame it has scheduled waits too: what it
   * is given meanwhile, a task at a time, is processed and drawn once, after. (Each frame of a graph
   * being changed processes all of it.)
   */
  holdFrames(): void {
    this.framesHeld = true;
    const internals = this.internals;
    if (internals.renderFrame !== null) {
      cancelAnimationFrame(internals.renderFrame);
      internals.renderFrame = null;
      this.frameWanted = true;
    }
  }

  /**
   * Sigma schedules its frames again, and the one held is drawn. With `aside` (frame-aside.ts's
   * class), where WebGL is software, that frame is drawn off the canvas and put on it once
   * SwiftShader has drawn it: the page goes on meanwhile. Sigma's 2D layers, which it draws at once, are
   * hidden until then, so that labels never show over discs of another frame; sigma's `afterRender`
   * is told once the frame is on the canvas. A frame drawn before then (the pointer, a filter, a
   * resize) is drawn as usual, and the one aside is dropped.
   */
  releaseFrames(aside: typeof FrameAside | null = null): void {
    if (!this.framesHeld) return;
    this.framesHeld = false;
    if (this.frameWanted) {
      this.asideNext = software.has(this) ? aside : null;
      this.scheduleRender();
    }
    this.frameWanted = false;
  }

  override scheduleRender(): this {
    if (!this.framesHeld) return super.scheduleRender();
    this.frameWanted = true;
    return this;
  }

  override createCanvasContext(id: string, options?: Parameters<Sigma["createCanvasContext"]>[1]): this {
    super.createCanvasContext(id, options);
    const context = this.internals.canvasContexts[id];
    if (context) clearsOnceDrawn(context);
    return this;
  }

  /**
   * A canvas made ahead (warm-canvas.ts) as sigma's layer `id`: in its container, styled and
   * registered as sigma does with the canvases it makes (it then sizes it with the others).
   */
  private adopt(canvas: HTMLCanvasElement, id: string): HTMLCanvasElement {
    canvas.removeAttribute("aria-hidden");
    canvas.style.cssText = "position: absolute";
    canvas.className = `sigma-${id}`;
    this.internals.elements[id] = canvas;
    this.getContainer().append(canvas);
    return canvas;
  }

  override createWebGLContext(id: string, options: WebGLOptions = {}): WebGLRenderingContext {
    const internals = this.internals;
    if (id === "edges") {
      // Sigma's programs never test depth, and a drawing buffer with one cost a software WebGL 50-75 ms
      // more to make at the graph's size (5-20 ms without), all of it on the way to the first frame.
      // Sigma spreads these options over the context's own; a canvas made ahead has its context made with them.
      const withoutDepth: WebGLOptions & WebGLContextAttributes = { ...options, ...SHARED_CONTEXT };
      const ahead = takeCanvas();
      const gl = ahead ? super.createWebGLContext(id, onCanvas(withoutDepth, this.adopt(ahead, id))) : super.createWebGLContext(id, withoutDepth);
      if (softwareWebGL(gl)) software.add(this);
      return gl;
    }
    if (id === "nodes" && internals.elements.edges instanceof HTMLCanvasElement) {
      const shared = internals.elements.edges;
      const gl = super.createWebGLContext(id, onCanvas(options, shared));
      internals.elements.nodes = shared;
      shared.classList.add("sigma-nodes");
      return gl;
    }
    if (id === "hoverNodes") {
      // Sigma makes its programs for this layer from these, once it has made the layers.
      const settings = internals.settings;
      const discs = HoverDiscs as unknown as NodeProgramType;
      settings.nodeHoverProgramClasses = Object.fromEntries(Object.keys(settings.nodeProgramClasses).map((type) => [type, discs]));
      // Sigma sizes each layer's element: one off the page, with no context, costs nothing.
      const element = document.createElement("canvas");
      element.className = `sigma-${id}`;
      internals.elements[id] = element;
      internals.webGLContexts[id] = NO_CONTEXT;
      return NO_CONTEXT;
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
      // What the canvas holds stays over what is drawn now, which shows through where that is clear
      // or translucent: sigma's own blending, with the two in the other order.
      gl.blendFunc(gl.ONE_MINUS_DST_ALPHA, gl.ONE);
      try {
        super.render(params);
      } finally {
        gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      }
    }
  } as unknown as T;
}
