/**
 * `npm run bench`: measures Entente in headless Chromium on the bundled
 * article and on generated datasets, prints one table, and writes
 * bench/results/latest.json. Figures, never assertions: machines are noisy.
 *
 *   npm run bench              every dataset, 5 filter clicks each
 *   npm run bench -- --quick   fewer datasets and repetitions
 */
import { chromium, type Browser, type Page } from "playwright-core";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { cpus, totalmem } from "node:os";
import { CHROMIUM_ARGS, ensureChromium } from "../scripts/chromium";
import { buildAndServe } from "../scripts/serve";
import { generateDataset } from "./generate";
import { analyseBalance } from "../src/core/analysis";
import { lookup } from "../src/core/dataset/lookup";
import { gdeltRows } from "./gdelt-rows";

interface Run {
  tool: string;
  dataset: string;
  figure: string;
  value: number;
  unit: string;
}
interface Target {
  name: string;
  value: number | null;
  target: string;
  met: boolean;
}

const quick = process.argv.includes("--quick");
const ORIGIN = "https://bench.entente.test";
const sizes = quick ? [1000, 10000] : [100, 1000, 10000];
const clicks = quick ? 3 : 7;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Collects long main-thread tasks from the very start of the page. */
const OBSERVE_LONG_TASKS = () => {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
};

async function measureApp(browser: Browser, url: string, name: string, body: string | null, runs: Run[]): Promise<void> {
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in __name();
  // functions sent to the page run there without that helper.
  await page.addInitScript("window.__name = (f) => f;");
  await page.addInitScript(OBSERVE_LONG_TASKS);
  if (body !== null) {
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }),
    );
  }
  const target = body === null ? url : `${url}?data=${encodeURIComponent(`${ORIGIN}/${name}.json`)}`;
  const record = (figure: string, value: number, unit = "ms") => {
    runs.push({ tool: "entente", dataset: name, figure, value: Math.round(value * 10) / 10, unit });
  };
  await page.goto(target);
  await page.waitForSelector("body[data-state=settled]", { timeout: 300_000 });
  const marks = await page.evaluate(() => {
    const at = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    const first = at("entente:first-frame");
    const settled = at("entente:layout-settled");
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    const during = tasks.filter((t) => t.start >= first && t.start <= settled);
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return {
      first,
      settled,
      longest: during.reduce((m, t) => Math.max(m, t.duration), 0),
      heap: memory ? memory.usedJSHeapSize / 1048576 : NaN,
    };
  });
  record("first frame after navigation", marks.first);
  record("layout settled after navigation", marks.settled);
  record("longest main-thread task during layout", marks.longest);
  record("JS heap after layout", marks.heap, "MiB");

  // A filter click, as a person makes it, to the end of the frame that shows its result.
  await page.evaluate(() => {
    const w = window as unknown as { __clickAt: number };
    w.__clickAt = 0;
    document.addEventListener("click", (e) => (w.__clickAt = e.timeStamp), { capture: true });
  });
  const times: number[] = [];
  for (let i = 0; i < clicks; i++) {
    await page.locator(".filter-row[data-type=tension] label").click();
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const w = window as unknown as { __clickAt: number; entente: { lastFrame(): { at: number } } };
          const check = () => {
            const frame = w.entente.lastFrame();
            if (frame.at >= w.__clickAt) resolve(frame.at - w.__clickAt);
            else requestAnimationFrame(check);
          };
          check();
        }),
    );
    times.push(ms);
  }
  record("filter click to drawn frame (median)", median(times));
  await page.close();
}

/** The gzip size of every script a page loads (its chunks and its worker), read from dist/. */
async function scriptBytes(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  const scripts = new Set<string>();
  page.on("request", (request) => {
    if (request.resourceType() === "script" || /\.js(\?|$)/.test(request.url())) scripts.add(new URL(request.url()).pathname);
  });
  await page.goto(url);
  await page.waitForSelector("body[data-state=settled]", { timeout: 120_000 });
  await page.close();
  let total = 0;
  for (const path of scripts) {
    total += gzipSync(readFileSync(new URL(`../dist${path}`, import.meta.url))).length;
  }
  return total / 1024;
}

