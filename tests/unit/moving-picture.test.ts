import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pictureShift, shiftTransform, type Point } from "../../src/render/moving-picture";

const apply = (shift: { scale: number; x: number; y: number }, p: Point): Point => ({ x: shift.scale * p.x + shift.x, y: shift.scale * p.y + shift.y });

describe("pictureShift", () => {
  it("gives a pan as a translation", () => {
    expect(pictureShift([{ x: 100, y: 50 }, { x: 300, y: 250 }], [{ x: 70, y: 90 }, { x: 270, y: 290 }])).toEqual({ scale: 1, x: -30, y: 40 });
  });

  it("gives a zoom about a point as a scale about the corner, then a translation", () => {
    // Zoomed in twice about (400, 300): that point stays, the others go twice as far from it.
    const shift = pictureShift([{ x: 300, y: 300 }, { x: 400, y: 200 }], [{ x: 200, y: 300 }, { x: 400, y: 100 }]);
    expect(shift).toEqual({ scale: 2, x: -400, y: -300 });
    expect(apply(shift!, { x: 400, y: 300 })).toEqual({ x: 400, y: 300 });
  });

  it("gives nothing for a turn, a flip or two drawn points in one place", () => {
    // A quarter turn: the same length, another direction.
    expect(pictureShift([{ x: 0, y: 0 }, { x: 100, y: 0 }], [{ x: 0, y: 0 }, { x: 0, y: 100 }])).toBeNull();
    // Half a turn (a mirror of the direction).
    expect(pictureShift([{ x: 0, y: 0 }, { x: 100, y: 0 }], [{ x: 0, y: 0 }, { x: -100, y: 0 }])).toBeNull();
    expect(pictureShift([{ x: 5, y: 5 }, { x: 5, y: 5 }], [{ x: 0, y: 0 }, { x: 10, y: 10 }])).toBeNull();
    // Both points now in one place: the picture would vanish, sigma draws instead.
    expect(pictureShift([{ x: 0, y: 0 }, { x: 10, y: 10 }], [{ x: 3, y: 3 }, { x: 3, y: 3 }])).toBeNull();
    expect(pictureShift([{ x: 0, y: 0 }, { x: 10, y: 10 }], [{ x: Number.NaN, y: 0 }, { x: 10, y: 10 }])).toBeNull();
  });

  it("takes every point of the picture where the same scale and translation take the two", () => {
    const coordinate = fc.double({ min: -5000, max: 5000, noNaN: true });
    const point = fc.record({ x: coordinate, y: coordinate });
    fc.assert(
      fc.property(point, point, point, fc.double({ min: 0.01, max: 100, noNaN: true }), coordinate, coordinate, (a, b, other, scale, x, y) => {
        fc.pre(Math.hypot(b.x - a.x, b.y - a.y) > 1);
        const moved = { scale, x, y };
        const shift = pictureShift([a, b], [apply(moved, a), apply(moved, b)]);
        expect(shift).not.toBeNull();
        const want = apply(moved, other);
        const got = apply(shift!, other);
        // Within rounding, relative to the size of the numbers involved.
        const tolerance = 1e-6 * (1 + Math.abs(scale) * 5000 + Math.abs(x) + Math.abs(y));
        expect(Math.abs(got.x - want.x)).toBeLessThan(tolerance);
        expect(Math.abs(got.y - want.y)).toBeLessThan(tolerance);
      }),
    );
  });
});

describe("shiftTransform", () => {
  it("writes the shift as CSS, translation first so the scale applies about the corner", () => {
    expect(shiftTransform({ scale: 1.5, x: -30, y: 12.5 })).toBe("translate(-30px, 12.5px) scale(1.5)");
  });
});
