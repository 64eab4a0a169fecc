import { describe, expect, it } from "vitest";
import { ResultAssembler, splitResult, type HandoverPart } from "../../src/import/handover";
import type { ImportResult } from "../../src/core/import/types";
import { minimalDataset, valid } from "./fixtures";

function bigResult(actors: number, relations: number): ImportResult {
  const d = valid(minimalDataset());
  const actorList = Array.from({ length: actors }, (_, i) => ({ ...d.actors[0]!, id: `a${i}` }));
  const relationList = Array.from({ length: relations }, (_, i) => ({ ...d.relations[0]!, id: `r${i}`, source: "a0", target: `a${i % actors}` }));
  return { ok: true, format: "csv", dataset: { ...d, actors: actorList, relations: relationList }, problems: [{ path: "row 2", message: "a warning", severity: "warning" }] };
}

describe("handing an import's result from the worker to the page", () => {
  it("splits a big result into parts of bounded size and puts it back together exactly", () => {
    const result = bigResult(25, 103);
    const parts = [...splitResult(result, 10)];
    expect(parts.map((p) => p.kind)).toEqual(["head", ...Array(3).fill("actors"), ...Array(11).fill("relations")]);
    expect(parts.every((p) => p.kind === "head" || p.items.length <= 10)).toBe(true);
    const assembler = new ResultAssembler();
    const fractions: number[] = [];
    let whole: ImportResult | null = null;
    for (const part of parts) {
      expect(whole).toBeNull();
      whole = assembler.add(structuredClone(part) as HandoverPart);
      fractions.push(assembler.fraction());
    }
    expect(whole).toEqual(result);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it("sends a failed result in one part", () => {
    const failed: ImportResult = { ok: false, format: "gexf", problems: [{ path: "line 1, column 1", message: "not XML", severity: "error" }] };
    const parts = [...splitResult(failed)];
    expect(parts).toHaveLength(1);
    expect(new ResultAssembler().add(parts[0]!)).toEqual(failed);
  });

  it("completes at once for an empty dataset", () => {
    const empty = bigResult(0, 0);
    const parts = [...splitResult(empty)];
    expect(parts).toHaveLength(1);
    const assembler = new ResultAssembler();
    expect(assembler.fraction()).toBe(0);
    expect(assembler.add(parts[0]!)).toEqual(empty);
    expect(assembler.fraction()).toBe(1);
  });
});
