/**
 * Takes screenshots of the app in both languages, with a node's panel open,
 * into screenshots/ (the README's picture is screenshots/app-en.png).
 */
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { CHROMIUM_ARGS, ensureChromium } from "./chromium";
import { buildAndServe } from "./serve";
import { stillNodePosition } from "./still";

const out = new URL("../screenshots/", import.meta.url);
mkdirSync(out, { recursive: true });
const served = await buildAndServe();
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  for (const lang of ["en", "fa"] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx compiles with esbuild's keepNames, which wraps the functions given to page.evaluate in __name().
    await page.addInitScript("window.__name = (f) => f;");
    await page.goto(`${served.url}?lang=${lang}`);
    await page.waitForSelector("body[data-state=settled]", { timeout: 60_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: new URL(`app-${lang}.png`, out).pathname });
    const russia = await page.evaluate(() => window.entente?.nodePosition("russia") ?? null);
    const box = await page.locator("#graph").boundingBox();
    if (russia && box) {
      await page.mouse.click(box.x + russia.x, box.y + russia.y);
      await page.waitForSelector("#details:not([hidden])");
      await stillNodePosition(page, "russia");
      await page.screenshot({ path: new URL(`actor-${lang}.png`, out).pathname });
      await page.locator("#details .relation-link").first().click();
      await stillNodePosition(page, "russia");
      await page.screenshot({ path: new URL(`relation-${lang}.png`, out).pathname });
    }
    await page.goto(`${served.url}?lang=${lang}&types=tension,conflict&focus=russia&selected=russia`);
    await page.waitForSelector("body[data-state=settled]", { timeout: 60_000 });
    await stillNodePosition(page, "russia");
    await page.screenshot({ path: new URL(`filtered-${lang}.png`, out).pathname });
    await page.goto(`${served.url}?lang=${lang}`);
    await page.waitForSelector("body[data-state=settled]", { timeout: 60_000 });
    await page.locator("#search").fill(lang === "fa" ? "ر" : "r");
    await page.screenshot({ path: new URL(`search-${lang}.png`, out).pathname });
    await page.close();
  }
} finally {
  await browser.close();
  await served.close();
}
console.log(`screenshots written to ${out.pathname}`);
