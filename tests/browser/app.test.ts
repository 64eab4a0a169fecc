/**
 * The full app in headless Chromium, used as a person uses it: open it, look
 * at the graph, hover, click, drag, switch language, load a broken file.
 */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, colorDistance, hex, lookAtGraph, nodePoint, open, settled, useBrowser } from "./harness";

interface RawDataset {
  actors: { id: string; label: Record<string, string> }[];
  relations: { id: string; source: string; target: string; type: string; evidence: { quote: string; reportedBy: string }[] }[];
}

const dataset = JSON.parse(
  readFileSync(new URL("../../data/russia-france-coalition.json", import.meta.url), "utf8"),
) as RawDataset;
const invalid = readFileSync(new URL("../fixtures/invalid-dataset.json", import.meta.url), "utf8");
const timeline = readFileSync(new URL("../fixtures/timeline-dataset.json", import.meta.url), "utf8");
const FIXTURE_ORIGIN = "https://fixtures.entente.test";

const PERSIAN = /[\u0600-\u06FF]/;

let browser: Browser;
useBrowser((launched) => (browser = launched));

describe("the full app", () => {
  it("loads with no console error and draws the graph", async () => {
    const { page, errors } = await open(browser);
    await settled(page);
    const russia = await page.evaluate(() => window.entente?.nodePosition("russia") ?? null);
    expect(russia).not.toBeNull();
    const look = await lookAtGraph(page, [russia!]);
    expect(look.inked, "nodes and edges should be drawn").toBeGreaterThan(2000);
    // Russia's node is drawn in the colour of a state.
    expect(colorDistance(look.colors[0]!, hex("#4477AA"))).toBeLessThan(40);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the title, source and counts in the summary", async () => {
    const { page } = await open(browser);
    await settled(page);
    const summary = (await page.locator("#summary").innerText()).replace(/\s+/g, " ");
    expect(summary).toContain(`Russia declares readiness for a coalition with France`);
    expect(summary).toContain("DW Persian");
    expect(summary).toContain(`${dataset.actors.length} actors · ${dataset.relations.length} relations`);
    expect(await page.locator("#legend").innerText()).toContain("Cooperation");
    await page.close();
  });

  it("opens Russia's panel with its relations and a Persian quote when its node is clicked", async () => {
    const { page } = await open(browser);
    await settled(page);
    const point = await nodePoint(page, "russia");
    await page.mouse.click(point.x, point.y);
    const details = page.locator("#details");
    await expect.poll(() => details.isVisible()).toBe(true);
    await expect.poll(() => details.locator("h2").innerText()).toBe("Russia");
    const quotes = await details.locator("blockquote[lang=fa]").allInnerTexts();
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes[0]).toMatch(PERSIAN);
    const russiasQuotes = dataset.relations
      .filter((r) => r.source === "russia" || r.target === "russia")
      .map((r) => r.evidence[0]!.quote);
    expect(russiasQuotes).toContain(quotes[0]!.trim());
    // Every relation of Russia is listed, grouped by type.
    const listed = await details.locator(".relation-link").count();
    expect(listed).toBe(russiasQuotes.length);
    expect(await details.locator(".relation-group[data-type=cooperation]").count()).toBe(1);
    await page.close();
  });

  it("shows a relation's evidence: quote, translation, agency, date and link", async () => {
    const { page } = await open(browser);
    await settled(page);
    // France → NATO is the pair's only relation, so it is drawn straight between the two nodes.
    const a = await nodePoint(page, "france");
    const b = await nodePoint(page, "nato");
    const relation = dataset.relations.find((r) => r.source === "france" && r.target === "nato")!;
    const details = page.locator("#details article.relation");
    // Click along the line, as a person would, where no other line crosses it.
    for (const f of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75]) {
      await page.mouse.click(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f);
      await page.waitForTimeout(100);
      if ((await details.count()) === 1 && (await details.getAttribute("data-relation")) === relation.id) break;
    }
    expect(await details.getAttribute("data-relation")).toBe(relation.id);
    expect((await details.locator("blockquote").innerText()).trim()).toBe(relation.evidence[0]!.quote);
    expect(await details.locator("blockquote").getAttribute("dir")).toBe("auto");
    expect(await details.locator(".translation").innerText()).toMatch(/NATO/);
    expect(await details.locator(".reported-by").innerText()).toContain(relation.evidence[0]!.reportedBy);
    expect(await details.locator(".date").innerText()).toContain("26 November 2015");
    expect(await details.locator("a.source-link").getAttribute("href")).toBe("https://p.dw.com/p/1HDEF");
    // Escape closes the panel.
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("#details").isHidden()).toBe(true);
    await page.close();
  });

  it("highlights a hovered node's neighbours and dims the rest", async () => {
    const { page } = await open(browser);
    await settled(page);
    const at = (id: string) => page.evaluate((node) => window.entente!.nodePosition(node)!, id);
    const [obama, russia] = [await at("obama"), await at("russia")];
    const before = await lookAtGraph(page, [obama]);
    // Obama is a person: his node is drawn yellow.
    expect(colorDistance(before.colors[0]!, hex("#CCBB44"))).toBeLessThan(40);
    const putin = await nodePoint(page, "putin");
    await page.mouse.move(putin.x, putin.y);
    // Obama is not Putin's neighbour: his node turns pale grey. Russia, a neighbour, keeps its colour.
    await expect
      .poll(async () => colorDistance((await lookAtGraph(page, [obama])).colors[0]!, hex("#e4e4e4")), { timeout: 10_000 })
      .toBeLessThan(30);
    const after = await lookAtGraph(page, [russia]);
    expect(colorDistance(after.colors[0]!, hex("#4477AA"))).toBeLessThan(40);
    // Moving away restores the colours.
    await page.mouse.move(5, 5);
    await expect
      .poll(async () => colorDistance((await lookAtGraph(page, [obama])).colors[0]!, hex("#CCBB44")), { timeout: 10_000 })
      .toBeLessThan(40);
    await page.close();
  });

  it("draws no picking pass before a pointer comes over the graph, and finds the node under the first move", async () => {
    const { page, errors } = await open(browser);
    await settled(page);
    expect(await page.evaluate(() => window.entente!.picking())).toBe(false);
    // A keyboard reader does not need it either.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => window.entente!.picking())).toBe(false);
    // One move, straight onto a node: the pointer events that come first start the picking pass.
    const putin = await nodePoint(page, "putin");
    await page.mouse.move(putin.x, putin.y);
    expect(await page.evaluate(() => window.entente!.picking())).toBe(true);
    await expect.poll(() => page.evaluate(() => document.querySelector<HTMLElement>("#graph")!.style.cursor)).toBe("pointer");
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => page.locator("#details h2").innerText()).toBe("Vladimir Putin");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a second actor clicked right after the first is the one selected (not taken for a double click)", async () => {
    const { page, errors } = await open(browser);
    await settled(page);
    // Two actors on the left, where the panel that opens on the right does not cover them.
    const russia = await nodePoint(page, "russia");
    const putin = await nodePoint(page, "putin");
    await page.mouse.click(russia.x, russia.y);
    await page.mouse.click(putin.x, putin.y);
    await expect.poll(() => page.evaluate(() => window.entente!.view().selected)).toEqual({ kind: "actor", id: "putin" });
    await expect.poll(() => page.locator("#details h2").innerText()).toBe("Vladimir Putin");
    // The camera did not zoom in as it does for a double click on empty space.
    const after = await nodePoint(page, "russia");
    expect(Math.hypot(after.x - russia.x, after.y - russia.y)).toBeLessThan(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps a dragged node where it is dropped", async () => {
    const { page } = await open(browser);
    await settled(page);
    const start = await nodePoint(page, "syria");
    const box = (await page.locator("#graph").boundingBox())!;
    const drop = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.25 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(start.x + ((drop.x - start.x) * i) / 10, start.y + ((drop.y - start.y) * i) / 10);
    }
    await page.mouse.up();
    await page.waitForTimeout(1500);
    const after = await nodePoint(page, "syria");
    expect(Math.hypot(after.x - drop.x, after.y - drop.y)).toBeLessThan(6);
    // The drop is not taken for a click: no panel opens.
    expect(await page.locator("#details").isHidden()).toBe(true);
    await page.close();
  });

  it("moves the drawn picture while the view moves once drawing its moves has been slow, but not for an actor's drag", async () => {
    const STATE_COLOR = "#4477AA";
    const { page, errors } = await open(browser);
    await settled(page);
    expect(await page.evaluate(() => window.entente!.picturesMove())).toBe(false);
    // A slow machine, made here: every frame takes 100 ms of the page's time, until told to stop.
    await page.evaluate(() => {
      const w = window as unknown as { slow: boolean };
      w.slow = true;
      const burn = () => {
        if (!w.slow) return;
        const end = performance.now() + 100;
        while (performance.now() < end);
        requestAnimationFrame(burn);
      };
      requestAnimationFrame(burn);
    });
    const drag = async (from: { x: number; y: number }, release = true) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let i = 1; i <= 12; i++) await page.mouse.move(from.x - 5 * i, from.y + 3 * i);
      if (release) await page.mouse.up();
    };
    // Dragging an actor is slow too, but its relations are what one watches then: they are drawn as they move.
    await drag(await nodePoint(page, "syria"));
    expect(await page.evaluate(() => window.entente!.picturesMove())).toBe(false);
    // Moving the view, from an empty corner.
    const box = (await page.locator("#graph").boundingBox())!;
    const corner = { x: box.x + box.width - 12, y: box.y + 12 };
    await drag(corner);
    expect(await page.evaluate(() => window.entente!.picturesMove())).toBe(true);
    await page.evaluate(() => ((window as unknown as { slow: boolean }).slow = false));
    // How many of the graph's canvases are shifted from where they were drawn.
    const shifted = () => page.locator("#graph canvas").evaluateAll((canvases) => canvases.filter((c) => (c as HTMLElement).style.transform !== "").length);
    await expect.poll(shifted, { timeout: 5_000 }).toBe(0);
    await page.waitForTimeout(300);
    const before = await lookAtGraph(page);

    // The next drag moves the picture already drawn, relations and labels with it, rather than draw
    // a frame for each step of the pointer: at most a frame or two for twelve steps (a pause of the
    // machine may let the view rest between two), where sigma drew one a step.
    const framesBefore = await page.evaluate(() => window.entente!.lastFrame().count);
    const russiaBefore = await nodePoint(page, "russia");
    await drag(corner, false);
    const framesDuring = (await page.evaluate(() => window.entente!.lastFrame().count)) - framesBefore;
    expect(framesDuring).toBeLessThanOrEqual(2);
    // Russia has moved with the pointer, on screen and for the camera.
    const during = { x: russiaBefore.x - box.x - 60, y: russiaBefore.y - box.y + 36 };
    const camera = await page.evaluate(() => window.entente!.nodePosition("russia")!);
    expect(camera.x).toBeCloseTo(during.x, 0);
    expect(camera.y).toBeCloseTo(during.y, 0);
    const seenDuring = await lookAtGraph(page, [during]);
    expect(colorDistance(seenDuring.colors[0]!, hex(STATE_COLOR))).toBeLessThan(90);
    await page.mouse.up();

    // Once the view rests (held still, or let go), the graph is drawn anew where the camera is:
    // nothing shifted, as much ink as before the drag.
    await expect.poll(shifted, { timeout: 5_000 }).toBe(0);
    expect(await page.evaluate(() => window.entente!.lastFrame().count)).toBeGreaterThan(framesBefore);
    await page.waitForTimeout(300);
    const after = await lookAtGraph(page, [await page.evaluate(() => window.entente!.nodePosition("russia")!)]);
    expect(colorDistance(after.colors[0]!, hex(STATE_COLOR))).toBeLessThan(90);
    expect(after.inked).toBeGreaterThan(before.inked * 0.85);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("follows its own box when only the box changes size, not the window", async () => {
    const { page, errors } = await open(browser);
    await settled(page);
    await page.locator("#graph").evaluate((graph: HTMLElement) => (graph.style.height = "420px"));
    await expect.poll(() => page.locator("canvas.sigma-mouse").evaluate((c: HTMLCanvasElement) => c.getBoundingClientRect().height)).toBe(420);
    // What is drawn and what is clicked stay where the nodes are.
    const turkey = await nodePoint(page, "turkey");
    const box = (await page.locator("#graph").boundingBox())!;
    expect(turkey.y).toBeLessThan(box.y + 420);
    await page.mouse.click(turkey.x, turkey.y);
    await expect.poll(() => page.evaluate(() => window.entente!.view().selected)).toEqual({ kind: "actor", id: "turkey" });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("brings a chosen actor out from under the panel that tells about it, on the panel's side in either language", async () => {
    // Syria sits at the right edge in English, Islamic State at the left in Persian: where each panel opens.
    for (const [query, actor] of [["", "syria"], ["?lang=fa", "islamic-state"]] as const) {
      const { page } = await open(browser, query);
      await settled(page);
      const before = await nodePoint(page, actor);
      await page.mouse.click(before.x, before.y);
      const panel = page.locator("#details");
      await expect.poll(() => panel.isVisible()).toBe(true);
      const box = (await panel.boundingBox())!;
      expect(before.x > box.x && before.x < box.x + box.width).toBe(true);
      await expect
        .poll(async () => {
          const p = await nodePoint(page, actor);
          return p.x < box.x - 10 || p.x > box.x + box.width + 10;
        })
        .toBe(true);
      expect(await panel.locator("[data-actor]").first().getAttribute("data-actor")).toBe(actor);
      await page.close();
    }
  });

  it("on a narrow screen, brings a chosen actor up from under the panel across the bottom", async () => {
    for (const query of ["", "?lang=fa"]) {
      const { page } = await open(browser, query, { width: 600, height: 900 });
      await settled(page);
      const graph = (await page.locator("#graph").boundingBox())!;
      // The lowest actor on screen: where the panel opens.
      const ids = await page.evaluate(() => window.entente!.shown().actors);
      const points = await Promise.all(ids.map(async (id) => ({ id, ...(await nodePoint(page, id)) })));
      const lowest = points.reduce((a, b) => (b.y > a.y ? b : a));
      await page.mouse.click(lowest.x, lowest.y);
      const panel = page.locator("#details");
      await expect.poll(() => panel.isVisible()).toBe(true);
      const box = (await panel.boundingBox())!;
      expect(box.width).toBeGreaterThan(graph.width * 0.8);
      expect(lowest.y).toBeGreaterThan(box.y);
      await expect.poll(async () => (await nodePoint(page, lowest.id)).y < box.y - 10, { timeout: 5000 }).toBe(true);
      // Only upwards: a pan, no zoom and no sideways move.
      const after = await nodePoint(page, lowest.id);
      expect(Math.abs(after.x - lowest.x)).toBeLessThan(2);
      expect(await panel.locator("[data-actor]").first().getAttribute("data-actor")).toBe(lowest.id);
      await page.close();
    }
  });

  it("brings an actor chosen in the address out from under the panel once a large graph's layout has settled", async () => {
    // 60 actors and 6,000 relations (a large graph: its actors find their places only when the layout settles).
    const bundled = JSON.parse(readFileSync(new URL("../../data/russia-france-coalition.json", import.meta.url), "utf8")) as {
      actors: unknown[];
      relations: unknown[];
    };
    bundled.actors = Array.from({ length: 60 }, (_, i) => ({ id: `a${i}`, kind: "state", label: { en: `Actor ${i}` } }));
    bundled.relations = Array.from({ length: 6000 }, (_, i) => ({
      id: `r${i}`,
      source: `a${i % 60}`,
      // An offset of 1 to 59: never the source itself.
      target: `a${((i % 60) + 1 + (i % 59)) % 60}`,
      type: i % 3 === 0 ? "tension" : "cooperation",
      evidence: [{ quote: `Event ${i}.`, reportedBy: "Example Wire" }],
    }));
    const body = JSON.stringify(bundled);
    const address = `${baseUrl()}?lang=en&data=${encodeURIComponent(`${FIXTURE_ORIGIN}/large.json`)}`;
    const openLarge = async (query: string) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.route(`${FIXTURE_ORIGIN}/**`, (route) =>
        route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }),
      );
      await page.goto(`${address}${query}`);
      await page.waitForSelector("body[data-state=settled]", { timeout: 60_000 });
      return page;
    };
    // Where the settled layout puts each actor: the rightmost is where the panel opens.
    const first = await openLarge("");
    const ids = await first.evaluate(() => window.entente!.shown().actors);
    const points = await Promise.all(ids.map(async (id) => ({ id, x: (await nodePoint(first, id)).x })));
    const rightmost = points.reduce((a, b) => (b.x > a.x ? b : a)).id;
    await first.close();

    const page = await openLarge(`&selected=${rightmost}`);
    const panel = page.locator("#details");
    await expect.poll(() => panel.isVisible()).toBe(true);
    const box = (await panel.boundingBox())!;
    await expect.poll(async () => (await nodePoint(page, rightmost)).x < box.x - 10, { timeout: 5000 }).toBe(true);
    await page.close();
  });

  it("lays the graph out the same way every time", async () => {
    const first = await open(browser);
    await settled(first.page);
    const a = await first.page.evaluate(() => ["russia", "turkey", "nato"].map((id) => window.entente?.nodePosition(id)));
    await first.page.close();
    const second = await open(browser);
    await settled(second.page);
    const b = await second.page.evaluate(() => ["russia", "turkey", "nato"].map((id) => window.entente?.nodePosition(id)));
    await second.page.close();
    expect(b).toEqual(a);
  });

  it("speaks Persian with ?lang=fa: right to left, Persian labels and digits", async () => {
    const { page, errors } = await open(browser, "?lang=fa");
    await settled(page);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["fa", "rtl"]);
    const summary = await page.locator("#summary").innerText();
    expect(summary).toContain("اعلام آمادگی روسیه");
    expect(summary).toContain("۱۳ بازیگر");
    expect(summary).toContain("۲۶ رابطه");
    const point = await nodePoint(page, "russia");
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.locator("#details h2").innerText()).toBe("روسیه");
    expect(await page.locator("#lang-switch").innerText()).toBe("English");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("speaks the dataset's language without ?lang, else the browser's, and a chosen language stays in the link", async () => {
    // The bundled dataset is Persian: an English browser still opens it in Persian.
    const english = await browser.newPage({ locale: "en-US" });
    await english.goto(baseUrl());
    await settled(english);
    expect(await english.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["fa", "rtl"]);
    expect(await english.locator("#summary").innerText()).toContain("۱۳ بازیگر");
    // Switching language puts it in the address, so a shared link opens in it.
    await english.locator("#lang-switch").click();
    await settled(english);
    expect(new URL(english.url()).searchParams.get("lang")).toBe("en");
    expect(await english.evaluate(() => document.documentElement.lang)).toBe("en");
    await english.close();
    // A dataset in a language Entente does not speak: the browser's first language it does speak.
    const persian = await browser.newPage({ locale: "fa-IR" });
    const german = JSON.parse(timeline) as { meta: { source: { language: string } } };
    german.meta.source.language = "de";
    await persian.route(`${FIXTURE_ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(german), headers: { "access-control-allow-origin": "*" } }),
    );
    await persian.goto(`${baseUrl()}?data=${encodeURIComponent(`${FIXTURE_ORIGIN}/german.json`)}`);
    await settled(persian);
    expect(await persian.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await persian.close();
  });

  it("lists every problem of an invalid dataset instead of a blank page", async () => {
    const page = await browser.newPage();
    await page.route(`${FIXTURE_ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: invalid, headers: { "access-control-allow-origin": "*" } }),
    );
    await page.goto(`${baseUrl()}?data=${encodeURIComponent(`${FIXTURE_ORIGIN}/invalid.json`)}`);
    await page.waitForSelector("body[data-state=error]");
    const problems = page.locator("#problems");
    expect(await problems.isVisible()).toBe(true);
    const text = await problems.innerText();
    expect(text).toContain("meta.source.published");
    expect(text).toContain("actors[2].kind");
    expect(text).toContain("relations[0].evidence");
    expect(text).toContain("needs at least one piece of evidence");
    expect(await problems.locator("li.error").count()).toBe(3);
    await page.close();
  });

  it("says so when a dataset address cannot be reached", async () => {
    const page = await browser.newPage();
    await page.route(`${FIXTURE_ORIGIN}/**`, (route) => route.fulfill({ status: 404, body: "not here" }));
    await page.goto(`${baseUrl()}?data=${encodeURIComponent(`${FIXTURE_ORIGIN}/missing.json`)}`);
    await page.waitForSelector("body[data-state=error]");
    expect(await page.locator("#problems").innerText()).toContain("404");
    await page.close();
  });

  it("ignores an unknown URL value with a visible notice, and still shows the graph", async () => {
    const { page, errors } = await open(browser, "?lang=xx&data=javascript:alert(1)");
    await settled(page);
    const notices = page.locator("#notices");
    expect(await notices.isVisible()).toBe(true);
    const text = await notices.innerText();
    // The page speaks Persian (see below), and so do its notices.
    expect(text).toContain("زبان ناشناختهٔ «xx»");
    expect(text).toContain("نشانی http یا https نیست");
    // An unknown language is no choice: the dataset's own language (Persian) is used.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fa");
    await notices.getByRole("button", { name: "بستن" }).click();
    expect(await notices.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("loads a dataset that has warnings and lists them in a notice", async () => {
    const body = readFileSync(new URL("../fixtures/warning-dataset.json", import.meta.url), "utf8");
    const page = await browser.newPage();
    await page.route(`${FIXTURE_ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }),
    );
    await page.goto(`${baseUrl()}?data=${encodeURIComponent(`${FIXTURE_ORIGIN}/warnings.json`)}`);
    await settled(page);
    expect((await page.locator("#summary").innerText()).replace(/\s+/g, " ")).toContain("3 actors · 1 relation");
    const notice = await page.locator("#notices").innerText();
    expect(notice).toContain("The dataset was loaded, with warnings:");
    expect(notice).toContain('actor "c" has no relation');
    expect(notice).toContain('unknown field "colour" is ignored');
    await page.close();
  });

  it("announces the code both entry points share in the page itself, and a small dataset from an address starts no worker", async () => {
    const html = await (await fetch(baseUrl())).text();
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(preloaded.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.route(`${FIXTURE_ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: timeline, headers: { "access-control-allow-origin": "*" } }),
    );
    const requests: string[] = [];
    const workers: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.goto(`${baseUrl()}?lang=en&embed=1&data=${encodeURIComponent(`${FIXTURE_ORIGIN}/timeline.json`)}`);
    await settled(page);
    // The embed loads the shared chunk too: it was worth announcing.
    for (const file of preloaded) expect(requests.some((url) => url.endsWith(file!))).toBe(true);
    expect(workers.filter((url) => /check\.worker/.test(url))).toEqual([]);
    await page.close();
  });

  it("asks for a dataset named in the address once, by a worker the page starts before it asks for the app's own code", async () => {
    const page = await browser.newPage();
    await page.route(`${FIXTURE_ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: timeline, headers: { "access-control-allow-origin": "*" } }),
    );
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    // Written by hand, relative to nothing, with an escaped space: the early request resolves it as the app does.
    await page.goto(`${baseUrl()}?lang=en&data=${encodeURIComponent(`${FIXTURE_ORIGIN}/a%20timeline.json`)}`);
    await settled(page);
    const asked = requests.filter((url) => url.startsWith(FIXTURE_ORIGIN));
    expect(asked).toEqual([`${FIXTURE_ORIGIN}/a%20timeline.json`]);
    const full = requests.findIndex((url) => /\/assets\/full-[^/]*\.js$/.test(url));
    expect(full).toBeGreaterThan(-1);
    // The text comes in on the worker's thread while the page's own loads and runs the app's code.
    const fetcher = requests.findIndex((url) => /\/assets\/fetch\.worker-[^/]*\.js$/.test(url));
    expect(fetcher).toBeGreaterThan(-1);
    expect(fetcher).toBeLessThan(full);
    expect(await page.locator("#problems").isHidden()).toBe(true);
    await page.close();
  });
});
