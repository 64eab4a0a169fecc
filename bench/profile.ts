/**
 * `npm run bench:profile -- [actors] [scenario]`: a CPU profile of one scenario on a generated
 * dataset, summarised as the functions with the most self time. Scenarios: filter (a legend
 * click after the layout settled), layout (from navigation until the layout settled).
 */
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "../scripts/chromium";
import { buildAndServe } from "../scripts/serve";
import { generateDataset } from "./generate";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const size = Number(process.argv[2] ?? 10000);
const scenario = process.argv[3] ?? "filter";
const ORIGIN = "https://bench.entente.test";
const served = await buildAndServe();
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const body = JSON.stringify(generateDataset(size));
  await page.route(`${ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }),
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  if (scenario === "layout") await cdp.send("Profiler.start");
  await page.goto(`${served.url}?data=${encodeURIComponent(`${ORIGIN}/g.json`)}`);
  await page.waitForSelector("body[data-state=settled]", { timeout: 600_000 });
  if (scenario === "filter") {
    await cdp.send("Profiler.start");
    for (let i = 0; i < 4; i++) {
      await page.locator(".filter-row[data-type=tension] label").click();
      await page.waitForTimeout(300);
    }
  }
  const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || "(anonymous)"} ${url.split("/").pop() ?? ""}:${lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0) / 1000);
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  console.log(`${scenario} on ${size} actors: ${Math.round(total)} ms sampled`);
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
  }
} finally {
  await browser.close();
  await served.close();
}
