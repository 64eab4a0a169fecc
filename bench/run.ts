/**
 * `npm run bench`: measures Entente (full app and embed) side by side with
 * cytoscape.js and a classic d3-force + SVG page, in headless Chromium, on the
 * bundled article, generated datasets and (when present) a real power grid;
 * prints one table with each peer's ratio to Entente, and writes
 * bench/results/latest.json. Figures, never assertions: machines are noisy.
 *
 *   npm run bench              every tool on every dataset
 *   npm run bench -- --quick   fewer datasets and repetitions, every target still measured
 *   npm run bench -- --import  only the 100,000-row GDELT import
 */
import { chromium, type Browser } from "playwright-core";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { cpus, totalmem } from "node:os";
import { CHROMIUM_ARGS, ensureChromium } from "../scripts/chromium";
import { buildAndServe } from "../scripts/serve";
import { generateDataset } from "./generate";
import { analyseBalance } from "../src/core/analysis";
import { lookup } from "../src/core/dataset/lookup";
import { gdeltRows } from "./gdelt-rows";
import { benchDatasets } from "./datasets";
import { buildAndServePeers } from "./peers/serve";
import { measureTool, OBSERVE_LONG_TASKS, reload, withLoads, type Figure, type LoadTimes, type Repetitions, type ToolPage } from "./scenario";
import { printTable } from "./table";
import { TOOLS, toolPage, type Shared, type ToolName } from "./tools";

export interface Run {
  tool: string;
  dataset: string;
  figure: string;
  value: number | null;
  unit: string;
  note?: string;
}
interface Target {
  name: string;
  value: number | null;
  target: string;
  met: boolean;
}

const quick = process.argv.includes("--quick");
const ORIGIN = "https://bench.entente.test";
const sizesArg = process.argv.find((a) => a.startsWith("--sizes="));
/** `--sizes=100,1000` measures only those generated sizes (for working on the benchmark itself). */
const sizes = sizesArg ? sizesArg.slice(8).split(",").map(Number) : quick ? [10000] : [100, 1000, 10000];
const reps: Repetitions = quick
  ? { panSteps: 3, wheelSteps: 2, clicks: 3, hovers: 2, layoutTimeoutMs: 6_000 }
  : { panSteps: 10, wheelSteps: 4, clicks: 5, hovers: 4, layoutTimeoutMs: 15_000 };

/**
 * Navigations per tool whose load figures are medianed: the article's targets are absolute times on
 * a shared machine, and the 10,000-actor first frame's is a ratio of two of them (three loads each in a
 * full run; a load there takes seconds, which --quick cannot afford).
 */
