/**
 * The base class of a mixin over a sigma program (dashed.ts, picking.ts, uninstanced.ts): sigma's
 * published program types hide members every program has, and a mixin's base class must be typed
 * with a rest-any constructor (TypeScript's rule for mixins).
 */
export type ProgramClass<Instance> = new (...args: any[]) => Instance;
