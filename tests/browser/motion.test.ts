/**
 * Motion: a small graph is drawn already settled; a larger one unfolds in the
 * worker unless the reader prefers reduced motion, when only the settled layout
 * is shown and the camera moves at once.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, nodePoint, settled, useBrowser } from "./harness";

let browser: Browser;
useBrowser((launched) => (browser = launched));

const ORIGIN = "https://fixtures.entente.test";

/**
 * A ring of 600 states with a chord every fifth: more than the layout settles before the first frame,
 * and more than it settles within one of the worker's time slices (a ring of 60, laid out with the
 * exact forces, settled in the first slice on a fast run: nothing was left to unfold).
 */
function ringDataset(): string {
  const n = 600;
  const actors = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, kind: "state", label: { en: `State ${i}` } }));
  const relations = actors.flatMap((_, i) => {
    const ring = { id: `r${i}`, source: `s${i}`, target: `s${(i + 1) % n}`, type: "cooperation", evidence: [{ quote: `State ${i} and its neighbour agreed.`, reportedBy: "Example Wire" }] };
    return i % 5 === 0 ? [ring, { id: `c${i}`, source: `s${i}`, target: `s${(i + 17) % n}`, type: "tension", evidence: [{ quote: `State ${i} protested.`, reportedBy: "Example Wire" }] }] : [ring];
  });
  return JSON.stringify({
    meta: { title: { en: "A ring" }, source: { publisher: { en: "Example Wire" }, url: "https://example.org/ring", published: "2020-01-01", language: "en" } },
    actors,
    relationTypes: [
      { id: "cooperation", label: { en: "Cooperation" }, sign: 1, directed: false, color: "#009E73" },
      { id: "tension", label: { en: "Tension" }, sign: -1, directed: false, color: "#D55E00" },
    ],
    relations,
  });
}

async function openWith(reduced: boolean, query: string, body?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: reduced ? "reduce" : "no-preference" });
  const page = await context.newPage();
  if (body) {
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }),
    );
  }
  await page.goto(`${baseUrl()}?lang=en${query}`);
  await settled(page);
  return page;
}

const framesSoFar = (page: Page) => page.evaluate(() => window.entente!.lastFrame().count);

describe("motion", () => {
  it("draws the article's graph settled from the first frame: nothing moves after it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: "no-preference" });
    const page = await context.newPage();
    // Russia's place on the screen at every frame from the start until the layout has settled.
    await page.addInitScript(() => {
      const seen: { x: number; y: number }[] = [];
      (window as unknown as { __russia: typeof seen }).__russia = seen;
      const watch = () => {
        const p = window.entente?.nodePosition("russia");
        if (p) seen.push(p);
        if (document.body?.dataset.state !== "settled") requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    await page.goto(`${baseUrl()}?lang=en`);
    await settled(page);
    const seen = await page.evaluate(() => (window as unknown as { __russia: { x: number; y: number }[] }).__russia);
    expect(seen.length).toBeGreaterThan(0);
    const last = seen.at(-1)!;
    for (const p of seen) expect(Math.hypot(p.x - last.x, p.y - last.y)).toBeLessThan(1);
    // Dragging an actor still wakes the layout: its neighbours make room, then it settles again.
    const nato = await page.evaluate(() => window.entente!.nodePosition("nato")!);
    const from = await nodePoint(page, "russia");
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + 15 * i, from.y + 10 * i);
    await page.mouse.up();
    await expect.poll(() => page.evaluate(() => window.entente!.layoutRunning()), { timeout: 20_000 }).toBe(false);
    const natoAfter = await page.evaluate(() => window.entente!.nodePosition("nato")!);
    expect(Math.hypot(natoAfter.x - nato.x, natoAfter.y - nato.y)).toBeGreaterThan(0.5);
    // The page's milestones: the layout counts as settled at the first frame, which showed it, and
    // once only (the drag's settling is not the page's load).
    const marks = await page.evaluate(() =>
      ["entente:first-frame", "entente:layout-settled"].map((name) => performance.getEntriesByName(name).map((m) => m.startTime)),
    );
    expect(marks[0]).toHaveLength(1);
    expect(marks[1]).toEqual(marks[0]!.map((t) => expect.closeTo(t, -1)));
    await context.close();
  });

  it("unfolds a larger graph frame by frame, but shows only its settled layout to a reader who prefers reduced motion", async () => {
    const query = `&data=${encodeURIComponent(`${ORIGIN}/ring.json`)}`;
    const reduced = await openWith(true, query, ringDataset());
    const reducedFrames = await framesSoFar(reduced);
    await reduced.context().close();
    const animated = await openWith(false, query, ringDataset());
    const animatedFrames = await framesSoFar(animated);
    await animated.context().close();
    expect(reducedFrames).toBeLessThanOrEqual(6);
    expect(animatedFrames).toBeGreaterThan(reducedFrames);
  });

  it("moves the camera at once to a search result when the reader prefers reduced motion", async () => {
    const page = await openWith(true, "");
    await page.locator("#search").fill("Turkey");
    await page.keyboard.press("Enter");
    const box = (await page.locator("#graph").boundingBox())!;
    const panel = (await page.locator("#details").boundingBox())!;
    const p = await page.evaluate(() => window.entente!.nodePosition("turkey")!);
    // In the middle of what the details panel leaves free.
    expect(Math.hypot(p.x - (panel.x - box.x) / 2, p.y - box.height / 2)).toBeLessThan(5);
    await page.context().close();
  });
});
