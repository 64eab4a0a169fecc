/**
 * The sigma adapter: draws the graph with WebGL and turns pointer input into
 * plain events (hover, select, drag). What is drawn is derived from the view
 * state in reducers; the graph itself is only touched to move a dragged node.
 */
import type Sigma from "sigma";
import { NodeCircleProgram, NodePointProgram } from "sigma/rendering";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { Attributes } from "graphology-types";
import { datasetId, graphKey, type ActorNode, type EntenteGraph, type RelationEdge } from "../core/graph";
import type { HiddenMode, Selection } from "../core/view/types";
import type { RenderProfile } from "./profile";
import type { Theme } from "./theme";
import { hoverDrawer } from "./hover";
import { PairGraph } from "./pairs";
import { isPicking, pickLater, startPicking } from "./picking";
import { MovingPicture } from "./moving-picture";
import { uninstanced } from "./uninstanced";
import { DashableArrowProgram, DashableCurvedArrowProgram, DashableCurveProgram, DashableLineProgram, DashableThinProgram } from "./dashed";
import { RelationProgram } from "./relation-program";
import { InertEdgeProgram, SIGMA_DEFAULT_EDGE_TYPES } from "./inert-program";
import { drawnBehind, SharedCanvasSigma } from "./shared-canvas";
import { Poster } from "./poster";
import type { SteppedProcess } from "./stepped-process";
import type { FrameAside } from "./frame-aside";

/** What a large graph's settling uses beyond the renderer (see showRelations): loaded for large graphs only. */
export interface Settling {
  processInSteps: SteppedProcess;
  /** Lines processed per task. */
  step: number;
  FrameAside: typeof FrameAside;
}

export type { Selection };

/** What the filters let through; null shows everything. */
export interface Visibility {
  actors: ReadonlySet<string>;
  relations: ReadonlySet<string>;
  /**
   * The same, as 1 or 0 for each actor and relation in the dataset's order, which is the graph's
   * (core/graph/build): read on every repaint, where hashing ids cost most of a filter click.
   */
  actorMask: Uint8Array;
  relationMask: Uint8Array;
  mode: HiddenMode;
}

export interface RendererEvents {
  select(selection: Selection): void;
  /** A node was dropped at graph coordinates (x, y). */
  drag(node: string, x: number, y: number): void;
}

type Focus = { nodes: Set<string>; edges: Set<string> | null } | null;

/**
 * How many pixels of the graph a panel covers: `side` on the right (negative: on the left), and
 * `bottom` from the bottom edge (a panel across the width of a narrow screen).
 */
export interface Cover {
  side: number;
  bottom: number;
}

export const UNCOVERED: Cover = { side: 0, bottom: 0 };

export interface RendererOptions {
  labelFont: string;
  theme: Theme;
  profile: RenderProfile;
  /** What the filters show and what is selected when the graph is first drawn. */
  initial?: { visibility: Visibility | null; selection: Selection };
  /**
   * Draw no relation until showRelations(): for a large graph whose layout is still running, lines
   * between actors that have not found their places tell nothing, and on a machine without a GPU
   * the first frame of 40,000 of them took seconds to draw.
   */
  relationsLater?: boolean;
  /** A large graph's pairs, made ahead from this very graph (see app/start.ts); made here otherwise. */
  pairs?: PairGraph | null;
}

/** A drawn relation, as sigma shows it: which relation, how it looks, and the relation's own attributes and ends. */
export type DrawnRelationVisitor = (relation: string, display: EdgeDisplayData, attributes: RelationEdge, source: string, target: string) => void;

export class GraphRenderer {
  /** Sigma draws the data graph itself, or for a large graph one line per pair of actors (see pairs.ts). */
  readonly sigma: Sigma<ActorNode, Attributes>;
  /** The same, as made here: its frames can be held (see showRelations). */
  private readonly shared: SharedCanvasSigma<ActorNode, Attributes>;
  private hovered: string | null = null;
  private selection: Selection = null;
  /** The selected actor's or relation's key in the graph. */
  private selectedKey: string | null = null;
  private visibility: Visibility | null = null;
  private dragged: string | null = null;
  private relationsWaiting: boolean;
  private moved = false;
  /** In the dataset's order (core/graph/build), as the filters' masks are. */
  private readonly allNodes: string[];
  private readonly allEdges: string[];
  /** Large graphs only: what sigma draws instead of the relations themselves. */
  private readonly pairs: PairGraph | null;
  /** Small graphs: each relation's place in allEdges (a large graph's pairs know it). */
  private readonly edgeIndex: Map<string, number> | null;
  /**
   * For each relation (allEdges' order), 1 when the filters show it; null when they show all.
   * Read on every repaint of every line, where hashing ids into the filters' set cost most of a filter click.
   */
  private shownRelations: Uint8Array | null = null;
  /** Likewise for the actors (allNodes' order), read on every repaint of every node. */
  private shownActors: Uint8Array | null = null;
  private readonly nodeIndex: Map<string, number>;
  /**
   * Large graphs only: each relation's colour and dash, as the lines showing it read them on every
   * repaint; worked out when the lines are given to sigma (or a line is drawn first), as a large
   * graph's first frame has none.
   */
  private looksMade: { colors: string[]; dashed: Uint8Array } | null = null;

