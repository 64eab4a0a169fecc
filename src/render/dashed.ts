/**
 * Hostile relations are drawn dashed, so that colour is never the only cue
 * (colour-blind readers, greyscale prints). Sigma has no dashed edges: these
 * programs are sigma's own straight and curved edge programs with two lines
 * added to their shaders: the vertex shader measures how far along the edge a
 * point is, in edge thicknesses, and the fragment shader leaves gaps. The
 * picking pass stays solid, so a gap is still part of the edge for the mouse.
 */
import { createEdgeCompoundProgram, EdgeArrowHeadProgram, EdgeClampedProgram, EdgeRectangleProgram } from "sigma/rendering";
import type { EdgeProgramType } from "sigma/rendering";
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import type { ActorNode, RelationEdge } from "../core/graph";

type EntenteEdgeProgram = EdgeProgramType<ActorNode, RelationEdge>;

/** Dash and period, in edge thicknesses: a dash of 5, a gap of 3. */
const DASH = "5.0";
const PERIOD = "8.0";

function insert(source: string, anchor: string, text: string, where: "before" | "after"): string {
  const at = source.indexOf(anchor);
  // The anchors are lines of sigma's shaders at the pinned version; a new version must be checked by hand.
  if (at < 0) throw new Error(`dashed edges: the shader line "${anchor}" is missing`);
  const cut = where === "after" ? at + anchor.length : at;
  return source.slice(0, cut) + text + source.slice(cut);
}

const gap = (along: string) => `
  #ifndef PICKING_MODE
  if (mod(${along}, ${PERIOD}) > ${DASH}) discard;
  #endif
`;

/** Straight edges: the distance along the edge comes from the vertex shader, where both ends are known. */
export function dashStraightShaders(vertex: string, fragment: string): { vertex: string; fragment: string } {
  return {
    vertex: insert(
      insert(vertex, "varying float v_thickness;", "\nvarying float v_dash;", "after"),
      "v_thickness = webGLThickness / u_zoomRatio;",
      "\n  v_dash = a_positionCoef * length(a_positionEnd - a_positionStart) / webGLThickness;",
      "after",
    ),
    fragment: insert(insert(fragment, "varying vec4 v_color;", "\nvarying float v_dash;", "after"), "void main(void) {", gap("v_dash"), "after"),
  };
}

/** Curved edges are drawn in viewport pixels: the distance is measured along the chord from the source. */
export function dashCurveFragment(fragment: string): string {
  return insert(
    fragment,
    "void main(void) {",
    `
  vec2 chord = v_cpC - v_cpA;
  float along = dot(gl_FragCoord.xy - v_cpA, chord) / max(length(chord), 0.001) / max(v_thickness, 1.0);` + gap("along"),
    "after",
  );
}

type Definition = { VERTEX_SHADER_SOURCE: string; FRAGMENT_SHADER_SOURCE: string };
// A mixin's base class must be typed with a rest-any constructor (TypeScript's rule for mixins).
type ProgramClass = new (...args: any[]) => { getDefinition(): Definition };

/** A subclass of a sigma edge program whose shaders are patched. */
function dashed(program: EdgeProgramType | typeof EdgeRectangleProgram, patch: (definition: Definition) => Definition): EntenteEdgeProgram {
  // Every sigma program has getDefinition(); the published EdgeProgramType hides it.
  const Base = program as unknown as ProgramClass;
  return class extends Base {
    override getDefinition(): Definition {
      return patch(super.getDefinition());
    }
  } as unknown as EntenteEdgeProgram;
}

function straight(definition: Definition): Definition {
  const { vertex, fragment } = dashStraightShaders(definition.VERTEX_SHADER_SOURCE, definition.FRAGMENT_SHADER_SOURCE);
  return { ...definition, VERTEX_SHADER_SOURCE: vertex, FRAGMENT_SHADER_SOURCE: fragment };
}

function curved(definition: Definition): Definition {
  return { ...definition, FRAGMENT_SHADER_SOURCE: dashCurveFragment(definition.FRAGMENT_SHADER_SOURCE) };
}

export const EdgeDashedProgram = dashed(EdgeRectangleProgram, straight);
export const EdgeDashedArrowProgram = createEdgeCompoundProgram<ActorNode, RelationEdge>([
  dashed(EdgeClampedProgram as unknown as EdgeProgramType, straight),
  EdgeArrowHeadProgram as unknown as EntenteEdgeProgram,
]);
export const EdgeCurvedDashedProgram = dashed(EdgeCurveProgram, curved);
export const EdgeCurvedDashedArrowProgram = dashed(EdgeCurvedArrowProgram, curved);
