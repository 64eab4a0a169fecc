/**
 * One program draws every relation of a small graph (up to ONE_PROGRAM_EDGES, profile.ts): straight
 * or curved, with an arrow head or without, solid or dashed. It is @sigma/edge-curve's curved-arrow program with two
 * per-edge flags added: `a_head` (a directed relation) and `a_dashed` (see dashed.ts); a curvature
 * of 0 draws a straight line.
 *
 * Why one: each program sigma is given is compiled when it starts (its picking variant once a
 * pointer comes over the graph, see picking.ts), and on a machine without a GPU each program drawn for the first time makes SwiftShader build a
 * pipeline, all on the way to the page's first frame. The article's relations took five programs
 * (lines, arrows as a body and a head, curves, curved arrows); drawn with one, its first frame
 * came about 0.13 s sooner (medians of alternating loads). Each relation costs it more to draw than
 * the program for its shape, which is why a bigger graph keeps those (see profile.ts).
 *
 * A straight relation: the curve's Bézier distance is undefined when its control point is on the
 * chord, so the fragment shader measures the distance to the segment instead; and the curve's box
 * covers one side of the chord only (where a curve bulges), so a straight relation's box covers both.
 */
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import type { EdgeDisplayData } from "sigma/types";
import { dashCurveShaders } from "./dashed";
import { pickLater } from "./picking";
import { DASHED, flagged, insert, replace, type EdgeFlag } from "./shader-patch";
import { uninstanced } from "./uninstanced";

/** 1 for a one-way relation, which has a head, else 0. */
const HEAD: EdgeFlag = { name: "a_head", of: (data) => ((data as EdgeDisplayData & { directed?: boolean }).directed ? 1 : 0) };

const SEGMENT_DISTANCE = `
float distToSegment(vec2 p, vec2 a, vec2 b) {
  vec2 ab = b - a;
  float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 0.000001), 0.0, 1.0);
  return length(p - a - t * ab);
}

`;

/** The curved-arrow shaders, dashed, with a head only where `a_head` is set and straight lines where the curvature is 0. */
export function relationShaders(vertex: string, fragment: string): { vertex: string; fragment: string } {
  const dashed = dashCurveShaders(vertex, fragment);
  let v = insert(dashed.vertex, "void main() {", "attribute float a_head;\nvarying float v_head;\nvarying float v_straight;\n", "before");
  v = insert(v, "void main() {", "\n  v_head = a_head;\n  float straight = a_curvature == 0.0 ? 1.0 : 0.0;\n  v_straight = straight;", "after");
  // A straight relation's box: both sides of the chord, as wide as its line (or its head) and the
  // antialiasing, in the viewport's pixels; a curve's box stays sigma's.
  v = insert(
    v,
    "vec2 viewportOffsetPosition = (",
    "float straightHalfWidth = v_thickness * (a_head > 0.5 ? u_widenessToThicknessRatio : 1.0) / 2.0 + u_feather + epsilon;\n  ",
    "before",
  );
  v = replace(
    v,
    "sign(boundingBoxThickness) * (curveThickness * u_widenessToThicknessRatio + epsilon)",
    "mix(sign(boundingBoxThickness) * (curveThickness * u_widenessToThicknessRatio + epsilon), straightHalfWidth, straight)",
  );
  v = replace(v, "max(0.0, a_direction)", "mix(max(0.0, a_direction), 1.0, straight)");
  let f = insert(dashed.fragment, "varying vec4 v_color;", "\nvarying float v_head;\nvarying float v_straight;", "after");
  f = insert(f, "float det(vec2 a, vec2 b) {", SEGMENT_DISTANCE, "before");
  f = replace(
    f,
    "float dist = distToQuadraticBezierCurve(gl_FragCoord.xy, v_cpA, v_cpB, v_cpC);",
    `float dist;
  if (v_straight > 0.5) {
    dist = distToSegment(gl_FragCoord.xy, v_cpA, v_cpC);
  } else {
    dist = distToQuadraticBezierCurve(gl_FragCoord.xy, v_cpA, v_cpB, v_cpC);
  }`,
  );
  f = replace(f, "if (distToTarget < targetArrowLength) {", "if (v_head > 0.5 && distToTarget < targetArrowLength) {");
  return { vertex: v, fragment: f };
}

// It compiles and draws its picking pass only once a pointer has come over the graph (see picking.ts), and all
// its relations in one plain draw call rather than one instance each (see uninstanced.ts).
export const RelationProgram = pickLater(uninstanced(flagged(EdgeCurvedArrowProgram, relationShaders, [DASHED, HEAD])));