  /** The relations' looks (see looksMade), made the first time they are asked for. */
  private relationLooks(): { colors: string[]; dashed: Uint8Array } {
    return (this.looksMade ??= relationLooks(this.graph, this.allEdges));
  }
  /**
   * Large graphs only: pairs that show another relation than their chosen one, by
   * pair: the selected relation, or one in focus when the chosen one is not.
   */
  private preferred = new Map<number, number>();

  constructor(
    private readonly graph: EntenteGraph,
    container: HTMLElement,
    private readonly events: RendererEvents,
    private readonly options: RendererOptions,
  ) {
    // The graph's topology never changes after it is built, only positions and what is shown.
    this.allNodes = graph.nodes();
    this.nodeIndex = new Map(this.allNodes.map((node, i) => [node, i]));
    const made = options.profile.large ? options.pairs : null;
    if (!made) options.pairs?.dispose();
    // Indices into allEdges are the pairs' own: the same edges, in the same order.
    this.allEdges = made ? [...made.relations] : graph.edges();
    this.pairs = options.profile.large ? (made ?? PairGraph.of(graph, this.allEdges)) : null;
    this.edgeIndex = this.pairs ? null : new Map(this.allEdges.map((edge, i) => [edge, i]));
    this.relationsWaiting = options.relationsLater ?? false;
    // What the view shows from the start is known before sigma draws its first frame: no second pass to apply it.
    if (options.initial) {
      this.visibility = options.initial.visibility;
      this.updateShown();
      this.selection = options.initial.selection;
      this.selectedKey = this.selection ? graphKey(this.selection.id) : null;
      this.chooseLines();
      this.updateFocus();
    }
    // Lines held back are not even given to sigma: hidden edges cost it as much as drawn ones.
    if (!this.relationsWaiting) this.pairs?.addLines();
    // A large graph's relations are all drawn by one program (appearance.ts): no need to look at 40,000 of them.
    const programs = options.profile.simpleEdges ? { thin: EDGE_PROGRAMS.thin } : usedPrograms(graph);
    // Sigma only reads the graph it draws; the data graph's edges are typed more narrowly than sigma asks.
    const drawn = (this.pairs?.graph ?? graph) as unknown as ConstructorParameters<typeof Sigma<ActorNode, Attributes>>[0];
    this.sigma = this.shared = new SharedCanvasSigma<ActorNode, Attributes>(drawn, container, {
      renderEdgeLabels: false,
      enableEdgeEvents: options.profile.enableEdgeEvents,
      labelFont: options.labelFont,
      labelSize: 13,
      labelWeight: "500",
      labelColor: { color: options.theme.labelColor },
      defaultDrawNodeHover: hoverDrawer(options.theme),
      labelRenderedSizeThreshold: options.profile.labelRenderedSizeThreshold,
      defaultEdgeType: Object.keys(programs)[0],
      zIndex: options.profile.zIndex,
      stagePadding: 40,
      // Sigma's defaults, which it would otherwise compile too, replaced by a program that draws nothing.
      edgeProgramClasses: { ...Object.fromEntries(SIGMA_DEFAULT_EDGE_TYPES.map((type) => [type, InertEdgeProgram])), ...programs },
      // Every node is of sigma's default type, "circle"; how it is drawn depends on the profile.
      nodeProgramClasses: { circle: options.profile.pointNodes ? POINT_NODE_PROGRAM : NODE_PROGRAM },
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.picture = new MovingPicture(this.sigma);
    if (options.profile.pictureMoves) this.picture.enable();
    else this.picture.enableOnceSlow();
    this.bind();
    this.showLayers();
    this.poster = Poster.hold(this.sigma, { actorsOnly: this.relationsWaiting });
    // Sigma follows the window's size, not its container's: a panel, a header or an embedding page
    // can resize the graph alone, which would leave the drawing stretched and clicks off target.
    this.resizing = new ResizeObserver(() => {
      const { width, height } = this.sigma.getDimensions();
      // Re-processing (label grid, framing) is enough: the reducers' results do not depend on the size.
      if (container.offsetWidth !== width || container.offsetHeight !== height) {
        this.sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: false, schedule: true });
      }
    });
    this.resizing.observe(container);
  }

  private readonly resizing: ResizeObserver;
  /** Where WebGL is software: the first frame in 2D, while SwiftShader draws sigma's (see poster.ts). */
  private readonly poster: Poster | null;

