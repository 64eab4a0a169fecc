/**
 * Hostile relations are drawn dashed, so that colour is never the only cue
 * (colour-blind readers, greyscale prints). Sigma has no dashed edges: these
 * programs are sigma's own with a per-edge attribute, `a_dashed`, and a few
 * lines added to their shaders: the fragment shader measures how far along the
 * edge it is and leaves gaps where the edge is dashed. Dashed and solid
 * relations share a program, because each program costs a shader compilation
 * and a pipeline when the graph first appears (tens of milliseconds each on a
 * software WebGL). The picking pass stays solid, so a gap is still part of the
 * edge for the mouse.
 *
 * A small graph draws every relation with one program (relation-program.ts);
 * a graph of middling size with one per shape, whose frames cost it a third
 * to a half as much (sigma's straight edges here, measured along the edge in widths,
 * and its curves, along the chord); the large-graph profile's one-pixel lines
 * (sigma's line program, two vertices an edge), from the source's place on
 * screen: drawn as rectangles instead, their hostile lines took four times as
 * long to draw on a machine without a GPU.
 */
import { createEdgeCompoundProgram, EdgeArrowHeadProgram, EdgeClampedProgram, EdgeLineProgram, EdgeRectangleProgram } from "sigma/rendering";
import { floatColor } from "sigma/utils";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import type { ActorNode, RelationEdge } from "../core/graph";
import { pickLater } from "./picking";
import { uninstanced } from "./uninstanced";
import { DASHED, extended, FLOAT, flagged, insert, type Definition, type EntenteEdgeProgram, type ProgramBase, type UniformTarget } from "./shader-patch";

/** Dash and period, in edge widths: a dash of 5, a gap of 3. */
const DASH = "5.0";
const PERIOD = "8.0";

const gap = (along: string) => `
  #ifndef PICKING_MODE
  if (v_dashed > 0.5 && mod(${along}, ${PERIOD}) > ${DASH}) discard;
  #endif
`;

/** Passes the per-edge flag from the vertex shader to the fragment shader. */
function withDashedFlag(vertex: string): string {
  return insert(
    insert(vertex, "void main() {", "attribute float a_dashed;\nvarying float v_dashed;\n", "before"),
    "void main() {",
    "\n  v_dashed = a_dashed;",
    "after",
  );
}

/**
 * Straight edges: the distance along the edge comes from the vertex shader, where both ends are
 * known, in `length` (graph units) from the source to where the edge's far end is drawn. Sigma's
 * `webGLThickness` is half the edge's width (each side is that far from the middle): counted in
 * whole widths, the dashes are as long as the curves'. (Until 30 November 2026 they were half as
 * long, and squeezed on an arrow's body.)
 */
function dashStraight(length: string): (vertex: string, fragment: string) => { vertex: string; fragment: string } {
  return (vertex, fragment) => ({
    vertex: insert(
      insert(withDashedFlag(vertex), "varying float v_thickness;", "\nvarying float v_dash;", "after"),
      "v_thickness = webGLThickness / u_zoomRatio;",
      `\n  v_dash = a_positionCoef * ${length} / (2.0 * webGLThickness);`,
      "after",
    ),
    fragment: insert(
      insert(fragment, "varying vec4 v_color;", "\nvarying float v_dash;\nvarying float v_dashed;", "after"),
      "void main(void) {",
      gap("v_dash"),
      "after",
    ),
  });
}

/** Sigma's rectangle program: from one node's centre to the other's. */
export const dashStraightShaders = dashStraight("length(a_positionEnd - a_positionStart)");

/** Sigma's clamped program (an arrow's body), whose far end is drawn short of the target by its radius and the head's length. */
export const dashClampedShaders = dashStraight("(length(a_positionEnd - a_positionStart) - webGLNodeRadius - webGLArrowHeadLength)");

/** Edges drawn in viewport pixels (sigma's curves): the distance is measured along the chord from the source, in thicknesses. */
export function dashCurveShaders(vertex: string, fragment: string): { vertex: string; fragment: string } {
  return {
    vertex: withDashedFlag(vertex),
    fragment: insert(
      insert(fragment, "varying vec4 v_color;", "\nvarying float v_dashed;", "after"),
      "void main(void) {",
      `
  vec2 chord = v_cpC - v_cpA;
  float along = dot(gl_FragCoord.xy - v_cpA, chord) / max(length(chord), 0.001) / max(v_thickness, 1.0);` + gap("along"),
      "after",
    ),
  };
}

