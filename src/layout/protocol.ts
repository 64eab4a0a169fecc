/** Messages between the app and the layout worker. Positions travel as transferable Float32Arrays. */
import type { ForceSettings, LinkSign } from "./forces";

export interface LayoutInput {
  /** Per node: drawn radius. Initial positions, if any, as x0,y0,x1,y1… (NaN for none). */
  radii: Float32Array;
  positions?: Float32Array;
  /** Per link: source index, target index. */
  links: Uint32Array;
  signs: Int8Array;
  settings?: Partial<ForceSettings>;
  /** Post only the settled layout, not the steps towards it (prefers-reduced-motion). */
  finalOnly?: boolean;
  /** The simulation's starting heat (1 by default); 0 starts a layout that has already settled. */
  alpha?: number;
}

export type ToWorker =
  | ({ type: "start" } & LayoutInput)
  | { type: "pin"; index: number; x: number; y: number }
  | { type: "release"; index: number }
  | { type: "reheat"; alpha: number }
  | { type: "stop" };

export type FromWorker =
  | { type: "positions"; positions: Float32Array; alpha: number; settled: boolean }
  | { type: "error"; message: string };

export type { LinkSign };
