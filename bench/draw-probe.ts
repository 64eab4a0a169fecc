/** Times bare frame draws on a generated dataset (after the layout settled): `tsx bench/draw-probe.ts 10000`. */
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "../scripts/chromium";
import { buildAndServe } from "../scripts/serve";
import { generateDataset } from "./generate";

const size = Number(process.argv[2] ?? 10000);
const served = await buildAndServe();
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const body = JSON.stringify(generateDataset(size));
  await page.route("https://bench.entente.test/**", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }),
  );
  await page.goto(`${served.url}?data=${encodeURIComponent("https://bench.entente.test/g.json")}${process.argv[3] ?? ""}`);
  await page.waitForSelector("body[data-state=settled]", { timeout: 600_000 });
  const draws: number[] = [];
  for (let i = 0; i < 5; i++) draws.push(await page.evaluate(() => window.entente!.timeDraw()));
  console.log("draw ms after the layout settled:", draws.map((d) => d.toFixed(1)).join(", "));
} finally {
  await browser.close();
  await served.close();
}
