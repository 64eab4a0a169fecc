import { describe, expect, it } from "vitest";
import { SLOW_MOVE_FRAME_MS, SLOW_MOVE_FRAMES, SlowMoves } from "../../src/render/slow-moves";

/** Frames at these times (ms), all while the camera moves; what the last one says. */
function afterMoves(times: number[]): boolean {
  const moves = new SlowMoves();
  return times.map((t) => moves.frame(t, true)).at(-1)!;
}

describe("SlowMoves", () => {
  it("says moving is slow after three slow frames in a row while the camera moves", () => {
    expect(SLOW_MOVE_FRAMES).toBe(3);
    expect(afterMoves([0, 80, 160])).toBe(false);
    expect(afterMoves([0, 80, 160, 240])).toBe(true);
    expect(afterMoves([0, 79, 158, 237])).toBe(false);
    expect(SLOW_MOVE_FRAME_MS).toBe(80);
  });

  it("starts counting again after a quick frame", () => {
    expect(afterMoves([0, 100, 200, 216, 316, 416])).toBe(false);
    expect(afterMoves([0, 100, 200, 216, 316, 416, 516])).toBe(true);
  });

  it("does not count the time between two moves, nor frames drawn while the camera stays still", () => {
    const moves = new SlowMoves();
    expect(moves.frame(0, true)).toBe(false);
    expect(moves.frame(100, true)).toBe(false);
    // The layout or a hover redraws while the camera stays.
    expect(moves.frame(500, false)).toBe(false);
    expect(moves.frame(1000, false)).toBe(false);
    // A new move: its first frame comes long after the last move's, which is not slowness.
    expect(moves.frame(5000, true)).toBe(false);
    expect(moves.frame(5016, true)).toBe(false);
    expect(moves.frame(5100, true)).toBe(false);
    expect(moves.frame(5200, true)).toBe(false);
    expect(moves.frame(5300, true)).toBe(true);
  });

  it("keeps its answer once moving has been slow", () => {
    const moves = new SlowMoves();
    for (const t of [0, 100, 200, 300]) moves.frame(t, true);
    expect(moves.frame(316, true)).toBe(true);
    expect(moves.frame(400, false)).toBe(true);
  });
});
