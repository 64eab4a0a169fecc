/**
 * The relation program patches @sigma/edge-curve's curved-arrow shaders at the pinned version and
 * adds two per-edge flags. These tests read the real shader sources, so an upgrade that moves the
 * lines the patch relies on fails here rather than as a blank graph; what the shaders draw is
 * checked in the browser (tests/browser/appearance.test.ts).
 */
import { describe, expect, it, vi } from "vitest";

// Sigma's modules read WebGL constants when they load; node has no WebGL. The ones that matter here are
// given their values (the program's drawing mode decides whether its instancing can be undone).
vi.hoisted(() => {
  const known: Record<string | symbol, number> = { TRIANGLES: 4, FLOAT: 5126, UNSIGNED_BYTE: 5121 };
  const constants = new Proxy({}, { get: (_target, name) => known[name] ?? 0 });
  Object.assign(globalThis, { WebGLRenderingContext: constants, WebGL2RenderingContext: constants });
});

const { EdgeCurvedArrowProgram } = await import("@sigma/edge-curve");
const { floatColor } = await import("sigma/utils");
const { relationShaders, RelationProgram } = await import("../../src/render/relation-program");

interface Definition {
  VERTEX_SHADER_SOURCE: string;
  FRAGMENT_SHADER_SOURCE: string;
  VERTICES: number;
  UNIFORMS: string[];
  ATTRIBUTES: { name: string; size: number; normalized?: boolean }[];
  CONSTANT_ATTRIBUTES?: unknown[];
}
interface Instance {
  processVisibleItem(edgeIndex: number, startIndex: number, source: object, target: object, data: object): void;
  array: Float32Array;
  ATTRIBUTES_ITEMS_COUNT: number;
}
// getDefinition() reads nothing from the instance: it can be called without a WebGL context.
const definitionOf = (program: unknown): Definition =>
  (program as { prototype: { getDefinition(this: unknown): Definition } }).prototype.getDefinition.call({});

const original = definitionOf(EdgeCurvedArrowProgram);
const { vertex, fragment } = relationShaders(original.VERTEX_SHADER_SOURCE, original.FRAGMENT_SHADER_SOURCE);

