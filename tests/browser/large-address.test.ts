/**
 * A large dataset named in the address: a worker fetches it and checks it while the page builds its
 * graph. What the reader sees is what a check on the page gave: the graph when it is valid, every
 * problem when it is not, the warnings and the trimmed text when the check changed something, and
 * the same when a worker cannot start.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, useBrowser } from "./harness";

let browser: Browser;
useBrowser((launched) => (browser = launched));

const ORIGIN = "https://large.entente.test";
const RELATIONS = 6000;

interface Raw {
  meta: unknown;
  actors: { id: string; kind: string; label: Record<string, string>; [field: string]: unknown }[];
  relationTypes: unknown[];
  relations: { id: string; source: string; target: string; type: string; evidence: unknown[] }[];
}

/** 60 actors and 6,000 relations, over a megabyte of text: checked in the worker. */
function large(): Raw {
  return {
    meta: { title: { en: "Many relations" }, source: { publisher: { en: "Example Wire" }, url: "https://example.org/many", published: "2020-01-01", language: "en" } },
    actors: Array.from({ length: 60 }, (_, i) => ({ id: `a${i}`, kind: "state", label: { en: `Actor ${i}` } })),
    relationTypes: [
      { id: "cooperation", label: { en: "Cooperation" }, sign: 1, directed: false, color: "#009E73" },
      { id: "tension", label: { en: "Tension" }, sign: -1, directed: false, color: "#D55E00" },
    ],
    relations: Array.from({ length: RELATIONS }, (_, i) => ({
      id: `r${i}`,
      source: `a${i % 60}`,
      target: `a${((i % 60) + 1 + (i % 59)) % 60}`,
      type: i % 3 === 0 ? "tension" : "cooperation",
      evidence: [{ quote: `On day ${i} the two governments said, in a statement read out by their spokespeople, where they stood.`, reportedBy: "Example Wire" }],
    })),
  };
}

interface Opened {
  page: Page;
  workers: string[];
  requests: string[];
}

interface OpenOptions {
  /** The worker that fetches the dataset does not start: the page fetches it. */
  blockFetcher?: boolean;
  /** The worker that checks the text the page fetched does not start. */
  blockChecker?: boolean;
  /** That worker starts and never answers. */
  silentChecker?: boolean;
  lang?: string;
  /** More of the address: "&selected=…". */
  query?: string;
  /**
   * The worker's verdict on the whole dataset reaches the page only once the test calls
   * `window.releaseVerdict()`; the page is then given back once its first frame is drawn.
   */
  holdVerdict?: boolean;
}

/** Holds back a worker's verdict on the whole dataset (see OpenOptions' holdVerdict), whatever worker gives it. */
const HOLD_VERDICT = `(() => {
  const held = [];
  window.releaseVerdict = () => held.splice(0).forEach((deliver) => deliver());
  const Native = window.Worker;
  window.Worker = class extends Native {
    set onmessage(listener) {
      super.onmessage = (event) => {
        const whole = event.data && (event.data.kind === "verdict" || event.data.kind === "whole");
        if (whole) held.push(() => listener.call(this, event));
        else listener.call(this, event);
      };
    }
  };
})()`;

