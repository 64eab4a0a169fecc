/**
 * The shapes of the poster (poster.ts) where sigma's shaders put them: pure geometry in the
 * viewport's CSS pixels, y pointing down.
 */

export interface Point {
  x: number;
  y: number;
}

/**
 * Whether a WebGL renderer's name is one of the software rasterisers a browser falls back to without
 * a usable GPU: Chromium's SwiftShader, Mesa's llvmpipe and softpipe, Windows' basic render driver.
 */
export function isSoftwareRenderer(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
}

/** A relation's control point, the SVG export's: where sigma's curve shaders put it. */
export { controlPoint } from "../core/export/control-point";

/** The quadratic Bézier curve from `a` to `b` about `c`, at `t` (0 at `a`, 1 at `b`). */
export function curveAt(a: Point, c: Point, b: Point, t: number): Point {
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
}

/** The part of the curve from `a` to its point at `t`, as the control point of a curve of its own. */
export function controlUpTo(a: Point, c: Point, t: number): Point {
  return { x: a.x + t * (c.x - a.x), y: a.y + t * (c.y - a.y) };
}

/**
 * The last `t` at which the curve is `radius` away from its end `b`, coming from `a`: where it
 * crosses the circle of that radius about `b`. 0 when all of it is closer (a short relation).
 */
export function crossingFromEnd(a: Point, c: Point, b: Point, radius: number): number {
  const away = (t: number) => {
    const p = curveAt(a, c, b, t);
    return Math.hypot(p.x - b.x, p.y - b.y);
  };
  if (away(0) <= radius) return 0;
  // Walk back from the end to the first point outside, then halve the step between the two.
  const steps = 64;
  let inside = 1;
  let outside = 0;
  for (let i = steps - 1; i >= 0; i--) {
    const t = i / steps;
    if (away(t) > radius) {
      outside = t;
      break;
    }
    inside = t;
  }
  for (let i = 0; i < 24; i++) {
    const mid = (inside + outside) / 2;
    if (away(mid) > radius) outside = mid;
    else inside = mid;
  }
  return (inside + outside) / 2;
}

/** Sigma's arrow heads: as long as 2.5 thicknesses from the target's rim, twice as wide as the line at their base. */
export const HEAD_LENGTH = 2.5;
export const HEAD_WIDTH = 2;

export interface Head {
  /** The middle of the head's base, where the line ends. */
  base: Point;
  /** Its point, on the target's rim. */
  tip: Point;
  /** How far `t` the line runs before its head. */
  until: number;
  halfWidth: number;
}

/**
 * A one-way relation's head, on a target of radius `targetSize`: sigma narrows the line from its
 * base, `HEAD_LENGTH` thicknesses off the rim, to its point on the rim; here, a triangle between the
 * two points where the curve crosses those circles. Its width leaves out half of the `feather` by
 * which the shader fades its sides out.
 */
export function headOf(a: Point, c: Point, b: Point, targetSize: number, thickness: number, feather = 0): Head {
  const until = crossingFromEnd(a, c, b, targetSize + HEAD_LENGTH * thickness);
  const tipAt = crossingFromEnd(a, c, b, targetSize);
  return { base: curveAt(a, c, b, until), tip: curveAt(a, c, b, tipAt), until, halfWidth: Math.max(HEAD_WIDTH * thickness - feather, 0) / 2 };
}

/** A dash and the dash with its gap, in widths along the chord from the source (dashed.ts). */
export const DASH = 5;
export const DASH_PERIOD = 8;

/**
 * The dashes of a curved relation, as sigma's shader cuts them: bands across the chord, each `DASH`
 * thicknesses long, one every `DASH_PERIOD`, counted from the source. Offsets along the chord, in
 * pixels, from a period before the source (where a line leaves a disc backwards) to past the target.
 */
export function dashBands(chordLength: number, thickness: number): [from: number, to: number][] {
  const unit = Math.max(thickness, 1);
  const bands: [number, number][] = [];
  for (let k = -1; k * DASH_PERIOD * unit < chordLength; k++) bands.push([k * DASH_PERIOD * unit, (k * DASH_PERIOD + DASH) * unit]);
  return bands;
}

/**
 * The pixels of a line one pixel wide from (x0, y0) to (x1, y1), in the screen's pixels, as a GPU
 * draws a line it does not smooth: along the longer axis, each pixel whose centre the line passes,
 * in the row (or column) where the line is at that centre.
 */
export function linePixels(x0: number, y0: number, x1: number, y1: number, visit: (x: number, y: number) => void): void {
  const dx = x1 - x0;
  const dy = y1 - y0;
  // The first pixel whose centre is at or after `from` (+ 0 makes a −0 plain 0).
  const first = (from: number) => Math.ceil(from - 0.5) + 0;
  // Worked out from the end with the lesser coordinate, so that a line drawn either way has the same pixels.
  if (Math.abs(dx) >= Math.abs(dy)) {
    if (dx === 0) return;
    const [ax, ay, bx] = x0 < x1 ? [x0, y0, x1] : [x1, y1, x0];
    const slope = dy / dx;
    for (let x = first(ax); x + 0.5 < bx; x++) visit(x, Math.floor(ay + slope * (x + 0.5 - ax)));
  } else {
    const [ax, ay, by] = y0 < y1 ? [x0, y0, y1] : [x1, y1, y0];
    const slope = dx / dy;
    for (let y = first(ay); y + 0.5 < by; y++) visit(Math.floor(ax + slope * (y + 0.5 - ay)), y);
  }
}

/** A one-pixel line's dashes (dashed.ts): 5 units on, 3 off, from the source, a unit 1.25 CSS pixels. */
export const THIN_DASH_UNIT = 1.25;

/** Whether a one-pixel line's pixel, `distance` screen pixels from its source, is in a gap between its dashes. */
export function inThinGap(distance: number, pixelRatio: number): boolean {
  return (distance / (THIN_DASH_UNIT * pixelRatio)) % DASH_PERIOD > DASH;
}