describe("the relation program's shaders", () => {
  it("pass the head flag and whether the relation is straight (a curvature of exactly 0) to the fragment shader", () => {
    expect(vertex).toContain("attribute float a_head;");
    expect(vertex).toMatch(/void main\(\) \{\s+v_head = a_head;\s+float straight = a_curvature == 0\.0 \? 1\.0 : 0\.0;\s+v_straight = straight;/);
    expect(fragment).toContain("varying float v_head;");
    expect(fragment).toContain("varying float v_straight;");
  });

  it("cover both sides of a straight relation's chord, as wide as its line or head, and one side of a curve's as sigma does", () => {
    expect(vertex).toContain(
      "float straightHalfWidth = v_thickness * (a_head > 0.5 ? u_widenessToThicknessRatio : 1.0) / 2.0 + u_feather + epsilon;\n  vec2 viewportOffsetPosition = (",
    );
    expect(vertex).toContain(
      "mix(sign(boundingBoxThickness) * (curveThickness * u_widenessToThicknessRatio + epsilon), straightHalfWidth, straight)",
    );
    expect(vertex).toContain("mix(max(0.0, a_direction), 1.0, straight) // NOTE: cutting the bounding box in half");
    // The thickness is known before the box is made.
    expect(vertex.indexOf("v_thickness = curveThickness * u_pixelRatio;")).toBeLessThan(vertex.indexOf("float straightHalfWidth"));
  });

  it("measure a straight relation's distance to its segment, a curve's to its Bézier curve", () => {
    expect(fragment).toContain("float distToSegment(vec2 p, vec2 a, vec2 b) {");
    expect(fragment).toMatch(
      /float dist;\s+if \(v_straight > 0\.5\) \{\s+dist = distToSegment\(gl_FragCoord\.xy, v_cpA, v_cpC\);\s+\} else \{\s+dist = distToQuadraticBezierCurve\(gl_FragCoord\.xy, v_cpA, v_cpB, v_cpC\);\s+\}/,
    );
    // The segment's function comes before main, which calls it.
    expect(fragment.indexOf("float distToSegment(")).toBeLessThan(fragment.indexOf("void main(void)"));
  });

  it("narrow the end into a head only for a one-way relation", () => {
    expect(fragment).toContain("if (v_head > 0.5 && distToTarget < targetArrowLength) {");
    expect(fragment).not.toContain("  if (distToTarget < targetArrowLength) {");
  });

  it("dash hostile relations along the chord, never in the picking pass", () => {
    expect(vertex).toContain("v_dashed = a_dashed;");
    expect(fragment).toMatch(/#ifndef PICKING_MODE\s+if \(v_dashed > 0\.5 && mod\(along, 8\.0\) > 5\.0\) discard;\s+#endif/);
  });

  it("refuse shaders without the expected lines instead of drawing nothing", () => {
    expect(() => relationShaders("void main() {}", "void main(void) {}")).toThrow(/shader line/);
    // The head's line missing alone (a curve program without a head) is refused too.
    const headless = original.FRAGMENT_SHADER_SOURCE.replace("if (distToTarget < targetArrowLength) {", "{");
    expect(() => relationShaders(original.VERTEX_SHADER_SOURCE, headless)).toThrow(/distToTarget < targetArrowLength/);
  });
});

describe("the relation program", () => {
  const definition = definitionOf(RelationProgram);

  it("draws every relation in one plain call: the curve's attributes, the two flags, then the vertices' constants", () => {
    expect(definition.CONSTANT_ATTRIBUTES).toBeUndefined();
    expect(definition.ATTRIBUTES.map((a) => a.name)).toEqual([
      ...original.ATTRIBUTES.map((a) => a.name),
      "a_dashed",
      "a_head",
      "a_current",
      "a_direction",
    ]);
    expect(definition.UNIFORMS).toEqual(original.UNIFORMS);
  });

  it("writes each relation's record once per vertex, its dashed and head flags after sigma's own items", () => {
    const proto = (RelationProgram as unknown as { prototype: Instance }).prototype;
    const own = original.ATTRIBUTES.reduce((n, a) => n + (a.normalized ? 1 : a.size), 0) + 2;
    const stride = own + 2;
    const vertices = original.VERTICES;
    const at = (instance: Instance, vertex: number, item: number) => instance.array[stride + vertex * stride + item];
    const make = () =>
      Object.assign(Object.create(proto) as Instance, { array: new Float32Array((vertices + 2) * stride).fill(-1), ATTRIBUTES_ITEMS_COUNT: stride });
    const source = { x: 0, y: 0, size: 4 };
    const target = { x: 10, y: 0, size: 6 };
    for (const [dashed, directed] of [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ] as const) {
      const instance = make();
      instance.processVisibleItem(2, stride, source, target, { size: 3, color: "#ff0000", curvature: 0, dashed, directed });
      for (let v = 0; v < vertices; v++) {
        // Source, target, the target's size (where the head starts), thickness, curvature, colour, id.
        expect([0, 1, 2, 3, 4, 5, 6].map((i) => at(instance, v, i))).toEqual([0, 0, 10, 0, 6, 3, 0]);
        expect(at(instance, v, 7)).toBe(floatColor("#ff0000"));
        expect([at(instance, v, own - 2), at(instance, v, own - 1)], `${dashed} ${directed}`).toEqual([dashed ? 1 : 0, directed ? 1 : 0]);
      }
      // The records before and after this relation's are untouched.
      expect(instance.array[stride - 1]).toBe(-1);
      expect(instance.array[(vertices + 1) * stride]).toBe(-1);
    }
  });
});
