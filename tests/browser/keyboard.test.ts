/**
 * A reader without a mouse: Tab to the search, type, arrows and Enter to choose
 * Russia, Tab to its relation with Turkey and read it, Enter to go to Turkey,
 * arrows to step to a neighbour, Escape to let go. No click anywhere.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { open, settled, useBrowser } from "./harness";

const dataset = JSON.parse(readFileSync(new URL("../../data/russia-france-coalition.json", import.meta.url), "utf8")) as {
  relations: { source: string; target: string }[];
};

let browser: Browser;
useBrowser((launched) => (browser = launched));

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `limit` presses. */
async function tabTo(page: Page, matches: (el: { id: string; className: string; text: string }) => boolean, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return { id: active?.id ?? "", className: active?.className ?? "", text: active?.innerText ?? "" };
    });
    if (matches(el)) return;
  }
  throw new Error(`nothing matching was reached in ${limit} presses of Tab`);
}

const selected = (page: Page) => page.evaluate(() => window.entente!.view().selected);

describe("keyboard only", () => {
  it("selects Russia, reads its relation with Turkey, moves to Turkey and on to a neighbour, and lets go", async () => {
    const { page, errors } = await open(browser);
    await settled(page);
    await tabTo(page, (el) => el.id === "search");
    await page.keyboard.type("Russia");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    expect(await selected(page)).toEqual({ kind: "actor", id: "russia" });
    await expect.poll(() => page.locator("#details h2").innerText()).toBe("Russia");
    // The selection is announced with its relations.
    await expect.poll(() => page.locator("#announce").textContent()).toContain("Russia");

    // Russia's panel lists its relations; Tab reaches the one with Turkey over the downed jet.
    await tabTo(page, (el) => el.className.includes("relation-link") && el.text.includes("Turkey"));
    await page.keyboard.press("Enter");
    const relation = await selected(page);
    expect(relation?.kind).toBe("relation");
    const details = page.locator("#details");
    await expect.poll(() => details.locator(".actor-link").allInnerTexts()).toEqual(expect.arrayContaining(["Russia", "Turkey"]));
    // Its evidence: the quote and who reported it.
    expect(await details.locator("blockquote, .quote").count()).toBeGreaterThan(0);
    expect(await details.innerText()).toMatch(/AFP|DPA|Reuters|DW/);

    // From the relation to Turkey.
    await tabTo(page, (el) => el.className.includes("actor-link") && el.text === "Turkey", 20);
    await page.keyboard.press("Enter");
    expect(await selected(page)).toEqual({ kind: "actor", id: "turkey" });
    await expect.poll(() => page.locator("#details h2").innerText()).toBe("Turkey");

    // Arrow keys step from Turkey to the neighbour drawn in that direction.
    let moved: { kind: string; id: string } | null = null;
    for (const key of ["ArrowUp", "ArrowLeft", "ArrowRight", "ArrowDown"]) {
      await page.keyboard.press(key);
      moved = await selected(page);
      if (moved?.id !== "turkey") break;
    }
    expect(moved?.kind).toBe("actor");
    expect(moved?.id).not.toBe("turkey");
    // Turkey and where the arrow went are linked by a relation.
    const ends = (r: { source: string; target: string }) => [r.source, r.target].sort().join(" ");
    expect(dataset.relations.map(ends)).toContain(["turkey", moved!.id].sort().join(" "));

    // Escape lets go: nothing selected, the panel closes.
    await page.keyboard.press("Escape");
    expect(await selected(page)).toBeNull();
    await expect.poll(() => page.locator("#details").isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
