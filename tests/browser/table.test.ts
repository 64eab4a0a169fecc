/** The table view, used as a person without a mouse would: open it with a key, read, sort, choose a row. */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { open, settled, useBrowser } from "./harness";

interface RawDataset {
  relations: { id: string; type: string }[];
}
const dataset = JSON.parse(readFileSync(new URL("../../data/russia-france-coalition.json", import.meta.url), "utf8")) as RawDataset;

let browser: Browser;
useBrowser((launched) => (browser = launched));

describe("table view", () => {
  it("lists exactly the visible relations, follows the filters, sorts, and selects in both directions", async () => {
    const { page, errors } = await open(browser, "?selected=russia-turkey-tension-jet");
    await settled(page);
    await page.keyboard.press("t");
    const table = page.locator("#table-view");
    expect(await table.isVisible()).toBe(true);
    const rowIds = () => page.locator("#table-view tbody tr").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.relation));
    expect((await rowIds()).sort()).toEqual(dataset.relations.map((r) => r.id).sort());
    expect(await table.locator("caption").innerText()).toBe(`${dataset.relations.length} relations shown`);
    // The relation selected in the graph is marked in the table.
    expect(await table.locator('tr[aria-current="true"]').getAttribute("data-relation")).toBe("russia-turkey-tension-jet");

    // Filters apply to the table too.
    await page.locator(".filter-row[data-type=mediation] label").click();
    const withoutMediation = dataset.relations.filter((r) => r.type !== "mediation").map((r) => r.id).sort();
    expect((await rowIds()).sort()).toEqual(withoutMediation);

    // Sorting by date, then the other way.
    const dateHead = table.locator("th", { hasText: "Date" });
    await dateHead.locator("button").click();
    expect(await dateHead.getAttribute("aria-sort")).toBe("ascending");
    await dateHead.locator("button").click();
    expect(await dateHead.getAttribute("aria-sort")).toBe("descending");

    // Choosing a row selects its relation in the graph and opens its evidence.
    const row = table.locator('tr[data-relation="france-nato-membership"]');
    await row.locator("button").click();
    expect(new URL(page.url()).searchParams.get("selected")).toBe("france-nato-membership");
    expect(await page.locator("#details article.relation").getAttribute("data-relation")).toBe("france-nato-membership");
    expect(await row.getAttribute("aria-current")).toBe("true");
    // "t" again closes it.
    await page.locator("body").press("t");
    expect(await table.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reads in Persian, right to left", async () => {
    const { page } = await open(browser, "?lang=fa");
    await settled(page);
    await page.locator("#table-open").click();
    expect(await page.locator("#table-view caption").innerText()).toBe(`۲۶ رابطه نمایش داده می‌شود`);
    expect(await page.locator("#table-view th").first().innerText()).toContain("از");
    await page.close();
  });

  it("arrow keys move from the selected actor to a neighbour, and the selection is announced", async () => {
    const { page } = await open(browser, "?selected=russia");
    await settled(page);
    const announce = page.locator("#announce");
    expect(await announce.getAttribute("aria-live")).toBe("polite");
    expect(await announce.innerText()).toMatch(/^Russia, State: \d+ relations, with .*France/);
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    const neighbours = new Set<string>();
    for (const r of JSON.parse(readFileSync(new URL("../../data/russia-france-coalition.json", import.meta.url), "utf8")).relations as { source: string; target: string }[]) {
      if (r.source === "russia") neighbours.add(r.target);
      if (r.target === "russia") neighbours.add(r.source);
    }
    let moved: string | null = null;
    for (const key of ["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp"]) {
      await page.goto(page.url().replace(/selected=[^&]*/, "selected=russia"));
      await settled(page);
      await page.keyboard.press(key);
      const selected = await page.evaluate(() => window.entente!.view().selected);
      if (selected?.kind === "actor" && selected.id !== "russia") {
        moved = selected.id;
        break;
      }
    }
    expect(moved).not.toBeNull();
    expect(neighbours.has(moved!)).toBe(true);
    expect(await page.locator("#details").getAttribute("hidden")).toBeNull();
    await page.close();
  });
});
