/** The benchmark's load figures: medians over the scenario's navigation and the ones taken in turns with the other tools. */
import { describe, expect, it } from "vitest";
import { withLoads, type Figure } from "../../bench/scenario";

const figures: Figure[] = [
  { figure: "first frame after navigation", value: 900, unit: "ms" },
  { figure: "layout settled after navigation", value: 1000, unit: "ms" },
  { figure: "longest main-thread task during layout", value: 40, unit: "ms" },
];

describe("withLoads", () => {
  it("gives the medians of every navigation's first frame and settled layout, and leaves the other figures alone", () => {
    const merged = withLoads(figures, [
      { first: 700, settled: 720 },
      { first: 800, settled: null },
    ]);
    expect(merged).toEqual([
      { figure: "first frame after navigation", value: 800, unit: "ms", note: "median of 3 navigations, taking turns with the other tools'" },
      // The second navigation's layout did not settle within its wait: two values, their mean.
      { figure: "layout settled after navigation", value: 860, unit: "ms", note: "median of 2 navigations, taking turns with the other tools'" },
      { figure: "longest main-thread task during layout", value: 40, unit: "ms" },
    ]);
  });

  it("keeps a layout that never settled as told, and a first frame that never came out of the median", () => {
    const stopped: Figure[] = [
      { figure: "first frame after navigation", value: null, unit: "ms" },
      { figure: "layout settled after navigation", value: null, unit: "ms", note: "not settled after 15 s; stopped" },
    ];
    expect(withLoads(stopped, [{ first: 500, settled: 600 }])).toEqual([
      { figure: "first frame after navigation", value: 500, unit: "ms" },
      { figure: "layout settled after navigation", value: null, unit: "ms", note: "not settled after 15 s; stopped" },
    ]);
  });

  it("gives the median of the WebGL frames where a tool marks them, apart from its first frame", () => {
    const drawn: Figure[] = [
      { figure: "first frame after navigation", value: 900, unit: "ms" },
      { figure: "WebGL frame after navigation", value: 1200, unit: "ms" },
    ];
    expect(
      withLoads(drawn, [
        { first: 700, settled: null, webgl: 1000 },
        { first: 800, settled: null, webgl: 1100 },
      ]),
    ).toEqual([
      { figure: "first frame after navigation", value: 800, unit: "ms", note: "median of 3 navigations, taking turns with the other tools'" },
      { figure: "WebGL frame after navigation", value: 1100, unit: "ms", note: "median of 3 navigations, taking turns with the other tools'" },
    ]);
  });

  it("changes nothing without more navigations", () => {
    expect(withLoads(figures, [])).toBe(figures);
  });
});