  /** Resolves once sigma's WebGL canvas is back in the page (on screen after the next frame's commit): at once where no poster stood in for it. */
  whenWebGLShown(): Promise<void> {
    return this.poster?.whenWebGLShown() ?? Promise.resolve();
  }
  /** The node sigma takes to be under the pointer (this.hovered leaves out faded ones). */
  private pointed: string | null = null;

  /**
   * Takes the layers that hold nothing off the page. A machine without a GPU composites in software,
   * and every canvas drawn into (sigma clears each of them for every frame) is then read back at the
   * frame's commit, empty or not: some 15-50 ms each for the page's size here. The hover layer
   * holds nothing while no actor is pointed at or selected, and the relations' labels' layer nothing
   * ever (they are not drawn). The relations share the actors' canvas, and the hovered and selected
   * actors' discs are drawn on the hover layer, over their labels' boxes (shared-canvas.ts).
   */
  private showLayers(): void {
    const canvases = this.sigma.getCanvases();
    const show = (canvas: HTMLCanvasElement | undefined, shown: boolean) => {
      if (canvas) canvas.style.display = shown ? "" : "none";
    };
    show(canvases.edgeLabels, false);
    // Sigma highlights the selected actor and the one the pointer is on there.
    const hovering = this.pointed !== null || this.selection?.kind === "actor";
    show(canvases.hovers, hovering);
  }
  /** How the camera's moves are shown: drawn at every frame, or by moving the last picture (see moving-picture.ts). */
  private readonly picture: MovingPicture;
  /** Until a pointer first comes over the graph (see bind). */
  private readonly pointerWatch = new AbortController();

  setSelection(selection: Selection): void {
    if (selection?.kind === this.selection?.kind && selection?.id === this.selection?.id) return;
    this.selection = selection;
    this.selectedKey = selection ? graphKey(selection.id) : null;
    this.showLayers();
    this.repaint(false);
  }

  /**
   * Applies the filters' result: nothing is rebuilt, the layout keeps running.
   * Only what changed is repainted; the label index is brought up to date
   * just after, so the click's own frame stays cheap on large graphs.
   */
  setVisibility(visibility: Visibility | null): void {
    const before = this.visibility;
    const shownBefore = this.shownRelations;
    const choiceBefore = this.pairs?.choice();
    this.visibility = visibility;
    this.updateShown();
    // The pairs' choice first: what is preferred over it, worked out with the focus, depends on it.
    this.chooseLines();
    this.updateFocus();
    if (!before || !visibility || before.mode !== visibility.mode || this.focus() !== null) {
      this.repaint(true);
      return;
    }
    const actorsBefore = maskFor(this.allNodes, before.actorMask, before.actors);
    const actorsAfter = maskFor(this.allNodes, visibility.actorMask, visibility.actors);
    const nodes = this.allNodes.filter((_node, i) => actorsBefore[i] !== actorsAfter[i]);
    const wasShown = (i: number) => !shownBefore || shownBefore[i] === 1;
    const edges =
      this.pairs && choiceBefore
        ? this.pairs.changedLines(choiceBefore, wasShown, (i) => this.relationShown(i))
        : this.allEdges.filter((_edge, i) => wasShown(i) !== this.relationShown(i));
    if (nodes.length === 0 && edges.length === 0) return;
    // Drawn at once, but not while lines are coming (see showRelations): the frame after them will.
    this.sigma.refresh({ partialGraph: { nodes, edges }, skipIndexation: !this.linesUnplaced, schedule: this.linesComing });
    // Only an actor that appears needs a place in sigma's label index.
    if (nodes.some((node) => visibility.actors.has(datasetId(node)))) this.reindexSoon();
  }

  private reindexTimer: ReturnType<typeof setTimeout> | null = null;

  /** Chooses again which relation stands for each pair, among those the filters now show. */
  private chooseLines(): void {
    this.pairs?.choose((i) => this.relationShown(i));
  }

  private updateShown(): void {
    const visibility = this.visibility;
    // The filters' result holds only the dataset's relations and actors: as many as there are means all of them.
    this.shownRelations =
      !visibility || visibility.relations.size >= this.allEdges.length ? null : maskFor(this.allEdges, visibility.relationMask, visibility.relations);
    this.shownActors = !visibility || visibility.actors.size >= this.allNodes.length ? null : maskFor(this.allNodes, visibility.actorMask, visibility.actors);
  }

  /** Whether the filters show a relation (by its place in allEdges). */
  private relationShown(i: number): boolean {
    return this.shownRelations === null || this.shownRelations[i] === 1;
  }

