/** Inputs the fuzz tests (tests/unit/fuzz/) found to break an importer, kept as plain tests. */
import { describe, expect, it } from "vitest";
import { importFile } from "../../src/core/import";
import { COLUMN, GDELT_COLUMNS } from "../../src/core/import/gdelt";

function gdeltRow(a1: string, a2: string, root = "01"): string {
  const fields = GDELT_COLUMNS.map(() => "");
  fields[COLUMN.GLOBALEVENTID] = "1";
  fields[COLUMN.SQLDATE] = "20151124";
  fields[COLUMN.Actor1Code] = a1;
  fields[COLUMN.Actor2Code] = a2;
  fields[COLUMN.EventCode] = `${root}0`;
  fields[COLUMN.EventRootCode] = root;
  return fields.join("\t");
}

describe("GDELT: actor codes holding a dash", () => {
  it('"A-B"→"C" and "A"→"B-C" are two relations, not one id used twice', () => {
    const result = importFile({ name: "events.tsv", text: [gdeltRow("A-B", "C"), gdeltRow("A", "B-C")].join("\n") }, {}, "gdelt");
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.relations.map((r) => [r.id, r.source, r.target])).toEqual([
      ["A-B-C-statement", "A-B", "C"],
      ["A-B-C-statement-2", "A", "B-C"],
    ]);
  });

  it("keeps the plain id for every relation when nothing collides", () => {
    const result = importFile({ name: "events.tsv", text: [gdeltRow("USA", "RUS"), gdeltRow("RUS", "USA", "14")].join("\n") }, {}, "gdelt");
    expect(result.ok && result.dataset.relations.map((r) => r.id)).toEqual(["USA-RUS-statement", "RUS-USA-conflict"]);
  });
});

describe("GEXF: many edges sharing one id", () => {
  it("10,000 edges with the id \"x\" are renamed in linear time, each to a free id", () => {
    const edges = Array.from({ length: 10_000 }, () => '<edge id="x" source="a" target="b"/>');
    // One edge claims "x-3" itself: the renamed ones must step over it.
    edges.push('<edge id="x-3" source="b" target="a"/>');
    const text =
      '<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>' +
      `<nodes><node id="a"/><node id="b"/></nodes><edges>${edges.join("")}</edges></graph></gexf>`;
    const start = performance.now();
    const result = importFile({ name: "many.gexf", text }, {});
    // Quadratic renaming took about 15 s here; linear takes about one.
    expect(performance.now() - start).toBeLessThan(6_000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.dataset.relations.map((r) => r.id);
    expect(new Set(ids).size).toBe(10_001);
    expect(ids.slice(0, 4)).toEqual(["x", "x-2", "x-4", "x-5"]);
    expect(ids).toContain("x-3");
    expect(result.problems.filter((p) => p.message.includes("used twice")).length).toBeGreaterThan(0);
  }, 30_000);
});
