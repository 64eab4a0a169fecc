/**
 * The dashable programs patch sigma's own shaders at the pinned versions. These
 * tests read the real shader sources, so an upgrade that moves the lines the
 * patch relies on fails here rather than as a blank graph.
 */
import { describe, expect, it, vi } from "vitest";

// Sigma's modules read WebGL constants when they load; node has no WebGL. The values do not matter here.
vi.hoisted(() => {
  const constants = new Proxy({}, { get: () => 0 });
  Object.assign(globalThis, { WebGLRenderingContext: constants, WebGL2RenderingContext: constants });
});

const { EdgeClampedProgram, EdgeLineProgram, EdgeRectangleProgram } = await import("sigma/rendering");
const { floatColor } = await import("sigma/utils");
const { default: EdgeCurveProgram } = await import("@sigma/edge-curve");
const { dashClampedShaders, dashCurveShaders, dashStraightShaders, dashThinShaders, DashableCurveProgram, DashableLineProgram, DashableThinProgram } = await import("../../src/render/dashed");

interface Definition {
  VERTEX_SHADER_SOURCE: string;
  FRAGMENT_SHADER_SOURCE: string;
  VERTICES: number;
  UNIFORMS: string[];
  ATTRIBUTES: { name: string; size: number }[];
}
interface Instance {
  getDefinition(): Definition;
  processVisibleItem(edgeIndex: number, startIndex: number, source: object, target: object, data: object): void;
  array: Float32Array;
  ATTRIBUTES_ITEMS_COUNT: number;
}
// getDefinition() reads nothing from the instance: it can be called without a WebGL context.
const definitionOf = (program: unknown): Definition =>
  (program as { prototype: { getDefinition(this: unknown): Definition } }).prototype.getDefinition.call({});

