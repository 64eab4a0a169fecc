/**
 * Where a relation's curve bends, shared by the SVG export and the first frame drawn in 2D
 * (render/poster-shapes.ts). A module of its own: the SVG export is the full app's only, and the
 * embed, which draws the poster, would otherwise download it.
 */

/**
 * A relation's control point, as sigma's curve shaders place it: midpoint + curvature × (−dy, dx)
 * in WebGL's y-up viewport, which is (dy, −dx) in this y-down space (see SvgEdge.curvature). A
 * curvature of 0 puts it on the chord.
 */
export function controlPoint(a: { x: number; y: number }, b: { x: number; y: number }, curvature: number): { x: number; y: number } {
  return { x: (a.x + b.x) / 2 + curvature * (b.y - a.y), y: (a.y + b.y) / 2 - curvature * (b.x - a.x) };
}
