/**
 * Sigma's disc, rectangle, arrow and curve programs are instanced: one record per node or edge,
 * and a few constant vertices that the GPU repeats for each. A software WebGL (SwiftShader, on any
 * machine without a usable GPU) draws the instances one by one, at some 20 µs each: 0.4-0.5 s a
 * frame for 1,000 actors and 4,000 relations, four times what the same frame takes in one call.
 *
 * `uninstanced` turns such a program into a plain one that draws every item in one call: each
 * item's record is written once per vertex, followed by that vertex's constants. The shaders are
 * sigma's own: an attribute reads the same whether it repeats per instance or per vertex. The
 * data sent per frame grows by the number of vertices (three to six): about a megabyte a frame
 * for 4,000 relations.
 */
import type { ProgramClass } from "./program-class";

interface Definition {
  VERTICES: number;
  METHOD: number;
  ATTRIBUTES: { name: string; size: number; type: number; normalized?: boolean }[];
  CONSTANT_ATTRIBUTES?: { name: string; size: number; type: number }[];
  CONSTANT_DATA?: number[][];
  [key: string]: unknown;
}
interface ProgramInstance {
  getDefinition(): Definition;
  processVisibleItem(index: number, startIndex: number, ...data: unknown[]): void;
  array: Float32Array;
  ATTRIBUTES_ITEMS_COUNT: number;
}
type ProgramBase = ProgramClass<ProgramInstance>;

const TRIANGLES = 4;

/** Floats per vertex for these attributes, counted as sigma counts them (a normalised attribute is packed in one); sigma's own helper cannot load without WebGL. */
function itemsCount(attributes: Definition["ATTRIBUTES"]): number {
  return attributes.reduce((sum, attribute) => sum + (attribute.normalized ? 1 : attribute.size), 0);
}

/** Whether a definition is instanced in a way that can be undone: separate triangles, so that the items can follow one another in one call. */
function undoable(definition: Definition): definition is Definition & Required<Pick<Definition, "CONSTANT_ATTRIBUTES" | "CONSTANT_DATA">> {
  return definition.CONSTANT_ATTRIBUTES !== undefined && definition.CONSTANT_DATA !== undefined && definition.METHOD === TRIANGLES;
}

/** A subclass of an instanced sigma program (node or edge) that draws all its items in one plain draw call. */
export function uninstanced<T>(program: T): T {
  // Every sigma program has these members; the published program types hide some of them.
  const Base = program as unknown as ProgramBase;
  return class extends Base {
    /** One item's own record, as the instanced program writes it; made on first use (fields are not set yet while sigma's constructor reads the definition). */
    private record: Float32Array | null = null;
    private shape: { vertices: number; own: number; constants: number[][] } | null = null;

    override getDefinition(): Definition {
      const definition = super.getDefinition();
      if (!undoable(definition)) return definition;
      // Without CONSTANT_ATTRIBUTES, sigma makes a plain program: the constants become attributes of each vertex.
      const { CONSTANT_ATTRIBUTES, CONSTANT_DATA: _constants, ...rest } = definition;
      return { ...rest, ATTRIBUTES: [...definition.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
    }

    override processVisibleItem(index: number, startIndex: number, ...data: unknown[]): void {
      const shape = (this.shape ??= this.measure());
      if (shape.constants.length === 0) {
        super.processVisibleItem(index, startIndex, ...data);
        return;
      }
      const record = (this.record ??= new Float32Array(shape.own));
      const array = this.array;
      const stride = this.ATTRIBUTES_ITEMS_COUNT;
      // The instanced program writes its record at the start of an array of one record's length.
      this.array = record;
      this.ATTRIBUTES_ITEMS_COUNT = shape.own;
      try {
        super.processVisibleItem(index, 0, ...data);
      } finally {
        this.array = array;
        this.ATTRIBUTES_ITEMS_COUNT = stride;
      }
      for (let vertex = 0; vertex < shape.vertices; vertex++) {
        const at = startIndex + vertex * stride;
        array.set(record, at);
        array.set(shape.constants[vertex]!, at + shape.own);
      }
    }

    /** The instanced program's vertices, the floats of one item's own record, and each vertex's constants (none: left as it was). */
    private measure(): { vertices: number; own: number; constants: number[][] } {
      const instanced = super.getDefinition();
      const own = itemsCount(instanced.ATTRIBUTES);
      return { vertices: instanced.VERTICES, own, constants: undoable(instanced) ? instanced.CONSTANT_DATA : [] };
    }
  } as unknown as T;
}
