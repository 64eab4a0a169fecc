import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { controlPoint, controlUpTo, crossingFromEnd, curveAt, dashBands, headOf, inThinGap, isSoftwareRenderer, linePixels, type Point } from "../../src/render/poster-shapes";

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

describe("isSoftwareRenderer", () => {
  it("knows the software rasterisers a browser falls back to", () => {
    expect(isSoftwareRenderer("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)")).toBe(true);
    expect(isSoftwareRenderer("Google SwiftShader")).toBe(true);
    expect(isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)")).toBe(true);
    expect(isSoftwareRenderer("softpipe")).toBe(true);
    expect(isSoftwareRenderer("ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)")).toBe(true);
  });

  it("leaves GPUs alone", () => {
    expect(isSoftwareRenderer("ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)")).toBe(false);
    expect(isSoftwareRenderer("ANGLE (NVIDIA, NVIDIA GeForce GTX 1060 Direct3D11 vs_5_0 ps_5_0, D3D11)")).toBe(false);
    expect(isSoftwareRenderer("Apple M1")).toBe(false);
    expect(isSoftwareRenderer("WebKit WebGL")).toBe(false);
    expect(isSoftwareRenderer("")).toBe(false);
  });
});

describe("controlPoint", () => {
  it("puts a curve's control point on the side sigma draws it, as the SVG export does", () => {
    expect(controlPoint({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.5)).toEqual({ x: 50, y: -50 });
    expect(controlPoint({ x: 0, y: 0 }, { x: 0, y: 100 }, 0.25)).toEqual({ x: 25, y: 50 });
  });

  it("puts a straight relation's on its chord", () => {
    expect(controlPoint({ x: 10, y: 20 }, { x: 30, y: 60 }, 0)).toEqual({ x: 20, y: 40 });
  });
});

describe("curveAt and controlUpTo", () => {
  it("runs from the first end to the second, through the middle of the control point's pull", () => {
    const [a, c, b] = [{ x: 0, y: 0 }, { x: 50, y: -50 }, { x: 100, y: 0 }];
    expect(curveAt(a, c, b, 0)).toEqual(a);
    expect(curveAt(a, c, b, 1)).toEqual(b);
    expect(curveAt(a, c, b, 0.5)).toEqual({ x: 50, y: -25 });
  });

  it("makes a part of a curve that follows it exactly", () => {
    const point = fc.record({ x: fc.double({ min: -1000, max: 1000, noNaN: true }), y: fc.double({ min: -1000, max: 1000, noNaN: true }) });
    fc.assert(
      fc.property(point, point, point, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, c, b, t, s) => {
        const part = curveAt(a, controlUpTo(a, c, t), curveAt(a, c, b, t), s);
        expect(distance(part, curveAt(a, c, b, s * t))).toBeLessThan(1e-6);
      }),
    );
  });
});

describe("crossingFromEnd", () => {
  it("finds where a straight relation enters the circle about its end", () => {
    expect(crossingFromEnd({ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 100, y: 0 }, 10)).toBeCloseTo(0.9, 6);
  });

  it("finds a point of a curve at that distance, the last one before the end", () => {
    const [a, b] = [{ x: 0, y: 0 }, { x: 100, y: 0 }];
    const c = controlPoint(a, b, 0.4);
    const t = crossingFromEnd(a, c, b, 20);
    expect(distance(curveAt(a, c, b, t), b)).toBeCloseTo(20, 5);
    // Nothing after it is as far.
    for (let u = t + 0.01; u <= 1; u += 0.01) expect(distance(curveAt(a, c, b, u), b)).toBeLessThan(20);
  });

  it("gives the start of a relation shorter than the radius", () => {
    expect(crossingFromEnd({ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 4, y: 0 }, 10)).toBe(0);
  });
});

describe("headOf", () => {
  it("gives sigma's head: from 2.5 thicknesses off the target's rim to the rim, twice the line's width", () => {
    const head = headOf({ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 100, y: 0 }, 10, 2);
    expect(head.base.x).toBeCloseTo(85, 5);
    expect(head.tip.x).toBeCloseTo(90, 5);
    expect(head.base.y).toBeCloseTo(0, 9);
    expect(head.until).toBeCloseTo(0.85, 6);
    expect(head.halfWidth).toBe(2);
  });

  it("leaves out half of the shader's fading, as a line's width does", () => {
    expect(headOf({ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 100, y: 0 }, 10, 2, 1).halfWidth).toBe(1.5);
  });
});

describe("dashBands", () => {
  it("cuts dashes of 5 and gaps of 3 thicknesses from the source, a period before it to past the target", () => {
    expect(dashBands(40, 2)).toEqual([
      [-16, -6],
      [0, 10],
      [16, 26],
      [32, 42],
    ]);
  });

  it("counts a line thinner than a pixel as a pixel, as the shader does", () => {
    expect(dashBands(10, 0.5)).toEqual([
      [-8, -3],
      [0, 5],
      [8, 13],
    ]);
  });
});

describe("linePixels", () => {
  const pixels = (x0: number, y0: number, x1: number, y1: number) => {
    const out: [number, number][] = [];
    linePixels(x0, y0, x1, y1, (x, y) => out.push([x, y]));
    return out;
  };

  it("takes each pixel whose centre the line passes along its longer axis, in the row where the line is there", () => {
    expect(pixels(0.2, 3.7, 4.8, 3.7)).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
      [4, 3],
    ]);
    // At the centres 0.5 to 3.5 the line is at 0.25, 0.75, 1.25 and 1.75.
    expect(pixels(0, 0, 4, 2)).toEqual([
      [0, 0],
      [1, 0],
      [2, 1],
      [3, 1],
    ]);
    expect(pixels(1, 0, 2, 4)).toEqual([
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
  });

  it("gives the same pixels drawn either way, and none for a line that goes nowhere", () => {
    const sorted = (list: [number, number][]) => [...list].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true }), (x0, y0, x1, y1) => {
        const there = pixels(x0, y0, x1, y1);
        expect(sorted(pixels(x1, y1, x0, y0))).toEqual(sorted(there));
        // One pixel a step along the longer axis, each next to the last.
        expect(there.length).toBeLessThanOrEqual(Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))) + 1);
        for (let i = 1; i < there.length; i++) expect(Math.max(Math.abs(there[i]![0] - there[i - 1]![0]), Math.abs(there[i]![1] - there[i - 1]![1]))).toBe(1);
      }),
    );
    expect(pixels(3, 3, 3, 3)).toEqual([]);
  });
});

describe("inThinGap", () => {
  it("cuts dashes of 5 units and gaps of 3, a unit 1.25 CSS pixels, from the source", () => {
    expect(inThinGap(0, 1)).toBe(false);
    expect(inThinGap(6.2, 1)).toBe(false);
    expect(inThinGap(7, 1)).toBe(true);
    expect(inThinGap(10.5, 1)).toBe(false);
    // On a screen of two pixels a CSS pixel, the units are twice as many pixels.
    expect(inThinGap(14, 2)).toBe(true);
    expect(inThinGap(12, 2)).toBe(false);
  });
});