const loadsOf = (dataset: string) => (dataset === "article" ? (quick ? 3 : 7) : dataset === "generated-10000" && !quick ? 3 : 1);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};


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
  const measure = (since: number) => {
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    return {
      took: performance.now() - since,
      longest: tasks.filter((t) => t.start >= since).reduce((m, t) => Math.max(m, t.duration), 0),
    };
  };
  await page.waitForFunction(() => (window.entente?.nodeCount() ?? 0) !== 13, undefined, { timeout: 300_000, polling: 100 });
  const shown = await page.evaluate(measure, start);
  // Then the layout settles and the relations are drawn: the first frame with them ends the import.
  await page.waitForFunction(() => (window.entente?.drawnEdges() ?? 0) > 0, undefined, { timeout: 300_000, polling: 100 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  const drawn = await page.evaluate(measure, start);
  const name = `gdelt-${rows}`;
  runs.push({ tool: "entente", dataset: name, figure: "file chosen to graph shown", value: Math.round(shown.took), unit: "ms" });
  runs.push({ tool: "entente", dataset: name, figure: "longest main-thread task while importing", value: Math.round(shown.longest), unit: "ms" });
  runs.push({ tool: "entente", dataset: name, figure: "file chosen to relations drawn", value: Math.round(drawn.took), unit: "ms" });
  runs.push({ tool: "entente", dataset: name, figure: "longest main-thread task until relations drawn", value: Math.round(drawn.longest), unit: "ms" });
  runs.push({ tool: "entente", dataset: name, figure: "file size", value: Math.round(text.length / 1024 / 102.4) / 10, unit: "MB" });
  await page.close();
}

/** Whether any of the app's built JavaScript mentions cytoscape: the peers must stay out of it. */
function appBundleHasPeer(): boolean {
  const assets = new URL("../dist/assets/", import.meta.url);
  return readdirSync(assets)
    .filter((f) => f.endsWith(".js"))
    .some((f) => /cytoscape|d3-zoom|d3-drag/.test(readFileSync(new URL(f, assets), "utf8")));
}

/** `--import`: only the 100,000-row GDELT import, printed (for work on the import path). */
async function importOnly(): Promise<void> {
  const served = await buildAndServe();
  const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
  const runs: Run[] = [];
  try {
    await measureImport(browser, served.url, 100_000, runs);
  } finally {
    await browser.close();
    await served.close();
  }
  printTable(runs);
}

async function main(): Promise<void> {
  const started = Date.now();
  const served = await buildAndServe();
  const peers = await buildAndServePeers();
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, "--enable-precise-memory-info"],
  });
  const runs: Run[] = [];
  const { datasets, notes } = benchDatasets(sizes, !quick);
  try {
    runs.push({ tool: "entente-embed", dataset: "article", figure: "JavaScript (gzip)", value: Math.round((await scriptBytes(browser, `${served.url}?embed=1`)) * 10) / 10, unit: "KB" });
    runs.push({ tool: "entente", dataset: "article", figure: "JavaScript (gzip)", value: Math.round((await scriptBytes(browser, served.url)) * 10) / 10, unit: "KB" });
    if (appBundleHasPeer()) notes.push("WARNING: the app's dist/ mentions a peer library");
    else notes.push("the app's dist/ holds no cytoscape, d3-zoom or d3-drag");
    for (const data of datasets) {
      const shared: Shared = { peerData: null, hoverId: data.dataset.actors[0]!.id };
      // The embed is measured on every dataset in a full run; --quick keeps it to the article (its size and load target).
      const tools = TOOLS.filter((t) => t !== "entente-embed" || !quick || data.name === "article");
      const pages = new Map<ToolName, ToolPage>();
      const figuresOf = new Map<ToolName, Figure[]>();
      for (const tool of tools) {
        const t0 = Date.now();
        const page = toolPage(tool, data, { app: served.url, peers: peers.url }, shared);
        pages.set(tool, page);
        figuresOf.set(tool, await measureTool(browser, page, reps));
        console.log(`  ${tool} on ${data.name}: ${Math.round((Date.now() - t0) / 1000)} s`);
      }
      // More navigations for the load figures, the tools taking turns (and turning the order round
      // each time): each tool's loads in a row, minutes apart from the next tool's, let the machine's
      // drift into the ratios. The peers' pages need Entente's positions, so this comes after.
      const t0 = Date.now();
      const more = new Map<ToolName, LoadTimes[]>(tools.map((tool) => [tool, []]));
      for (let round = 1; round < loadsOf(data.name); round++) {
        for (const tool of round % 2 ? [...tools].reverse() : tools) more.get(tool)!.push(await reload(browser, pages.get(tool)!));
      }
      if (loadsOf(data.name) > 1) console.log(`  ${loadsOf(data.name) - 1} more loads of each on ${data.name}: ${Math.round((Date.now() - t0) / 1000)} s`);
      for (const tool of tools) for (const f of withLoads(figuresOf.get(tool)!, more.get(tool)!)) runs.push({ tool, dataset: data.name, ...f });
    }
    // Structural balance runs in the page's own thread: time it here, on the same data.
    const big = lookup(generateDataset(10000));
    const balanceTimes: number[] = [];
    for (let i = 0; i < (quick ? 3 : 7); i++) {
      const t0 = performance.now();
      analyseBalance(big, { alliedByMembership: false });
      balanceTimes.push(performance.now() - t0);
    }
    runs.push({ tool: "entente", dataset: "generated-10000", figure: "triangles and balance (node, median)", value: Math.round(median(balanceTimes)), unit: "ms" });
    if (!quick) {
      console.log("measuring a 100,000-row GDELT import…");
      await measureImport(browser, served.url, 100_000, runs);
    }
  } finally {
    await browser.close();
    await served.close();
    await peers.close();
  }
  const find = (tool: string, dataset: string, figure: string) =>
    runs.find((r) => r.tool === tool && r.dataset === dataset && r.figure === figure)?.value ?? null;
  const ratio = (figure: string) => {
    const ours = find("entente", "generated-10000", figure);
    const theirs = find("cytoscape", "generated-10000", figure);
    return ours !== null && theirs !== null && ours > 0 ? Math.round((theirs / ours) * 10) / 10 : null;
  };
  const targets: Target[] = [];
  const add = (name: string, value: number | null, target: string, met: (v: number) => boolean) =>
    targets.push({ name, value, target, met: value !== null && Number.isFinite(value) && met(value) });
  const G = "generated-10000";
  add("10,000 actors: first frame, cytoscape.js time ÷ Entente time", ratio("first frame after navigation"), ">= 4", (v) => v >= 4);
  add("10,000 actors: filter click to frame, cytoscape.js time ÷ Entente time", ratio("filter click to drawn frame (median)"), ">= 10", (v) => v >= 10);
  add("10,000 actors: filter click to frame", find("entente", G, "filter click to drawn frame (median)"), "< 50 ms", (v) => v < 50);
  add("10,000 actors: longest main-thread task during layout", find("entente", G, "longest main-thread task during layout"), "<= 50 ms", (v) => v <= 50);
  add("10,000 actors: pan and zoom p95 frame time, cytoscape.js ÷ Entente", ratio("pan and zoom frame time (p95)"), ">= 1", (v) => v >= 1);
  add("article: first frame after navigation", find("entente", "article", "first frame after navigation"), "<= 500 ms", (v) => v <= 500);
  add("article: layout settled after navigation", find("entente", "article", "layout settled after navigation"), "<= 500 ms", (v) => v <= 500);
  add("embed JavaScript, gzip", find("entente-embed", "article", "JavaScript (gzip)"), "<= 90 KB", (v) => v <= 90);

  printTable(runs);
  console.log("\ntargets:");
  for (const t of targets) console.log(`  ${t.met ? "met    " : "MISSED "} ${t.name}: ${t.value ?? "—"} (target ${t.target})`);
  for (const note of notes) console.log(`note: ${note}`);
  const seconds = Math.round((Date.now() - started) / 1000);
  const result = {
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      gpu: "none: Chromium's SwiftShader (software WebGL)",
      node: process.version,
      quick,
      wallSeconds: seconds,
    },
    notes,
    runs,
    targets,
  };
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./results/latest.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwritten bench/results/latest.json; the whole run took ${Math.floor(seconds / 60)} min ${seconds % 60} s`);
}

await (process.argv.includes("--import") ? importOnly() : main());
