/**
 * Whether drawing the camera's moves is too slow to draw every frame of them. A graph of a few
 * thousand relations pans smoothly with a GPU, and at 0.1-0.2 s a frame on a machine without one
 * (SwiftShader): there, the moves are better shown by moving the picture already drawn, as large
 * graphs always do (see moving-picture.ts). Pure: it is told of each frame drawn, and whether the
 * camera was moving then.
 */

/** A frame drawn this long after the previous one, while the camera moves, is slow. */
export const SLOW_MOVE_FRAME_MS = 80;
/** After this many slow frames in a row while the camera moves, moving it is slow. */
export const SLOW_MOVE_FRAMES = 3;

export class SlowMoves {
  private previous: number | null = null;
  private inARow = 0;
  private slow = false;

  /** Records a frame drawn at `now` (ms); true once moving has been slow, from then on. */
  frame(now: number, moving: boolean): boolean {
    if (this.slow) return true;
    if (!moving) {
      // The time between two moves is not a frame's cost.
      this.previous = null;
      this.inARow = 0;
      return false;
    }
    if (this.previous !== null) this.inARow = now - this.previous >= SLOW_MOVE_FRAME_MS ? this.inARow + 1 : 0;
    this.previous = now;
    this.slow = this.inARow >= SLOW_MOVE_FRAMES;
    return this.slow;
  }
}
