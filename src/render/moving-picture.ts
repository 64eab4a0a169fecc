/**
 * Camera moves shown by moving the picture last drawn, where drawing every frame of a move is too
 * slow. Sigma draws the whole graph again at each camera update; without a GPU (SwiftShader) that
 * is 40-80 ms a frame for a thousand actors, and every WebGL canvas is read back at each frame
 * on top. A pan or a zoom then shifts and scales the canvases already drawn (a CSS transform, which
 * the compositor applies without drawing or reading anything back), and sigma draws once the camera
 * rests: the relations stay on screen through the move, and it follows the pointer at the screen's
 * rate. What the move brings into view from outside the picture is blank until then.
 */
import type Sigma from "sigma";
import type { CameraState } from "sigma/types";
import { SlowMoves } from "./slow-moves";

export interface Point {
  x: number;
  y: number;
}

/** A uniform scale about the viewport's top-left corner, then a translation (CSS pixels). */
export interface PictureShift {
  scale: number;
  x: number;
  y: number;
}

/**
 * The shift taking two points of the picture, where they were drawn, to where the camera shows them
 * now; null when the two drawn points coincide, or when the view turned (a turn is not a shift).
 */
export function pictureShift(drawn: readonly [Point, Point], now: readonly [Point, Point]): PictureShift | null {
  const before = { x: drawn[1].x - drawn[0].x, y: drawn[1].y - drawn[0].y };
  const after = { x: now[1].x - now[0].x, y: now[1].y - now[0].y };
  const length = Math.hypot(before.x, before.y);
  if (!(length > 1e-9)) return null;
  const scale = Math.hypot(after.x, after.y) / length;
  if (!Number.isFinite(scale) || scale <= 0) return null;
  // Same direction: the cross product of the two is nil (within rounding), the dot product positive.
  const cross = before.x * after.y - before.y * after.x;
  const dot = before.x * after.x + before.y * after.y;
  if (dot <= 0 || Math.abs(cross) > 1e-6 * length * length * scale) return null;
  return { scale, x: now[0].x - scale * drawn[0].x, y: now[0].y - scale * drawn[0].y };
}

/** The CSS transform for a shift, with the transform's origin at the top-left corner. */
export function shiftTransform(shift: PictureShift): string {
  return `translate(${shift.x}px, ${shift.y}px) scale(${shift.scale})`;
}

/** Two points of the framed graph, far enough apart that their positions give the scale precisely. */
const PROBES: readonly [Point, Point] = [
  { x: 0, y: 0 },
  { x: 1, y: 1 },
];

// `any`: sigma's node, edge and graph attribute types do not matter here, only its camera, canvases and events.
type AnySigma = Sigma<any, any, any>;

/**
 * Takes over sigma's answer to camera updates. Until `enable`, it is sigma's own (draw at the next
 * frame); after, a camera update shifts the picture, and sigma draws once the camera rests: no
 * animation running, no drag or wheel under way, and no update for a frame.
 */
export class MovingPicture {
  private enabled = false;
  /** The camera the picture on screen was drawn with. */
  private drawnAt: CameraState;
  /** Whether the picture on screen is shifted from where it was drawn. */
  private shifted = false;
  private watch = 0;
  private updatedSinceLook = false;
  private readonly sigmaListeners: ((...args: unknown[]) => void)[];
  private readonly listening = new AbortController();
  /** Every canvas sigma draws on; not its mouse layer, which takes the pointer's events where they happen. */
  private readonly canvases: HTMLCanvasElement[];
  /** Stops watching for slow moves (see enableOnceSlow). */
  private stopWatchingMoves: (() => void) | null = null;

  constructor(private readonly sigma: AnySigma) {
    const camera = sigma.getCamera();
    // Sigma drew its first frame while it was constructed, with the camera as it is.
    this.drawnAt = camera.getState();
    this.canvases = Object.entries(sigma.getCanvases())
      .filter(([layer]) => layer !== "mouse")
      .map(([, canvas]) => canvas);
    // Sigma's own listener asks for a frame at every update: it is called from here when the picture cannot move instead.
    this.sigmaListeners = camera.listeners("updated") as ((...args: unknown[]) => void)[];
    for (const listener of this.sigmaListeners) camera.off("updated", listener);
    camera.on("updated", this.onCameraUpdated);
    sigma.on("afterRender", this.onDrawn);
    // Before sigma reads what is under the pointer (from its last frame): see onPointerDown.
    sigma.getContainer().addEventListener("pointerdown", this.onPointerDown, { capture: true, signal: this.listening.signal });
  }

