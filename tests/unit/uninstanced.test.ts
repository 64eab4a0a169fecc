/**
 * uninstanced() on a stand-in for a sigma program (sigma's own need WebGL to load): the definition
 * it gives sigma, and the vertices it writes for an item.
 */
import { describe, expect, it } from "vitest";
import { uninstanced } from "../../src/render/uninstanced";

const FLOAT = 5126;
const UNSIGNED_BYTE = 5121;
const TRIANGLES = 4;

/** Shaped as sigma's instanced programs are: a record per item, and constants for each of its vertices. */
class Instanced {
  array = new Float32Array(16);
  ATTRIBUTES_ITEMS_COUNT = 3;
  getDefinition() {
    return {
      VERTICES: 3,
      METHOD: TRIANGLES,
      ATTRIBUTES: [
        { name: "a_position", size: 2, type: FLOAT },
        { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
      CONSTANT_ATTRIBUTES: [{ name: "a_angle", size: 1, type: FLOAT }],
      CONSTANT_DATA: [[0.5], [1.5], [2.5]],
    };
  }
  processVisibleItem(index: number, startIndex: number, data: { x: number; y: number }): void {
    this.array[startIndex] = data.x;
    this.array[startIndex + 1] = data.y;
    // Written where the record ends, as the dashed programs write their flag.
    this.array[startIndex + this.ATTRIBUTES_ITEMS_COUNT - 1] = index;
  }
}

describe("uninstanced", () => {
  it("gives sigma a plain program: no constants, which become attributes of every vertex", () => {
    const Plain = uninstanced(Instanced);
    const definition = new Plain().getDefinition();
    expect("CONSTANT_ATTRIBUTES" in definition).toBe(false);
    expect("CONSTANT_DATA" in definition).toBe(false);
    expect(definition.VERTICES).toBe(3);
    expect(definition.ATTRIBUTES.map((a) => a.name)).toEqual(["a_position", "a_color", "a_angle"]);
  });

  it("writes an item's record once per vertex, each followed by that vertex's constants", () => {
    const Plain = uninstanced(Instanced);
    const program = new Plain();
    // Sigma's stride for the plain program: the record (3) and the constant (1).
    program.ATTRIBUTES_ITEMS_COUNT = 4;
    program.array = new Float32Array(2 * 3 * 4).fill(-1);
    program.processVisibleItem(7, 12, { x: 10, y: 20 });
    expect([...program.array.slice(0, 12)]).toEqual(new Array(12).fill(-1));
    expect([...program.array.slice(12)]).toEqual([10, 20, 7, 0.5, 10, 20, 7, 1.5, 10, 20, 7, 2.5]);
    // The program's own array and stride are as sigma left them.
    expect(program.ATTRIBUTES_ITEMS_COUNT).toBe(4);
    expect(program.array).toHaveLength(24);
  });

  it("leaves a program it cannot undo as it is: no constants, or shapes that join from one item to the next", () => {
    class Strip extends Instanced {
      override getDefinition() {
        return { ...super.getDefinition(), METHOD: 5 };
      }
    }
    const program = new (uninstanced(Strip))();
    expect(program.getDefinition()).toEqual(new Strip().getDefinition());
    program.processVisibleItem(2, 3, { x: 1, y: 2 });
    expect([...program.array.slice(3, 6)]).toEqual([1, 2, 2]);
  });
});
