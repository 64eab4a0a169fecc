/**
 * The dashed programs patch sigma's own shaders at the pinned versions. These
 * tests read the real shader sources, so an upgrade that moves the lines the
 * patch relies on fails here rather than as a blank graph.
 */
import { describe, expect, it, vi } from "vitest";

// Sigma's modules read WebGL constants when they load; node has no WebGL. The values do not matter here.
vi.hoisted(() => {
  const constants = new Proxy({}, { get: () => 0 });
  Object.assign(globalThis, { WebGLRenderingContext: constants, WebGL2RenderingContext: constants });
});

const { EdgeClampedProgram, EdgeRectangleProgram } = await import("sigma/rendering");
const { default: EdgeCurveProgram } = await import("@sigma/edge-curve");
const { dashCurveFragment, dashStraightShaders, EdgeCurvedDashedProgram, EdgeDashedProgram } = await import("../../src/render/dashed");

interface Definition {
  VERTEX_SHADER_SOURCE: string;
  FRAGMENT_SHADER_SOURCE: string;
}
// getDefinition() reads nothing from the instance: it can be called without a WebGL context.
const definitionOf = (program: unknown): Definition =>
  (program as { prototype: { getDefinition(this: unknown): Definition } }).prototype.getDefinition.call({});

describe("dashed edge programs", () => {
  it("measure the distance along a straight edge in thicknesses and leave gaps, except when picking", () => {
    for (const base of [EdgeRectangleProgram, EdgeClampedProgram]) {
      const original = definitionOf(base);
      const { vertex, fragment } = dashStraightShaders(original.VERTEX_SHADER_SOURCE, original.FRAGMENT_SHADER_SOURCE);
      expect(vertex).toContain("varying float v_dash;");
      expect(vertex).toContain("v_dash = a_positionCoef * length(a_positionEnd - a_positionStart) / webGLThickness;");
      expect(fragment).toMatch(/#ifndef PICKING_MODE\s+if \(mod\(v_dash, 8\.0\) > 5\.0\) discard;\s+#endif/);
      // Everything else is sigma's shader, untouched.
      expect(vertex.replace("\nvarying float v_dash;", "").replace(/\n {2}v_dash = [^\n]*/, "")).toBe(original.VERTEX_SHADER_SOURCE);
    }
  });

  it("measure along the chord of a curved edge", () => {
    const original = definitionOf(EdgeCurveProgram).FRAGMENT_SHADER_SOURCE;
    const fragment = dashCurveFragment(original);
    expect(fragment).toContain("float along = dot(gl_FragCoord.xy - v_cpA, chord)");
    expect(fragment).toContain("if (mod(along, 8.0) > 5.0) discard;");
  });

  it("are sigma programs whose definitions carry the patched shaders", () => {
    expect(definitionOf(EdgeDashedProgram).FRAGMENT_SHADER_SOURCE).toContain("discard");
    expect(definitionOf(EdgeCurvedDashedProgram).FRAGMENT_SHADER_SOURCE).toContain("discard");
    expect(definitionOf(EdgeDashedProgram).VERTEX_SHADER_SOURCE).toContain("v_dash");
  });

  it("refuse a shader without the expected lines instead of drawing nothing", () => {
    expect(() => dashStraightShaders("void main() {}", "void main(void) {}")).toThrow(/shader line/);
    expect(() => dashCurveFragment("void main() {}")).toThrow(/shader line/);
  });
});