/** Opening a 100,000-row GDELT export through the file button: how long, and whether the page stayed fluid. */
async function measureImport(browser: Browser, url: string, rows: number, runs: Run[]): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript("window.__name = (f) => f;");
  await page.addInitScript(OBSERVE_LONG_TASKS);
  await page.goto(url);
  await page.waitForSelector("body[data-state=settled]", { timeout: 120_000 });
  const text = gdeltRows(rows);
  // Count from the moment the page has the file: handing a 15 MB buffer to the page is the
  // automation's own work (a long task of its own), not the app's.
  await page.evaluate(() => {
    const w = window as unknown as { __changeAt: number };
    document.querySelector("#file-input")?.addEventListener("change", () => (w.__changeAt = performance.now()), { capture: true });
  });
  await page.setInputFiles("#file-input", { name: "events.export.CSV", mimeType: "text/plain", buffer: Buffer.from(text) });
  const start = await page.evaluate(() => (window as unknown as { __changeAt: number }).__changeAt);
  await page.waitForFunction(() => (window.entente?.nodeCount() ?? 0) !== 13, undefined, { timeout: 300_000, polling: 100 });
  const figures = await page.evaluate((since) => {
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    return {
      took: performance.now() - since,
      longest: tasks.filter((t) => t.start >= since).reduce((m, t) => Math.max(m, t.duration), 0),
    };
  }, start);
  const name = `gdelt-${rows}`;
  runs.push({ tool: "entente", dataset: name, figure: "file chosen to graph shown", value: Math.round(figures.took), unit: "ms" });
  runs.push({ tool: "entente", dataset: name, figure: "longest main-thread task while importing", value: Math.round(figures.longest), unit: "ms" });
  runs.push({ tool: "entente", dataset: name, figure: "file size", value: Math.round(text.length / 1024 / 102.4) / 10, unit: "MB" });
  await page.close();
}

function printTable(runs: Run[]): void {
  const datasets = [...new Set(runs.map((r) => r.dataset))];
  const figures = [...new Set(runs.map((r) => r.figure))];
  const width = Math.max(...figures.map((f) => f.length)) + 2;
  console.log(`\n${"figure".padEnd(width)}${datasets.map((d) => d.padStart(18)).join("")}`);
  for (const figure of figures) {
    const cells = datasets.map((d) => {
      const run = runs.find((r) => r.dataset === d && r.figure === figure);
      return (run ? `${run.value} ${run.unit}` : "—").padStart(18);
    });
    console.log(`${figure.padEnd(width)}${cells.join("")}`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const served = await buildAndServe();
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, "--enable-precise-memory-info"],
  });
  const runs: Run[] = [];
  try {
    runs.push({ tool: "entente", dataset: "article", figure: "embed JavaScript (gzip)", value: Math.round(await scriptBytes(browser, `${served.url}?embed=1`) * 10) / 10, unit: "KB" });
    runs.push({ tool: "entente", dataset: "article", figure: "full app JavaScript (gzip)", value: Math.round(await scriptBytes(browser, served.url) * 10) / 10, unit: "KB" });
    await measureApp(browser, served.url, "article", null, runs);
    // Structural balance runs in the page's own thread: time it here, on the same data.
    const big = lookup(generateDataset(10000));
    const balanceTimes: number[] = [];
    for (let i = 0; i < (quick ? 3 : 7); i++) {
      const t0 = performance.now();
      analyseBalance(big, { alliedByMembership: false });
      balanceTimes.push(performance.now() - t0);
    }
    runs.push({ tool: "entente", dataset: "generated-10000", figure: "triangles and balance (node, median)", value: Math.round(median(balanceTimes)), unit: "ms" });
    console.log("measuring a 100,000-row GDELT import…");
    await measureImport(browser, served.url, 100_000, runs);
    for (const size of sizes) {
      const name = `generated-${size}`;
      console.log(`measuring ${name}…`);
      await measureApp(browser, served.url, name, JSON.stringify(generateDataset(size)), runs);
    }
  } finally {
    await browser.close();
    await served.close();
  }
  const find = (dataset: string, figure: string) => runs.find((r) => r.dataset === dataset && r.figure === figure)?.value ?? null;
  const targets: Target[] = [];
  const add = (name: string, value: number | null, target: string, met: (v: number) => boolean) =>
    targets.push({ name, value, target, met: value !== null && Number.isFinite(value) && met(value) });
  add("10,000 actors: filter click to frame", find("generated-10000", "filter click to drawn frame (median)"), "< 50 ms", (v) => v < 50);
  add("10,000 actors: longest main-thread task during layout", find("generated-10000", "longest main-thread task during layout"), "<= 50 ms", (v) => v <= 50);
  add("10,000 actors: triangles and balance", find("generated-10000", "triangles and balance (node, median)"), "< 1000 ms", (v) => v < 1000);
  add("embed JavaScript, gzip", find("article", "embed JavaScript (gzip)"), "<= 90 KB", (v) => v <= 90);
  add("article: first frame after navigation", find("article", "first frame after navigation"), "<= 500 ms", (v) => v <= 500);
  add("article: layout settled after navigation", find("article", "layout settled after navigation"), "<= 500 ms", (v) => v <= 500);

  printTable(runs);
  console.log("\ntargets:");
  for (const t of targets) console.log(`  ${t.met ? "met    " : "MISSED "} ${t.name}: ${t.value ?? "—"} (target ${t.target})`);
  const result = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, quick },
    runs,
    targets,
  };
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./results/latest.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwritten bench/results/latest.json in ${Math.round((Date.now() - started) / 1000)} s`);
}

await main();
