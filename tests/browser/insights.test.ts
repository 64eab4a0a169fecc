/** The Insights panel as a reader uses it: read the balance, choose a triangle, see it in the graph. */
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { colorDistance, hex, lookAtGraph, open, settled, useBrowser } from "./harness";

let browser: Browser;
useBrowser((launched) => (browser = launched));

describe("insights", () => {
  it("lists the France–Russia–NATO triangle, and choosing it highlights its three actors", async () => {
    const { page, errors } = await open(browser);
    await settled(page);
    await page.locator("#insights-open").click();
    const panel = page.locator("#insights");
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.locator(".insights-ratio").innerText()).toMatch(/triangles of friendly and hostile ties are balanced|There is no triangle/);
    const item = panel.locator('.triangle-sentence[data-actors="france nato russia"]');
    expect(await item.count()).toBe(1);
    const sentence = await item.innerText();
    for (const name of ["France", "Russia", "NATO"]) expect(sentence).toContain(name);

    const at = (id: string) => page.evaluate((node) => window.entente!.nodePosition(node)!, id);
    await item.click();
    expect(await panel.locator('.triangle-sentence[data-actors="france nato russia"]').getAttribute("aria-pressed")).toBe("true");
    // The camera brings the triangle into the part of the graph the panel leaves free.
    await page.waitForTimeout(700);
    const panelBox = (await panel.boundingBox())!;
    const graphBox = (await page.locator("#graph").boundingBox())!;
    const [russia, nato, france, obama] = [await at("russia"), await at("nato"), await at("france"), await at("obama")];
    for (const p of [russia, nato, france]) {
      expect(p.x).toBeGreaterThan(0);
      // With room for its label ("Russia", "France", "NATO": under 60 pixels at the label size) and as much again.
      expect(graphBox.x + p.x + 120).toBeLessThan(panelBox.x);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(graphBox.height);
    }
    // Outside the triangle everything dims; the triangle keeps its colours.
    const inView = obama.x > 0 && graphBox.x + obama.x < panelBox.x && obama.y > 0 && obama.y < graphBox.height;
    if (inView) {
      await expect
        .poll(async () => colorDistance((await lookAtGraph(page, [obama])).colors[0]!, hex("#e4e4e4")), { timeout: 10_000 })
        .toBeLessThan(30);
    }
    const look = await lookAtGraph(page, [russia, nato]);
    expect(colorDistance(look.colors[0]!, hex("#4477AA"))).toBeLessThan(40);
    expect(colorDistance(look.colors[1]!, hex("#228833"))).toBeLessThan(40);
    // Its relations link to their evidence.
    await panel.locator(".triangle-relations .relation-link").first().click();
    await expect.poll(() => page.locator("#details article.relation").count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("counting members of one organization as allies adds the France–Russia–Turkey triangle", async () => {
    const { page } = await open(browser);
    await settled(page);
    await page.locator("#insights-open").click();
    const panel = page.locator("#insights");
    expect(await panel.locator('.triangle-sentence[data-actors="france russia turkey"]').count()).toBe(0);
    await panel.locator("#insights-allied").check();
    expect(await panel.locator('.triangle-sentence[data-actors="france russia turkey"]').count()).toBe(1);
    await page.close();
  });

  it("reads in Persian", async () => {
    const { page } = await open(browser, "?lang=fa");
    await settled(page);
    await page.locator("#insights-open").click();
    const text = await page.locator("#insights").innerText();
    expect(text).toContain("توازن ساختاری");
    expect(await page.locator('.triangle-sentence[data-actors="france nato russia"]').innerText()).toContain("فرانسه");
    await page.close();
  });
});
