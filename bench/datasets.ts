/** The benchmark's datasets: the bundled article, generated alliances, and a real power grid when the shared fixtures are there. */
import { existsSync, readFileSync } from "node:fs";
import type { Dataset } from "../src/core/dataset";
import { importFile } from "../src/core/import";
import { generateDataset } from "./generate";

export interface BenchDataset {
  name: string;
  /** null: the app's bundled dataset, opened without ?data=. */
  dataset: Dataset;
  bundled: boolean;
  /** The relation type the filter click hides. */
  filterType: string;
}

const POWER_GRID = new URL("../../shared/fixtures/real/power-grid.gexf", import.meta.url);

function withFilter(name: string, dataset: Dataset, bundled = false): BenchDataset {
  const types = new Set(dataset.relations.map((r) => r.type));
  return { name, dataset, bundled, filterType: types.has("tension") ? "tension" : [...types][0]! };
}

export function benchDatasets(sizes: readonly number[], withPowerGrid: boolean): { datasets: BenchDataset[]; notes: string[] } {
  const article = JSON.parse(readFileSync(new URL("../data/russia-france-coalition.json", import.meta.url), "utf8")) as Dataset;
  const datasets = [withFilter("article", article, true), ...sizes.map((n) => withFilter(`generated-${n}`, generateDataset(n)))];
  const notes: string[] = [];
  if (!withPowerGrid) notes.push("power-grid.gexf: skipped in --quick");
  else if (!existsSync(POWER_GRID)) notes.push("power-grid.gexf: ../shared/fixtures/real/power-grid.gexf is not there, so the real-graph run was skipped");
  else {
    const result = importFile({ name: "power-grid.gexf", text: readFileSync(POWER_GRID, "utf8") });
    if (result.ok) datasets.push(withFilter("power-grid", result.dataset));
    else notes.push(`power-grid.gexf: could not be imported (${result.problems[0]?.message ?? "unknown problem"})`);
  }
  return { datasets, notes };
}