async function openWith(data: Raw, options: OpenOptions = {}): Promise<Opened> {
  const body = JSON.stringify(data);
  expect(body.length).toBeGreaterThan(1_000_000);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const workers: string[] = [];
  const requests: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  page.on("request", (request) => requests.push(request.url()));
  await page.route(`${ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }),
  );
  if (options.blockFetcher) await page.route(/fetch\.worker-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  if (options.blockChecker) await page.route(/check\.worker-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  // A worker that starts and never answers.
  if (options.silentChecker) {
    await page.route(/check\.worker-[^/]*\.js$/, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "self.onmessage = () => {};" }));
  }
  if (options.holdVerdict) await page.addInitScript(HOLD_VERDICT);
  await page.goto(`${baseUrl()}?lang=${options.lang ?? "en"}&data=${encodeURIComponent(`${ORIGIN}/many.json`)}${options.query ?? ""}`);
  if (options.holdVerdict) await page.waitForFunction(() => performance.getEntriesByName("entente:first-frame").length > 0, undefined, { timeout: 60_000 });
  else await page.waitForSelector("body[data-state=settled], body[data-state=error]", { timeout: 60_000 });
  return { page, workers, requests };
}

/** Whether the page loaded the validator itself (the worker has its own copy). */
const checkedOnPage = (requests: string[]) => requests.some((url) => /\/assets\/validate-[^/]*\.js$/.test(url));

/** How many times a large graph was built: once when the one built while checking is kept. */
const builds = (page: Page) => page.evaluate(() => performance.getEntriesByName("entente:graph-built").length);

const started = (workers: string[], name: "fetch" | "check") => workers.some((url) => new RegExp(`${name}\\.worker-[^/]*\\.js$`).test(url));

/** How many times the dataset was asked for, by the page or a worker. */
const datasetRequests = (requests: string[]) => requests.filter((url) => url.startsWith(ORIGIN)).length;

describe("a large dataset from an address, checked while its graph is built", () => {
  it("draws a valid one, every relation of it", async () => {
    const { page, workers, requests } = await openWith(large());
    // A worker fetched the text, once, and checked it: no second worker was needed.
    expect(started(workers, "fetch")).toBe(true);
    expect(started(workers, "check")).toBe(false);
    expect(datasetRequests(requests)).toBe(1);
    // The worker's verdict sufficed: the page kept its own parse and built its graph meanwhile.
    expect(checkedOnPage(requests)).toBe(false);
    expect(await builds(page)).toBe(1);
    // Its first frame, which draws none of the relations, went on screen before they joined the graph.
    const [firstFrame, graphBuilt] = await page.evaluate(() =>
      ["entente:first-frame", "entente:graph-built"].map((mark) => performance.getEntriesByName(mark)[0]!.startTime),
    );
    expect(firstFrame).toBeLessThan(graphBuilt!);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe("settled");
    expect(await page.evaluate(() => window.entente!.shown().relations.length)).toBe(RELATIONS);
    expect(await page.evaluate(() => window.entente!.edgeCount())).toBe(RELATIONS);
    // The graph was given its look while the worker checked, and kept it: each type in its colour,
    // one line for each pair of actors (the pairs were made then too).
    expect(await page.evaluate(() => window.entente!.drawnColors())).toEqual({ cooperation: ["#009E73"], tension: ["#D55E00"] });
    const pairs = new Set(large().relations.map((r) => [r.source, r.target].sort().join(" "))).size;
    expect(await page.evaluate(() => window.entente!.drawnEdges())).toBe(pairs);
    expect((await page.locator("#summary").innerText()).replace(/\s+/g, " ")).toContain("60 actors · 6,000 relations");
    expect(await page.locator("#notices").isHidden()).toBe(true);
    // Dragging the view moves the picture drawn, its relations with it, rather than draw each step:
    // a large graph is drawn again once the view rests.
    expect(await page.evaluate(() => window.entente!.picturesMove())).toBe(true);
    const box = (await page.locator("#graph").boundingBox())!;
    const frames = await page.evaluate(() => window.entente!.lastFrame().count);
    await page.mouse.move(box.x + box.width - 12, box.y + 12);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width - 12 - 5 * i, box.y + 12 + 3 * i);
    expect((await page.evaluate(() => window.entente!.lastFrame().count)) - frames).toBeLessThanOrEqual(2);
    await page.mouse.up();
    await expect.poll(() => page.evaluate(() => window.entente!.lastFrame().count), { timeout: 10_000 }).toBeGreaterThan(frames);
    await page.close();
  });

  it("opened on a selected relation, brings it into focus once the relations have joined the graph", async () => {
    const { page } = await openWith(large(), { query: "&selected=r7" });
    expect(await page.evaluate(() => document.body.dataset.state)).toBe("settled");
    expect(await builds(page)).toBe(1);
    // r7 is a cooperation: its line in the type's colour, every other relation dimmed, the tensions all of them.
    const colors = await page.evaluate(() => window.entente!.drawnColors());
    expect(colors.cooperation).toContain("#009E73");
    expect(colors.cooperation).toHaveLength(2);
    expect(colors.tension).not.toContain("#D55E00");
    expect(await page.locator("#details").innerText()).toContain("On day 7 the two governments said");
    await page.close();
  });

  it("opened on a filtered view, draws only what the filters leave from the first frame on", async () => {
    const { page } = await openWith(large(), { query: "&types=tension" });
    expect(await page.evaluate(() => document.body.dataset.state)).toBe("settled");
    expect(await builds(page)).toBe(1);
    expect(await page.evaluate(() => window.entente!.shown().relations.length)).toBe(RELATIONS / 3);
    const colors = await page.evaluate(() => window.entente!.drawnColors());
    expect(colors.tension).toEqual(["#D55E00"]);
    expect(colors.cooperation ?? []).toEqual([]);
    await page.close();
  });

  it("keeps the graph built while checking when the page speaks another language than the dataset", async () => {
    const { page } = await openWith(large(), { lang: "fa" });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fa");
    expect(await builds(page)).toBe(1);
    expect(await page.evaluate(() => window.entente!.shown().relations.length)).toBe(RELATIONS);
    await page.close();
  });

  it("lists every problem of an invalid one, with its place, and draws nothing", async () => {
    const data = large();
    data.relations[4321]!.target = "nobody";
    data.relations[5000]!.type = "war";
    const { page } = await openWith(data);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe("error");
    const problems = await page.locator("#problems").innerText();
    expect(problems).toContain("relations[4321].target");
    expect(problems).toContain('"nobody"');
    expect(problems).toContain("relations[5000].type");
    expect(await page.locator("canvas").count()).toBe(0);
    await page.close();
  });

  it("shows a valid one the check changed as the check left it: labels trimmed, an unknown field warned of", async () => {
    const data = large();
    data.actors[0]!.label.en = "   Actor 0   ";
    data.actors[1]!.colour = "red";
    const { page, requests } = await openWith(data);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe("settled");
    expect(checkedOnPage(requests)).toBe(true);
    expect(await page.locator("#notices").innerText()).toContain('unknown field "colour" is ignored');
    await page.locator("#search").fill("Actor 0");
    const option = page.locator("#search-box [role=option]").first();
    await expect.poll(() => option.textContent()).toBe("Actor 0");
    await page.close();
  });

  it("draws its actors on the check of all but its relations, and adds the relations once they are checked", async () => {
    const { page } = await openWith(large(), { holdVerdict: true });
    // The first frame is on screen, the relations not yet checked: none is in the graph, and nothing more is shown.
    expect(await page.locator("#graph canvas").count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => performance.getEntriesByName("entente:graph-built").length)).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe("loading");
    expect(await page.locator("#legend").innerText()).toBe("");
    await page.evaluate(() => (window as unknown as { releaseVerdict(): void }).releaseVerdict());
    await page.waitForSelector("body[data-state=settled]", { timeout: 60_000 });
    expect(await builds(page)).toBe(1);
    expect(await page.evaluate(() => window.entente!.edgeCount())).toBe(RELATIONS);
    expect(await page.locator("#legend").innerText()).toContain("Tension");
    await page.close();
  });

  it("lists the problems of one whose relations fail their check after its actors were drawn, and takes the graph away", async () => {
    const data = large();
    data.relations[4321]!.target = "nobody";
    data.relations[17]!.type = "war";
    const { page } = await openWith(data, { holdVerdict: true });
    expect(await page.locator("#graph canvas").count()).toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as { releaseVerdict(): void }).releaseVerdict());
    await page.waitForSelector("body[data-state=error]", { timeout: 60_000 });
    const problems = await page.locator("#problems").innerText();
    expect(problems).toContain("relations[4321].target");
    expect(problems).toContain("relations[17].type");
    expect(await page.locator("canvas").count()).toBe(0);
    // Nothing of the dataset stays on the page: not its title, not its summary.
    expect(await page.locator("#summary").innerText()).toBe("");
    expect(await page.title()).toBe("Entente");
    expect(await page.evaluate(() => window.entente)).toBeUndefined();
    await page.close();
  });

  it("does the same in the embed: problems listed and nothing of the dataset left, or the dataset as checked", async () => {
    const broken = large();
    broken.relations[4321]!.target = "nobody";
    const failed = await openWith(broken, { holdVerdict: true, query: "&embed=1" });
    expect(await failed.page.locator("#graph canvas").count()).toBeGreaterThan(0);
    expect(await failed.page.locator(".embed-title").innerText()).toBe("Many relations");
    await failed.page.evaluate(() => (window as unknown as { releaseVerdict(): void }).releaseVerdict());
    await failed.page.waitForSelector("body[data-state=error]", { timeout: 60_000 });
    expect(await failed.page.locator("#problems").innerText()).toContain("relations[4321].target");
    expect(await failed.page.locator("canvas").count()).toBe(0);
    expect(await failed.page.locator(".embed-title").innerText()).toBe("");
    await failed.page.close();

    const changed = large();
    (changed.relations[9] as Record<string, unknown>).note = "not in the format";
    const { page } = await openWith(changed, { query: "&embed=1" });
    expect(await page.evaluate(() => document.body.dataset.state)).toBe("settled");
    expect(await page.evaluate(() => window.entente!.edgeCount())).toBe(RELATIONS);
    expect(await page.locator("#graph canvas.sigma-nodes").count()).toBe(1);
    await page.close();
  });

  it("shows one whose relations the check changed, after its actors were drawn, as the check left them", async () => {
    const data = large();
    data.relations[7]!.id = "  r7  ";
    (data.relations[9] as Record<string, unknown>).note = "not in the format";
    const { page, requests } = await openWith(data, { query: "&selected=r7" });
    expect(await page.evaluate(() => document.body.dataset.state)).toBe("settled");
    // The page checked the text itself, for the dataset as the check leaves it.
    expect(checkedOnPage(requests)).toBe(true);
    expect(await page.locator("#notices").innerText()).toContain('unknown field "note" is ignored');
    expect(await page.evaluate(() => window.entente!.edgeCount())).toBe(RELATIONS);
    // The relation's id trimmed: the address's selection found it.
    expect(await page.locator("#details").innerText()).toContain("On day 7 the two governments said");
    await page.close();
  });

  it("fetches it on the page and checks it in a worker of its own when the fetching worker cannot start", async () => {
    const { page, workers, requests } = await openWith(large(), { blockFetcher: true });
    expect(datasetRequests(requests)).toBe(1);
    expect(started(workers, "check")).toBe(true);
    expect(checkedOnPage(requests)).toBe(false);
    expect(await builds(page)).toBe(1);
    expect(await page.evaluate(() => window.entente!.shown().relations.length)).toBe(RELATIONS);
    await page.close();

    // That worker's verdicts come in two parts too.
    const held = await openWith(large(), { blockFetcher: true, holdVerdict: true });
    expect(await held.page.evaluate(() => document.body.dataset.state)).toBe("loading");
    await held.page.evaluate(() => (window as unknown as { releaseVerdict(): void }).releaseVerdict());
    await held.page.waitForSelector("body[data-state=settled]", { timeout: 60_000 });
    expect(await held.page.evaluate(() => window.entente!.edgeCount())).toBe(RELATIONS);
    await held.page.close();
  });

  it("checks it on the page when no worker can start, or the checking one never answers", async () => {
    const { page, workers, requests } = await openWith(large(), { blockFetcher: true, blockChecker: true });
    expect(started(workers, "check")).toBe(true);
    expect(checkedOnPage(requests)).toBe(true);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe("settled");
    expect(await page.evaluate(() => window.entente!.shown().relations.length)).toBe(RELATIONS);
    await page.close();

    const silent = await openWith(large(), { blockFetcher: true, silentChecker: true });
    expect(checkedOnPage(silent.requests)).toBe(true);
    expect(await silent.page.evaluate(() => document.body.dataset.state)).toBe("settled");
    await silent.page.close();

    const broken = large();
    broken.relations[10]!.source = "ghost";
    const invalid = await openWith(broken, { blockFetcher: true, blockChecker: true });
    expect(await invalid.page.locator("#problems").innerText()).toContain("relations[10].source");
    await invalid.page.close();
  });
});
