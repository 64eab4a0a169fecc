/**
 * Sigma registers its own default edge programs ("line" and "arrow", the latter two programs in
 * one) beside the ones it is given, and compiles each when it starts, with its picking variant: six
 * WebGL programs that no relation of Entente's uses (every relation is typed by the appearance,
 * for Entente's own programs), each compiled and linked on the page's way to its first frame while
 * it waits. This program stands in for them under their names where the graph does not use
 * Entente's programs of the same names (a graph of middling size does), and touches no WebGL.
 */
import type { EntenteEdgeProgram } from "./shader-patch";

/** Sigma constructs it with its context, picking buffer and itself, and keeps none of them. */
class InertProgram {
  reallocate(capacity: number): void {
    if (capacity > 0) throw new Error(`edge programs: ${capacity} relation(s) have a type with no program to draw them`);
  }

  process(): void {
    throw new Error("edge programs: a relation has a type with no program to draw it");
  }

  render(): void {}

  kill(): void {}
}

export const InertEdgeProgram = InertProgram as unknown as EntenteEdgeProgram;

/** Sigma's default edge types, to be given the inert program. */
export const SIGMA_DEFAULT_EDGE_TYPES = ["line", "arrow"] as const;