  /** Newly shown actors need sigma's label index; rebuild it once the clicks stop. */
  private reindexSoon(): void {
    if (this.reindexTimer !== null) clearTimeout(this.reindexTimer);
    this.reindexTimer = setTimeout(() => {
      this.reindexTimer = null;
      this.sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: false, schedule: true });
    }, 250);
  }

  /** Frames a group of actors in the part of the graph a panel leaves visible (see Cover). */
  frameNodes(nodes: readonly string[], cover: Cover, animate: boolean): void {
    const points = nodes.map((n) => this.sigma.getNodeDisplayData(graphKey(n))).filter((d) => d !== undefined);
    if (points.length === 0) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const { width, height } = this.sigma.getDimensions();
    // Room around the group for the labels, which run past the nodes at either end.
    const room = 2 * 70;
    const visibleShare = Math.max(0.3, Math.min((width - Math.abs(cover.side) - room) / width, (height - cover.bottom - room) / height));
    // At ratio 1 the whole graph fits the smaller side; a group spanning s of it needs about s of the view,
    // and a wide group beside a panel needs the view zoomed out further than the whole graph.
    const ratio = Math.min(2, Math.max(0.2, (Math.max(maxX - minX, maxY - minY) * 1.5) / visibleShare));
    this.moveCamera({ x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, ratio, cover, animate, 450);
  }

  /**
   * Pans, without zooming, so that the actors are clear of a panel (see Cover):
   * only along the axis where one is under it; nothing moves when none is.
   */
  revealNodes(nodes: readonly string[], cover: Cover, animate: boolean): void {
    const points = nodes.map((n) => this.sigma.getNodeDisplayData(graphKey(n))).filter((d) => d !== undefined);
    if (points.length === 0 || (cover.side === 0 && cover.bottom === 0)) return;
    const { width, height } = this.sigma.getDimensions();
    const margin = 30;
    const [left, right, bottom] = [Math.max(0, -cover.side), width - Math.max(0, cover.side), height - cover.bottom];
    const seen = points.map((p) => this.onScreen(p));
    const xs = seen.map((p) => p.x);
    const ys = seen.map((p) => p.y);
    const clear = (values: number[], from: number, to: number) => to - from < 2 * margin || values.every((v) => v >= from + margin && v <= to - margin);
    // How far the actors must move on screen: to the middle of the free part, along a covered axis where they are not clear.
    const dx = cover.side === 0 || clear(xs, left, right) ? 0 : (left + right) / 2 - (Math.min(...xs) + Math.max(...xs)) / 2;
    const dy = cover.bottom === 0 || clear(ys, 0, bottom) ? 0 : bottom / 2 - (Math.min(...ys) + Math.max(...ys)) / 2;
    if (dx === 0 && dy === 0) return;
    const centre = this.sigma.viewportToFramedGraph({ x: width / 2 - dx, y: height / 2 - dy });
    this.setCamera({ x: centre.x, y: centre.y }, animate, 350);
  }

  /**
   * Moves the camera to an actor, keeping the zoom unless it is far out; the
   * actor is centred in what a panel leaves free (see Cover).
   */
  focusCamera(node: string, animate: boolean, cover: Cover = UNCOVERED): void {
    const data = this.sigma.getNodeDisplayData(graphKey(node));
    if (!data) return;
    this.moveCamera(data, Math.min(this.sigma.getCamera().ratio, 0.8), cover, animate, 450);
  }

  /**
   * Moves the camera so that `point` (framed graph coordinates) is in the middle
   * of what a panel leaves free (the whole view when nothing covers it), at `ratio`.
   */
  private moveCamera(point: { x: number; y: number }, ratio: number, cover: Cover, animate: boolean, duration: number): void {
    const camera = this.sigma.getCamera();
    const { width, height } = this.sigma.getDimensions();
    // Seen from a camera on the point, the spot half a cover away; centring on it puts the point
    // in the middle of the free part (on either side, as the cover's sign says).
    const onPoint = { ...camera.getState(), x: point.x, y: point.y, ratio };
    const centre = this.sigma.viewportToFramedGraph({ x: (width + cover.side) / 2, y: (height + cover.bottom) / 2 }, { cameraState: onPoint });
    this.setCamera({ x: centre.x, y: centre.y, ratio }, animate, duration);
  }

  private setCamera(target: { x: number; y: number; ratio?: number }, animate: boolean, duration: number): void {
    const camera = this.sigma.getCamera();
    if (animate) void camera.animate(target, { duration });
    else camera.setState({ ...camera.getState(), ...target });
  }

  /**
   * Draws the relations held back by `relationsLater`, at the frame after the last step. A large
   * graph's lines are given to sigma `step` at a time, each step a call to next(): sigma indexes
   * each line as it comes (40,000 lines and the settled places written before them were one task
   * of 0.36 s on a slow machine), and draws nothing meanwhile, as each of its frames processes
   * every line it holds. With `settling` (modules loaded for large graphs only), sigma's processing
   * of the whole graph follows in steps too, `settling.step` edges each (stepped-process.ts), so that
   * the frame finds it done; and that frame is drawn aside where WebGL is software (frame-aside.ts).
   */
  *showRelations(step = Infinity, settling?: Settling): Generator<void, void> {
    if (!this.relationsWaiting) return;
    this.relationsWaiting = false;
    this.showLayers();
    if (!this.pairs) {
      this.repaint(true);
      return;
    }
    this.linesComing = true;
    this.linesUnplaced = true;
    this.shared.holdFrames();
    // The first lines come in a task of their own: what called this (the settled positions written) was one.
    yield;
    if (this.killed) return;
    // So do the relations' looks the lines read (15-25 ms at 40,000 relations), made before the first line is.
    this.relationLooks();
    yield;
    if (this.killed) return;
    const steps = this.pairs.addLinesInSteps(step);
    while (!steps.next().done) {
      yield;
      if (this.killed) return;
    }
    if (settling) {
      yield;
      if (this.killed) return;
      const processing = settling.processInSteps(this.shared, settling.step);
      let done = processing.next();
      while (!done.done) {
        yield;
        if (this.killed) return;
        done = processing.next();
      }
      // Processed to the end: every line has its place, and repaints may skip indexation again
      // (sigma's afterProcess came while the lines still counted as coming).
      if (done.value) this.linesUnplaced = false;
    }
    this.linesComing = false;
    // That frame draws every line and actor at once: 0.3 s of the page's time at 10,000 actors on a
    // software WebGL, most of it waiting for SwiftShader, which it no longer does (see frame-aside.ts).
    this.shared.releaseFrames(settling?.FrameAside ?? null);
  }

  /** How many times sigma has run the edge reducer, over any edge (for the tests: each line given is reduced once). */
  get reducedEdges(): number {
    return this.edgeReductions;
  }
  private edgeReductions = 0;

  /** How many times sigma processed the graph in a frame, rather than finding it processed in steps (see showRelations). */
  processingsInFrames(): number {
    return this.shared.processingsInFrames;
  }

  /** Whether a frame drawn aside (see showRelations) is still to be put on the canvas. */
  isDrawingAside(): boolean {
    return this.shared.isDrawingAside();
  }

  /**
   * Resolves once the frame sigma is to draw next (or is drawing aside) is on the canvas, in the
   * animation frame that put it there; at once when none is coming.
   */
  whenFrameShown(): Promise<void> {
    return this.killed ? Promise.resolve() : this.shared.whenFrameShown();
  }

  /**
   * The data graph's relations came after the first frame (app/mount.ts): what is in focus (a
   * selected or hovered actor's relations, a selected relation) is known only now.
   */
  relationsAdded(): void {
    if (this.selection || this.hovered || this.highlight) this.repaint(false);
  }

  /**
   * Lines just given to sigma have no place in its edge program until it next processes the
   * graph (at its next frame): until then a repaint must not skip indexation, or sigma throws.
   */
  private linesUnplaced = false;
  /** While the lines are given to sigma a step at a time: more are to come after any processing. */
  private linesComing = false;
  private killed = false;

  relationsShown(): boolean {
    return !this.relationsWaiting;
  }

  /**
   * Re-runs the reducers without rebuilding sigma's indices. When what is
   * hidden changes, sigma must also re-process (label grid, programs). The
   * drawing waits for the next frame, so that several changes in one task
   * (a view applied at start: filters, then the selection) cost one draw.
   */
  private repaint(visibilityChanged: boolean): void {
    this.updateFocus();
    this.sigma.refresh({
      partialGraph: { nodes: this.allNodes, edges: this.pairs ? this.pairs.lineKeys() : this.allEdges },
      skipIndexation: !visibilityChanged && !this.linesUnplaced,
      schedule: true,
    });
  }

  private isShown(node: string): boolean {
    return this.shownActors === null || this.shownActors[this.nodeIndex.get(node)!] === 1;
  }

  getSelection(): Selection {
    return this.selection;
  }

  /** Where a node is on screen, in pixels from the container's top-left corner. */
  nodeViewportPosition(node: string): { x: number; y: number } | null {
    const data = this.sigma.getNodeDisplayData(graphKey(node));
    if (!data) return null;
    return this.onScreen(data);
  }

  /**
   * Where a point of the framed graph is on screen, as the camera shows it now. Sigma's own conversion
   * is as of its last frame, which a moving picture (see moving-picture.ts) leaves behind while the camera moves.
   */
  private onScreen(point: { x: number; y: number }): { x: number; y: number } {
    return this.sigma.framedGraphToViewport(point, { cameraState: this.sigma.getCamera().getState() });
  }

  /** Each relation drawn (not hidden), the one a pair's line shows standing for its pair on a large graph. */
  forEachDrawnRelation(visit: DrawnRelationVisitor): void {
    // Lines given to sigma a step at a time are drawn once the last is there (see showRelations),
    // on screen once the frame drawn aside for them is.
    if (this.linesComing || this.shared.isDrawingAside()) return;
    this.sigma.getGraph().forEachEdge((edge) => {
      const display = this.sigma.getEdgeDisplayData(edge);
      if (!display || display.hidden) return;
      const relation = this.relationOf(edge);
      visit(relation, display, this.graph.getEdgeAttributes(relation), this.graph.source(relation), this.graph.target(relation));
    });
  }

  /** The relation an edge sigma draws shows: itself, or on a large graph the one its pair's line shows. */
  private relationOf(edge: string): string {
    if (!this.pairs) return edge;
    const pair = this.sigma.getGraph().getEdgeAttribute(edge, "pair") as number;
    return this.allEdges[this.shownFor(pair)]!;
  }

  /** The relation a pair's line shows (an index into allEdges). */
  private shownFor(pair: number): number {
    return this.preferred.get(pair) ?? this.pairs!.chosenFor(pair);
  }

  kill(): void {
    this.killed = true;
    this.resizing.disconnect();
    this.pointerWatch.abort();
    this.pairs?.dispose();
    if (this.reindexTimer !== null) clearTimeout(this.reindexTimer);
    this.picture.dispose();
    this.poster?.dispose();
    this.sigma.kill();
  }

  /**
   * What is in focus, computed once per change rather than once per node and edge drawn: the
   * hovered node, else the selected actor or relation, with neighbours; or an insight's group.
   */
  private focused: Focus = null;

  private focus(): Focus {
    return this.focused;
  }

  private updateFocus(): void {
    this.focused = this.computeFocus();
    this.updatePreferred();
  }

  /** Which pairs show a relation other than their chosen one: the selected relation, or one in focus when the chosen one is not. */
  private updatePreferred(): void {
    const pairs = this.pairs;
    if (!pairs) return;
    const preferred = new Map<number, number>();
    const inFocus = this.focused?.edges;
    if (inFocus) {
      for (const edge of inFocus) {
        const i = pairs.indexOf(edge);
        if (i === undefined) continue;
        const pair = pairs.pairOf(i);
        if (!preferred.has(pair) && !inFocus.has(this.allEdges[pairs.chosenFor(pair)]!) && this.mayStandFor(pair, i)) preferred.set(pair, i);
      }
    }
    const selected = this.selection?.kind === "relation" && this.selectedKey ? pairs.indexOf(this.selectedKey) : undefined;
    if (selected !== undefined && this.mayStandFor(pairs.pairOf(selected), selected)) preferred.set(pairs.pairOf(selected), selected);
    this.preferred = preferred;
  }

  /**
   * Whether a relation may show on its pair's line instead of the chosen one: not one the filters
   * hide while the chosen one is shown, which would hide (or fade) a line the filters let through.
   */
  private mayStandFor(pair: number, relation: number): boolean {
    return this.relationShown(relation) || !this.relationShown(this.pairs!.chosenFor(pair));
  }

  /** Highlights a group of actors and relations (an insight's triangle), dimming the rest; null clears it. */
  setHighlight(highlight: { nodes: readonly string[]; edges: readonly string[] } | null): void {
    this.highlight = highlight ? { nodes: new Set(highlight.nodes.map(graphKey)), edges: new Set(highlight.edges.map(graphKey)) } : null;
    this.repaint(false);
  }

  private highlight: { nodes: Set<string>; edges: Set<string> } | null = null;

  private computeFocus(): Focus {
    const graph = this.graph;
    if (!this.hovered && this.highlight) return this.highlight;
    const actor = this.hovered ?? (this.selection?.kind === "actor" ? this.selectedKey : null);
    if (actor && graph.hasNode(actor)) {
      // Only what the filters show counts as a neighbour.
      const edges = graph.edges(actor).filter((e) => !this.visibility || this.visibility.relations.has(datasetId(e)));
      const nodes = new Set<string>([actor]);
      for (const edge of edges) for (const end of graph.extremities(edge)) nodes.add(end);
      return { nodes, edges: new Set(edges) };
    }
    if (this.selection?.kind === "relation" && this.selectedKey && graph.hasEdge(this.selectedKey)) {
      const edge = this.selectedKey;
      return { nodes: new Set(graph.extremities(edge)), edges: new Set([edge]) };
    }
    return null;
  }

  /**
   * `data` is sigma's own copy of the node's attributes, made for this call: it is changed in place
   * rather than copied again (10,000 actors: two copies each were some 40 ms of sigma's start). Every
   * field sigma would otherwise default is set here, so that the record keeps one shape.
   */
  private reduceNode(node: string, data: ActorNode): Partial<NodeDisplayData> {
    const focus = this.focus();
    const selected = this.selection?.kind === "actor" && this.selectedKey === node;
    const out = data as unknown as Partial<NodeDisplayData>;
    out.hidden = false;
    out.highlighted = false;
    out.forceLabel = false;
    out.zIndex = 0;
    if (!this.isShown(node)) {
      if (this.visibility?.mode === "hide") {
        out.hidden = true;
        return out;
      }
      out.color = this.options.theme.fadedColor;
      out.label = "";
      out.zIndex = -1;
      return out;
    }
    if (selected || node === this.hovered) {
      out.highlighted = true;
      out.zIndex = 2;
    }
    if (focus && !focus.nodes.has(node)) {
      out.color = this.options.theme.dimColor;
      out.label = "";
      out.zIndex = 0;
    } else if (focus) {
      out.zIndex = Math.max(out.zIndex, 1);
      out.forceLabel = true;
    }
    return out;
  }

  /**
   * `data` is sigma's own copy of the edge's attributes, made for this call: it is changed in place
   * rather than copied again, as this runs for every edge on every repaint.
   */
  private reduceEdge(edge: string, data: Attributes): Partial<EdgeDisplayData> {
    this.edgeReductions += 1;
    const out = data as Partial<EdgeDisplayData>;
    if (this.relationsWaiting) {
      out.hidden = true;
      return out;
    }
    if (!this.pairs) return stackedBehind(this.reduceRelation(this.edgeIndex!.get(edge)!, out));
    // A pair's line keeps its own program and thickness, and takes the rest from the relation it shows.
    const relation = this.shownFor(data.pair as number);
    const looks = this.relationLooks();
    out.color = looks.colors[relation];
    (out as { dashed?: boolean }).dashed = looks.dashed[relation] === 1;
    return stackedBehind(this.reduceRelation(relation, out));
  }

  /**
   * How a relation (by its place in allEdges) is drawn, from the filters, the selection and the
   * focus; `out` is changed and returned.
   */
  private reduceRelation(i: number, out: Partial<EdgeDisplayData>): Partial<EdgeDisplayData> {
    const focus = this.focus();
    const edge = this.allEdges[i]!;
    const selected = this.selection?.kind === "relation" && this.selectedKey === edge;
    if (this.visibility && !this.relationShown(i)) {
      if (this.visibility.mode === "hide") out.hidden = true;
      else {
        out.color = this.options.theme.fadedEdgeColor;
        out.zIndex = -1;
      }
      return out;
    }
    if (selected) {
      out.size = 5;
      out.zIndex = 2;
    }
    if (focus?.edges && !focus.edges.has(edge)) {
      out.color = this.options.theme.dimEdgeColor;
      out.zIndex = 0;
    } else if (focus) {
      out.zIndex = Math.max(out.zIndex ?? 0, 1);
    }
    return out;
  }

  /** Whether sigma draws its picking pass yet (see picking.ts). */
  get picking(): boolean {
    return isPicking(this.sigma);
  }

  /** Whether the camera's moves move the picture last drawn rather than draw each frame: always on large graphs, on others once moving was slow. */
  picturesMove(): boolean {
    return this.picture.isEnabled();
  }

  private bind(): void {
    const sigma = this.sigma;
    // Pointer events come before the mouse and touch events sigma reads the picking texture for.
    const startOnce = () => {
      startPicking(sigma);
      this.pointerWatch.abort();
    };
    for (const type of ["pointerover", "pointermove", "pointerdown"]) {
      sigma.getContainer().addEventListener(type, startOnce, { capture: true, signal: this.pointerWatch.signal });
    }
    // Once sigma has processed the graph, every line has its place: repaints may skip indexation again.
    sigma.on("afterProcess", () => {
      this.linesUnplaced = this.linesComing;
    });
    sigma.on("enterNode", ({ node }) => {
      // Sigma draws the node under the pointer on its hover layer, faded or not.
      this.pointed = node;
      this.showLayers();
      // A faded actor is context, not something to explore.
      if (!this.isShown(node)) return;
      this.hovered = node;
      sigma.getContainer().style.cursor = "pointer";
      this.repaint(false);
    });
    sigma.on("leaveNode", () => {
      this.pointed = null;
      this.showLayers();
      if (this.hovered === null) return;
      this.hovered = null;
      if (!this.dragged) sigma.getContainer().style.cursor = "";
      this.repaint(false);
    });
    sigma.on("enterEdge", () => {
      sigma.getContainer().style.cursor = "pointer";
    });
    sigma.on("leaveEdge", () => {
      if (!this.dragged) sigma.getContainer().style.cursor = "";
    });
    sigma.on("downNode", ({ node }) => {
      this.dragged = node;
      this.moved = false;
      // Freeze the frame so the view does not rescale under the pointer while dragging.
      if (!sigma.getCustomBBox()) sigma.setCustomBBox(sigma.getBBox());
    });
    sigma.on("moveBody", ({ event }) => {
      if (!this.dragged) return;
      const position = sigma.viewportToGraph(event);
      this.moved = true;
      this.graph.mergeNodeAttributes(this.dragged, { x: position.x, y: position.y });
      this.events.drag(this.dragged, position.x, position.y);
      event.preventSigmaDefault();
      event.original.preventDefault();
      event.original.stopPropagation();
    });
    const drop = () => {
      this.dragged = null;
    };
    sigma.on("upNode", drop);
    sigma.on("upStage", drop);
    sigma.on("clickNode", ({ node }) => {
      if (this.moved) {
        this.moved = false;
        return;
      }
      if (this.isShown(node)) this.events.select({ kind: "actor", id: datasetId(node) });
    });
    // Sigma takes a second click within its double-click delay as a double click and sends no click:
    // a reader going quickly from one actor to the next still means to choose the second one.
    sigma.on("doubleClickNode", ({ node, preventSigmaDefault }) => {
      preventSigmaDefault();
      if (this.isShown(node)) this.events.select({ kind: "actor", id: datasetId(node) });
    });
    sigma.on("clickEdge", ({ edge }) => {
      const relation = this.relationOf(edge);
      if (!this.visibility || this.visibility.relations.has(datasetId(relation))) this.events.select({ kind: "relation", id: datasetId(relation) });
    });
    sigma.on("clickStage", () => {
      if (this.moved) {
        this.moved = false;
        return;
      }
      this.events.select(null);
    });
  }
}

