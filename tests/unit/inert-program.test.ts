import { describe, expect, it } from "vitest";
import { InertEdgeProgram, SIGMA_DEFAULT_EDGE_TYPES } from "../../src/render/inert-program";

interface Inert {
  reallocate(capacity: number): void;
  process(...args: unknown[]): void;
  render(params: object): void;
  kill(): void;
}
const Program = InertEdgeProgram as unknown as new (...args: unknown[]) => Inert;

describe("the inert edge program", () => {
  it("stands in for sigma's two default edge types", () => {
    expect(SIGMA_DEFAULT_EDGE_TYPES).toEqual(["line", "arrow"]);
  });

  it("is made, sized for no relation, drawn and killed without a WebGL context", () => {
    // Sigma passes its context, picking buffer and itself; a context that is touched throws.
    const context = new Proxy({}, { get: () => { throw new Error("touched WebGL"); } });
    const program = new Program(context, null, {});
    expect(() => {
      program.reallocate(0);
      program.render({});
      program.kill();
    }).not.toThrow();
  });

  it("refuses to be given relations, rather than leaving them undrawn without a word", () => {
    const program = new Program(null, null, {});
    expect(() => program.reallocate(3)).toThrow("edge programs: 3 relation(s) have a type with no program to draw them");
    expect(() => program.process(0, 0, {}, {}, {})).toThrow(/a relation has a type with no program/);
  });
});
