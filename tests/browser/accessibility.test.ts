/**
 * axe-core, injected into the page, finds no serious or critical violation in
 * the full app (with panels open) and the embed, in both languages.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { open, settled, useBrowser } from "./harness";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
useBrowser((launched) => (browser = launched));

interface Violation {
  id: string;
  impact: string | null;
  nodes: string[];
}

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  passes: unknown[];
}

async function seriousViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the devtools protocol, not added as an inline <script>: the page's CSP forbids those.
  await page.evaluate(axeSource);
  const { violations, checked } = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResult> } }).axe;
    const result = await axe.run(document);
    return {
      checked: result.passes.length,
      violations: result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) })),
    };
  });
  // axe really ran its rules on the page (contrast, names, ARIA, language…).
  expect(checked).toBeGreaterThan(15);
  return violations;
}

describe("accessibility (axe-core)", () => {
  for (const [name, query, prepare] of [
    ["the full app in English with an actor's panel open", "?lang=en&selected=russia", null],
    ["the full app in Persian with a relation's evidence open", "?lang=fa&selected=russia-turkey-tension-jet", null],
    ["the full app with the insights panel open", "?lang=en", "#insights-open"],
    ["the full app with the table open", "?lang=fa", "#table-open"],
    ["the embed in English", "?embed=1", null],
    ["the embed in Persian, dark", "?embed=1&lang=fa&theme=dark", null],
  ] as const) {
    it(`finds no serious or critical violation in ${name}`, async () => {
      const { page } = await open(browser, query);
      await settled(page);
      if (prepare) await page.locator(prepare).click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