/**
 * Relations are drawn behind what is already on their canvas (shared-canvas.ts), so among them the
 * first drawn is on top. Where sigma orders them by z-index (graphs drawn with `zIndex`, within a
 * program, when it indexes them), it draws the lowest first: a relation raised above the rest
 * (selected, in focus) is given the lowest.
 */
function stackedBehind(out: Partial<EdgeDisplayData>): Partial<EdgeDisplayData> {
  if (out.zIndex) out.zIndex = -out.zIndex;
  return out;
}

/** Sigma's default node program, compiling and drawing its picking pass only once a pointer has come over the graph, every disc in one call. */
const NODE_PROGRAM = pickLater(uninstanced(NodeCircleProgram));
/**
 * The same discs drawn as points, for the graphs with the most nodes: one vertex a node where the
 * discs' triangles take three, each with the node's whole record. (Drawn as sigma draws them, one
 * instance a node, 10,000 discs cost a software WebGL about 0.2 s a frame.)
 */
const POINT_NODE_PROGRAM = pickLater(NodePointProgram);

/** Drawn behind the actors, on the canvas they share (shared-canvas.ts). */
const EDGE_PROGRAMS = {
  relation: drawnBehind(RelationProgram),
  line: drawnBehind(DashableLineProgram),
  arrow: drawnBehind(DashableArrowProgram),
  curved: drawnBehind(DashableCurveProgram),
  curvedArrow: drawnBehind(DashableCurvedArrowProgram),
  thin: drawnBehind(DashableThinProgram),
};

