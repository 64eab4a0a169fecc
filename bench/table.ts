/** The benchmark's one table: a row per dataset and figure, a column per tool, each peer with its ratio to Entente. */
import type { Run } from "./run";

const TOOL_ORDER = ["entente", "entente-embed", "cytoscape", "d3-svg"];

export function formatTable(runs: readonly Run[]): string {
  const tools = TOOL_ORDER.filter((t) => runs.some((r) => r.tool === t));
  const rows: string[][] = [["dataset", "figure", ...tools]];
  const keys = [...new Set(runs.map((r) => `${r.dataset}\u0000${r.figure}`))];
  for (const key of keys) {
    const [dataset, figure] = key.split("\u0000") as [string, string];
    const ours = runs.find((r) => r.tool === "entente" && r.dataset === dataset && r.figure === figure)?.value ?? null;
    const cells = tools.map((tool) => {
      const run = runs.find((r) => r.tool === tool && r.dataset === dataset && r.figure === figure);
      if (!run) return "";
      if (run.value === null) return run.note ? `— (${run.note.split(";")[0]})` : "—";
      const ratio = tool !== "entente" && ours !== null && ours > 0 && run.unit !== "KB" ? ` (${(run.value / ours).toFixed(1)}×)` : "";
      return `${run.value} ${run.unit}${ratio}`;
    });
    rows.push([dataset, figure, ...cells]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`).join("\n").replace(/^(.*)\n/, (first) => `${first}| ${widths.map((w) => "-".repeat(w)).join(" | ")} |\n`);
}

export function printTable(runs: readonly Run[]): void {
  console.log(`\n${formatTable(runs)}`);
}