  /** From now on, camera moves move the picture. */
  enable(): void {
    if (this.enabled) return;
    this.enabled = true;
    this.stopWatchingMoves?.();
    for (const canvas of this.canvases) {
      // Each canvas a layer of its own, so that moving it is the compositor's work alone.
      canvas.style.willChange = "transform";
      canvas.style.transformOrigin = "0 0";
    }
  }

  /** Enables it once three frames in a row were slow while the camera moved (see slow-moves.ts): a machine with a GPU never gets there. */
  enableOnceSlow(): void {
    if (this.enabled || this.stopWatchingMoves) return;
    const moves = new SlowMoves();
    const onRender = () => {
      if (moves.frame(performance.now(), this.cameraMoving())) this.enable();
    };
    this.sigma.on("afterRender", onRender);
    this.stopWatchingMoves = () => {
      this.sigma.off("afterRender", onRender);
      this.stopWatchingMoves = null;
    };
  }

  isEnabled(): boolean {
    return this.enabled;
  }

  dispose(): void {
    if (this.watch) cancelAnimationFrame(this.watch);
    this.watch = 0;
    const camera = this.sigma.getCamera();
    camera.off("updated", this.onCameraUpdated);
    for (const listener of this.sigmaListeners) camera.on("updated", listener);
    this.sigma.off("afterRender", this.onDrawn);
    this.stopWatchingMoves?.();
    this.listening.abort();
  }

  /**
   * Whether the camera moves: an animation, a drag or a wheel under way. (An actor's drag takes its
   * pointer's moves from sigma's captor, which then does not count them.)
   */
  private cameraMoving(): boolean {
    const mouse = this.sigma.getMouseCaptor();
    return this.sigma.getCamera().isAnimated() || mouse.isMoving || mouse.currentWheelDirection !== 0 || this.sigma.getTouchCaptor().isMoving;
  }

  private readonly onDrawn = (): void => {
    this.drawnAt = this.sigma.getCamera().getState();
    if (!this.shifted) return;
    this.shifted = false;
    for (const canvas of this.canvases) canvas.style.transform = "";
  };

  /**
   * A press while the picture is shifted (the view still gliding after a drag, or zooming) is aimed
   * at what is on screen, where sigma would find what was under the pointer before the move: the
   * graph is drawn where the camera is first, in this same task.
   */
  private readonly onPointerDown = (): void => {
    if (this.shifted) this.sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
  };

  private readonly onCameraUpdated = (...args: unknown[]): void => {
    const shift = this.enabled ? this.shiftNow() : null;
    if (!shift) {
      for (const listener of this.sigmaListeners) listener(...args);
      return;
    }
    const transform = shiftTransform(shift);
    for (const canvas of this.canvases) canvas.style.transform = transform;
    this.shifted = true;
    this.updatedSinceLook = true;
    if (!this.watch) this.watch = requestAnimationFrame(this.lookForRest);
  };

  private shiftNow(): PictureShift | null {
    const now = this.sigma.getCamera().getState();
    if (now.angle !== this.drawnAt.angle) return null;
    const at = (cameraState: CameraState) =>
      PROBES.map((point) => this.sigma.framedGraphToViewport(point, { cameraState })) as [Point, Point];
    return pictureShift(at(this.drawnAt), at(now));
  }

  private readonly lookForRest = (): void => {
    const moving = this.updatedSinceLook || this.cameraMoving();
    this.updatedSinceLook = false;
    if (moving) {
      this.watch = requestAnimationFrame(this.lookForRest);
      return;
    }
    this.watch = 0;
    // Drawn at the next frame, with the camera where it rests; the shift is undone as it is drawn. (A
    // picture no longer shifted was drawn meanwhile, for another reason, with the camera as it rests.)
    if (this.shifted) this.sigma.scheduleRender();
  };
}
