import { describe, expect, it } from "vitest";
import { isPicking, pickLater, startPicking } from "../../src/render/picking";

/**
 * Stands for a sigma program: its constructor makes the picking variant when given a picking
 * buffer (as sigma's Program does), and render draws the picking pass when it has that variant.
 */
class FakeProgram {
  static made: { name: string; vertex: string; fragment: string; frameBuffer: unknown }[] = [];
  drawn: string[] = [];
  VERTEX_SHADER_SOURCE = "void main() { /* vertex */ }";
  FRAGMENT_SHADER_SOURCE = "void main() { /* fragment */ }";
  normalProgram: { gl: unknown; name: string };
  pickProgram: { gl: unknown; name: string } | null;

  constructor(
    gl: unknown,
    pickingBuffer: unknown,
    readonly renderer: object,
  ) {
    this.normalProgram = this.getProgramInfo("normal", gl, this.VERTEX_SHADER_SOURCE, this.FRAGMENT_SHADER_SOURCE, null);
    this.pickProgram = pickingBuffer ? this.getProgramInfo("pick", gl, `P${this.VERTEX_SHADER_SOURCE}`, `P${this.FRAGMENT_SHADER_SOURCE}`, pickingBuffer) : null;
  }

  getProgramInfo(name: string, gl: unknown, vertex: string, fragment: string, frameBuffer: unknown) {
    FakeProgram.made.push({ name, vertex, fragment, frameBuffer });
    return { gl, name };
  }

  render(): void {
    if (this.pickProgram) this.drawn.push("pick");
    this.drawn.push("normal");
  }
}

const Later = pickLater(FakeProgram);
/** A sigma instance, as startPicking uses it (it draws the frame again at once). */
function fakeSigma() {
  const refreshed: unknown[] = [];
  return { refreshed, refresh: (options: unknown) => refreshed.push(options) };
}
type AnySigma = Parameters<typeof startPicking>[0];

describe("pickLater", () => {
  it("neither compiles nor draws the picking variant before picking starts, then does both, compiling it once", () => {
    FakeProgram.made = [];
    const gl = { context: 1 };
    const frameBuffer = { buffer: 1 };
    const sigma = fakeSigma();
    const program = new Later(gl, frameBuffer, sigma);
    expect(FakeProgram.made.map((m) => m.name)).toEqual(["normal"]);
    program.render();
    program.render();
    expect(program.drawn).toEqual(["normal", "normal"]);
    expect(isPicking(sigma)).toBe(false);

    startPicking(sigma as unknown as AnySigma);
    expect(isPicking(sigma)).toBe(true);
    expect(sigma.refreshed).toEqual([{ partialGraph: { nodes: [] }, skipIndexation: true }]);
    program.drawn = [];
    program.render();
    program.render();
    expect(program.drawn).toEqual(["pick", "normal", "pick", "normal"]);
    // Sigma's own prefix before the same shaders, drawn into the layer's picking buffer, in the program's context.
    expect(FakeProgram.made.slice(1)).toEqual([
      {
        name: "pick",
        vertex: "#define PICKING_MODE\nvoid main() { /* vertex */ }",
        fragment: "#define PICKING_MODE\nvoid main() { /* fragment */ }",
        frameBuffer,
      },
    ]);
    expect(program.pickProgram).toEqual({ gl, name: "pick" });
  });

  it("never makes a picking variant for a layer sigma does not pick in", () => {
    FakeProgram.made = [];
    const sigma = fakeSigma();
    const program = new Later({}, null, sigma);
    startPicking(sigma as unknown as AnySigma);
    program.render();
    expect(program.drawn).toEqual(["normal"]);
    expect(FakeProgram.made.map((m) => m.name)).toEqual(["normal"]);
  });

  it("starts picking once per sigma instance, and only for that instance", () => {
    const one = fakeSigma();
    const other = fakeSigma();
    const program = new Later({}, {}, other);
    startPicking(one as unknown as AnySigma);
    startPicking(one as unknown as AnySigma);
    expect(one.refreshed).toHaveLength(1);
    program.render();
    expect(program.drawn).toEqual(["normal"]);
  });
});
