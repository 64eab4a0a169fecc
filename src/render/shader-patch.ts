/**
 * Entente's edge programs are sigma's own with a few lines added to their shaders. These helpers
 * patch a shader at a line of it and extend a program's definition; a missing line throws, so that
 * an upgrade of sigma that moves it fails in the unit tests rather than as a blank graph.
 */
import type { EdgeProgramType } from "sigma/rendering";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { ActorNode, RelationEdge } from "../core/graph";
import type { ProgramClass } from "./program-class";

export type EntenteEdgeProgram = EdgeProgramType<ActorNode, RelationEdge>;

export const FLOAT = 5126;

export interface Definition {
  VERTEX_SHADER_SOURCE: string;
  FRAGMENT_SHADER_SOURCE: string;
  UNIFORMS: string[];
  ATTRIBUTES: { name: string; size: number; type: number; normalized?: boolean }[];
}
export interface UniformTarget {
  gl: WebGLRenderingContext;
  uniformLocations: Record<string, WebGLUniformLocation>;
}
/** Every sigma program has these members; the published EdgeProgramType hides them. */
export interface ProgramInstance {
  getDefinition(): Definition;
  processVisibleItem(edgeIndex: number, startIndex: number, source: NodeDisplayData, target: NodeDisplayData, data: EdgeDisplayData): void;
  setUniforms(params: { width: number; height: number; pixelRatio: number }, target: UniformTarget): void;
  array: Float32Array;
  ATTRIBUTES_ITEMS_COUNT: number;
}
export type ProgramBase = ProgramClass<ProgramInstance>;

export type Patch = (vertex: string, fragment: string) => { vertex: string; fragment: string };

function find(source: string, anchor: string): number {
  const at = source.indexOf(anchor);
  // The anchors are lines of sigma's shaders at the pinned version; a new version must be checked by hand.
  if (at < 0) throw new Error(`edge programs: the shader line "${anchor}" is missing`);
  return at;
}

export function insert(source: string, anchor: string, text: string, where: "before" | "after"): string {
  const at = find(source, anchor);
  const cut = where === "after" ? at + anchor.length : at;
  return source.slice(0, cut) + text + source.slice(cut);
}

export function replace(source: string, anchor: string, text: string): string {
  const at = find(source, anchor);
  return source.slice(0, at) + text + source.slice(at + anchor.length);
}

/** A sigma program's definition with its shaders patched, and uniforms and attributes added after its own (so that sigma's writing of those is unchanged). */
export function extended(definition: Definition, patch: Patch, uniforms: string[], attributes: Definition["ATTRIBUTES"]): Definition {
  const { vertex, fragment } = patch(definition.VERTEX_SHADER_SOURCE, definition.FRAGMENT_SHADER_SOURCE);
  return {
    ...definition,
    VERTEX_SHADER_SOURCE: vertex,
    FRAGMENT_SHADER_SOURCE: fragment,
    UNIFORMS: [...definition.UNIFORMS, ...uniforms],
    ATTRIBUTES: [...definition.ATTRIBUTES, ...attributes],
  };
}

/** A per-edge float attribute added to a program, and how an edge's display data gives it. */
export interface EdgeFlag {
  name: string;
  of(data: EdgeDisplayData): number;
}

/** 1 for a relation drawn dashed (a hostile one), else 0. */
export const DASHED: EdgeFlag = { name: "a_dashed", of: (data) => ((data as EdgeDisplayData & { dashed?: boolean }).dashed ? 1 : 0) };

/**
 * A subclass of a sigma edge program whose shaders are patched and whose edges carry `flags`,
 * written after sigma's own items of each edge's record (uninstanced repeats the record for each vertex).
 */
export function flagged(program: unknown, patch: Patch, flags: readonly EdgeFlag[]): EntenteEdgeProgram {
  const Base = program as ProgramBase;
  return class extends Base {
    override getDefinition(): Definition {
      return extended(super.getDefinition(), patch, [], flags.map((flag) => ({ name: flag.name, size: 1, type: FLOAT })));
    }

    override processVisibleItem(edgeIndex: number, startIndex: number, source: NodeDisplayData, target: NodeDisplayData, data: EdgeDisplayData): void {
      super.processVisibleItem(edgeIndex, startIndex, source, target, data);
      const first = startIndex + this.ATTRIBUTES_ITEMS_COUNT - flags.length;
      flags.forEach((flag, i) => (this.array[first + i] = flag.of(data)));
    }
  } as unknown as EntenteEdgeProgram;
}