/**
 * The edge programs the graph's edges use (the first is the default). Sigma compiles
 * every program it is given when it starts, and on a software WebGL each one
 * costs tens of milliseconds: a small graph needs one (the relation program), and a large
 * graph drawn in one-pixel lines one too.
 */
function usedPrograms(graph: EntenteGraph): Partial<typeof EDGE_PROGRAMS> {
  const used: Partial<typeof EDGE_PROGRAMS> = {};
  graph.forEachEdge((_edge, attributes) => {
    const type = attributes.type as keyof typeof EDGE_PROGRAMS | undefined;
    if (type && type in EDGE_PROGRAMS && !used[type]) Object.assign(used, { [type]: EDGE_PROGRAMS[type] });
  });
  // Sigma needs a default program even for a graph without relations.
  return Object.keys(used).length > 0 ? used : { relation: EDGE_PROGRAMS.relation };
}

/**
 * The filters' mask when it is in the graph's order (always, as the graph is built in the dataset's
 * order), else one made from their set of ids: a wrong mask would show the wrong relations.
 */
function maskFor(keys: readonly string[], mask: Uint8Array, ids: ReadonlySet<string>): Uint8Array {
  if (mask.length === keys.length) return mask;
  return Uint8Array.from(keys, (key) => (ids.has(datasetId(key)) ? 1 : 0));
}

/** Each relation's colour and dash, by its place in `edges`. */
function relationLooks(graph: EntenteGraph, edges: readonly string[]): { colors: string[]; dashed: Uint8Array } {
  const dashed = new Uint8Array(edges.length);
  const colors = edges.map((edge, i) => {
    const attributes = graph.getEdgeAttributes(edge);
    if (attributes.dashed) dashed[i] = 1;
    return attributes.color ?? "";
  });
  return { colors, dashed };
}
