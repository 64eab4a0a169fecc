/** prefers-reduced-motion: no animated layout or camera moves; the settled layout is shown. */
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, settled, useBrowser } from "./harness";

let browser: Browser;
useBrowser((launched) => (browser = launched));

async function framesUntilSettled(reduced: boolean): Promise<{ frames: number; same: boolean }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: reduced ? "reduce" : "no-preference" });
  const page = await context.newPage();
  await page.goto(`${baseUrl()}?lang=en`);
  await settled(page);
  const frames = await page.evaluate(() => window.entente!.lastFrame().count);
  // Choosing a search result moves the camera at once, with no animation to wait for.
  await page.locator("#search").fill("Turkey");
  await page.keyboard.press("Enter");
  const box = (await page.locator("#graph").boundingBox())!;
  const p = await page.evaluate(() => window.entente!.nodePosition("turkey")!);
  const same = Math.hypot(p.x - box.width / 2, p.y - box.height / 2) < 5;
  await context.close();
  return { frames, same };
}

describe("reduced motion", () => {
  it("draws the settled layout without the frames of its animation, and moves the camera at once", async () => {
    const reduced = await framesUntilSettled(true);
    const animated = await framesUntilSettled(false);
    expect(reduced.frames).toBeLessThan(animated.frames);
    expect(reduced.frames).toBeLessThanOrEqual(6);
    expect(reduced.same).toBe(true);
  });
});