/**
 * One-pixel lines: the vertex shader passes on where the source is on screen, the same for both
 * ends, and the fragment shader measures from there. A unit of the dash pattern is 1.25 CSS
 * pixels, whatever the screen's pixel ratio; the distance is measured in high precision where the
 * GPU has it, since a source can lie thousands of pixels off screen when zoomed in.
 */
export function dashThinShaders(vertex: string, fragment: string): { vertex: string; fragment: string } {
  return {
    vertex: insert(
      insert(withDashedFlag(vertex), "uniform mat3 u_matrix;", "\nuniform vec2 u_resolution;\nattribute vec2 a_source;\nvarying vec2 v_source;", "after"),
      "void main() {",
      "\n  v_source = ((u_matrix * vec3(a_source, 1)).xy * 0.5 + 0.5) * u_resolution;",
      "after",
    ),
    fragment: insert(
      insert(
        insert(fragment, "precision mediump float;", "\n#ifdef GL_FRAGMENT_PRECISION_HIGH\nprecision highp float;\n#endif", "after"),
        "varying vec4 v_color;",
        "\nvarying float v_dashed;\nvarying vec2 v_source;\nuniform float u_pixelRatio;",
        "after",
      ),
      "void main(void) {",
      "\n  float along = distance(gl_FragCoord.xy, v_source) / (1.25 * u_pixelRatio);" + gap("along"),
      "after",
    ),
  };
}

/** Sigma's line program with each vertex also carrying its edge's source and dashed flag. */
function dashableThin(): EntenteEdgeProgram {
  const Base = EdgeLineProgram as unknown as ProgramBase;
  return class extends Base {
    override getDefinition(): Definition {
      return extended(
        super.getDefinition(),
        dashThinShaders,
        ["u_resolution", "u_pixelRatio"],
        [
          { name: "a_source", size: 2, type: FLOAT },
          { name: "a_dashed", size: 1, type: FLOAT },
        ],
      );
    }

    // Written whole (sigma's own writes four items a vertex): position, colour, id, then the source and the flag.
    override processVisibleItem(edgeIndex: number, startIndex: number, source: NodeDisplayData, target: NodeDisplayData, data: EdgeDisplayData): void {
      const array = this.array;
      const color = floatColor(data.color);
      const dashed = DASHED.of(data);
      let i = startIndex;
      for (const end of [source, target]) {
        array[i++] = end.x;
        array[i++] = end.y;
        array[i++] = color;
        array[i++] = edgeIndex;
        array[i++] = source.x;
        array[i++] = source.y;
        array[i++] = dashed;
      }
    }

    override setUniforms(params: { width: number; height: number; pixelRatio: number }, target: UniformTarget): void {
      super.setUniforms(params, target);
      // In the drawing buffer's pixels, as gl_FragCoord counts them.
      target.gl.uniform2f(target.uniformLocations.u_resolution!, params.width * params.pixelRatio, params.height * params.pixelRatio);
      target.gl.uniform1f(target.uniformLocations.u_pixelRatio!, params.pixelRatio);
    }
  } as unknown as EntenteEdgeProgram;
}

// Each draws its picking pass only once a pointer has come over the graph (see picking.ts), and all
// its edges in one plain draw call rather than one instance each (see uninstanced.ts).
export const DashableLineProgram = pickLater(uninstanced(flagged(EdgeRectangleProgram, dashStraightShaders, [DASHED])));
export const DashableThinProgram = pickLater(dashableThin());
// The heads first: relations are drawn behind what their canvas holds (shared-canvas.ts), where the
// first drawn is on top, and every head is to be over every body, as sigma draws them.
export const DashableArrowProgram = createEdgeCompoundProgram<ActorNode, RelationEdge>([
  pickLater(uninstanced(EdgeArrowHeadProgram as unknown as EntenteEdgeProgram)),
  pickLater(uninstanced(flagged(EdgeClampedProgram, dashClampedShaders, [DASHED]))),
]);
export const DashableCurveProgram = pickLater(uninstanced(flagged(EdgeCurveProgram, dashCurveShaders, [DASHED])));
export const DashableCurvedArrowProgram = pickLater(uninstanced(flagged(EdgeCurvedArrowProgram, dashCurveShaders, [DASHED])));