describe("dashable edge programs", () => {
  it("measure the distance along a straight edge in widths (sigma's webGLThickness is half one) and leave gaps in dashed edges only, never when picking", () => {
    for (const [base, patch, length] of [
      [EdgeRectangleProgram, dashStraightShaders, "length(a_positionEnd - a_positionStart)"],
      // An arrow's body ends short of the target, by its radius and the head's length: the dashes are measured to there.
      [EdgeClampedProgram, dashClampedShaders, "(length(a_positionEnd - a_positionStart) - webGLNodeRadius - webGLArrowHeadLength)"],
    ] as const) {
      const original = definitionOf(base);
      const { vertex, fragment } = patch(original.VERTEX_SHADER_SOURCE, original.FRAGMENT_SHADER_SOURCE);
      expect(vertex).toContain("attribute float a_dashed;");
      expect(vertex).toContain("v_dashed = a_dashed;");
      expect(vertex).toContain(`v_dash = a_positionCoef * ${length} / (2.0 * webGLThickness);`);
      // Sigma's own sizes, from which the patch reads: the half width, and where the body ends.
      expect(original.VERTEX_SHADER_SOURCE).toContain("gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness");
      if (base === EdgeClampedProgram) {
        expect(vertex.indexOf("float webGLArrowHeadLength")).toBeLessThan(vertex.indexOf("v_dash = "));
        expect(vertex.indexOf("float webGLNodeRadius")).toBeLessThan(vertex.indexOf("v_dash = "));
      }
      expect(fragment).toMatch(/#ifndef PICKING_MODE\s+if \(v_dashed > 0\.5 && mod\(v_dash, 8\.0\) > 5\.0\) discard;\s+#endif/);
    }
  });

  it("measure along the chord of a curved edge", () => {
    const original = definitionOf(EdgeCurveProgram);
    const { vertex, fragment } = dashCurveShaders(original.VERTEX_SHADER_SOURCE, original.FRAGMENT_SHADER_SOURCE);
    expect(vertex).toContain("v_dashed = a_dashed;");
    expect(fragment).toContain("float along = dot(gl_FragCoord.xy - v_cpA, chord)");
    expect(fragment).toMatch(/#ifndef PICKING_MODE\s+if \(v_dashed > 0\.5 && mod\(along, 8\.0\) > 5\.0\) discard;\s+#endif/);
  });

  it("dash one-pixel lines from the source's place on screen, in CSS pixels, measured in high precision where there is one", () => {
    const original = definitionOf(EdgeLineProgram);
    const { vertex, fragment } = dashThinShaders(original.VERTEX_SHADER_SOURCE, original.FRAGMENT_SHADER_SOURCE);
    expect(vertex).toContain("attribute vec2 a_source;");
    expect(vertex).toContain("v_source = ((u_matrix * vec3(a_source, 1)).xy * 0.5 + 0.5) * u_resolution;");
    expect(vertex).toContain("v_dashed = a_dashed;");
    expect(fragment).toContain("float along = distance(gl_FragCoord.xy, v_source) / (1.25 * u_pixelRatio);");
    expect(fragment).toMatch(/precision mediump float;\s+#ifdef GL_FRAGMENT_PRECISION_HIGH\s+precision highp float;\s+#endif/);
    expect(fragment).toMatch(/#ifndef PICKING_MODE\s+if \(v_dashed > 0\.5 && mod\(along, 8\.0\) > 5\.0\) discard;\s+#endif/);
    const definition = definitionOf(DashableThinProgram);
    expect(definition.VERTICES).toBe(2);
    expect(definition.UNIFORMS).toEqual(["u_matrix", "u_resolution", "u_pixelRatio"]);
    expect(definition.ATTRIBUTES.map((a) => a.name)).toEqual(["a_position", "a_color", "a_id", "a_source", "a_dashed"]);
  });

  it("write each end of a one-pixel line whole: position, colour, id, the source and the dashed flag", () => {
    const proto = (DashableThinProgram as unknown as { prototype: Instance }).prototype;
    const instance = Object.assign(Object.create(proto) as Instance, { array: new Float32Array(16).fill(-1), ATTRIBUTES_ITEMS_COUNT: 7 });
    instance.processVisibleItem(3, 1, { x: 1, y: 2, size: 1 }, { x: 5, y: 6, size: 1 }, { size: 1, color: "#000000", dashed: true });
    const items = [...instance.array];
    // One item before and one after the line's fourteen stay as they were.
    expect(items[0]).toBe(-1);
    expect(items[15]).toBe(-1);
    const [first, second] = [items.slice(1, 8), items.slice(8, 15)];
    expect([first[0], first[1], first[3], first[4], first[5], first[6]]).toEqual([1, 2, 3, 1, 2, 1]);
    expect([second[0], second[1], second[3], second[4], second[5], second[6]]).toEqual([5, 6, 3, 1, 2, 1]);
    expect([first[2], second[2]]).toEqual([floatColor("#000000"), floatColor("#000000")]);
    instance.processVisibleItem(3, 1, { x: 1, y: 2, size: 1 }, { x: 5, y: 6, size: 1 }, { size: 1, color: "#000000" });
    expect([instance.array[7], instance.array[14]]).toEqual([0, 0]);
  });

  it("add a_dashed as the last attribute, and write it after sigma's own items for each edge", () => {
    for (const program of [DashableLineProgram, DashableCurveProgram]) {
      const attributes = definitionOf(program).ATTRIBUTES;
      expect(attributes.at(-1)).toMatchObject({ name: "a_dashed", size: 1 });
      // A stand-in instance: sigma's processVisibleItem writes its items from startIndex on, then the flag follows.
      const proto = (program as unknown as { prototype: Instance }).prototype;
      const count = attributes.reduce((n, a) => n + (a.name.startsWith("a_color") || a.name === "a_id" ? 1 : a.size), 0);
      const instance = Object.assign(Object.create(proto) as Instance, { array: new Float32Array(3 * count).fill(-1), ATTRIBUTES_ITEMS_COUNT: count });
      const node = { x: 0, y: 0, size: 4 };
      instance.processVisibleItem(1, count, node, { ...node, x: 10 }, { size: 2, color: "#ff0000", dashed: true });
      expect(instance.array[2 * count - 1]).toBe(1);
      instance.processVisibleItem(1, count, node, { ...node, x: 10 }, { size: 2, color: "#ff0000" });
      expect(instance.array[2 * count - 1]).toBe(0);
      // The next edge's record is untouched.
      expect(instance.array[2 * count]).toBe(-1);
    }
  });

  it("refuse a shader without the expected lines instead of drawing nothing", () => {
    expect(() => dashStraightShaders("void main() {}", "void main(void) {}")).toThrow(/shader line/);
    expect(() => dashCurveShaders("void main() {}", "void main(void) {}")).toThrow(/shader line/);
    expect(() => dashThinShaders("void main() {}", "void main(void) {}")).toThrow(/shader line/);
  });
});
