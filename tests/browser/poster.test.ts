/**
 * On a software WebGL (this machine's SwiftShader) the graph's first frame is a 2D picture of what
 * sigma drew, while SwiftShader draws sigma's: the same picture, which sigma's canvas then replaces.
 * The fence that tells when SwiftShader is done can be held: each test below that needs the poster
 * to stay makes the page's fences look unsignalled until it lets them go.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { colorDistance, hex, lookAtGraph, nodePoint, openOn, settled, useBrowser, type OpenPage, type Rgb } from "./harness";

let browser: Browser;
useBrowser((launched) => (browser = launched));

/** The page's fences stay unsignalled while `window.__holdFences` is set. */
const HOLD_FENCES = `(() => {
  window.__holdFences = true;
  const real = WebGL2RenderingContext.prototype.getSyncParameter;
  WebGL2RenderingContext.prototype.getSyncParameter = function (sync, pname) {
    return window.__holdFences && pname === this.SYNC_STATUS ? this.UNSIGNALED : real.call(this, sync, pname);
  };
})()`;

/** Counts the posters ever put on the page, in `window.__posters`. */
const COUNT_POSTERS = `(() => {
  window.__posters = 0;
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node.classList?.contains("sigma-poster")) window.__posters += 1;
  }).observe(document, { childList: true, subtree: true });
})()`;

/** WebGL's renderer named as a GPU's. */
const GPU_NAME = `(() => {
  const real = WebGL2RenderingContext.prototype.getParameter;
  WebGL2RenderingContext.prototype.getParameter = function (pname) {
    return pname === 0x9246 || pname === this.RENDERER ? "ANGLE (NVIDIA, NVIDIA GeForce GTX 1060 Direct3D11 vs_5_0 ps_5_0, D3D11)" : real.call(this, pname);
  };
})()`;

const mark = (page: Page, name: string) =>
  page.waitForFunction((wanted) => performance.getEntriesByName(wanted).length > 0, name, { timeout: 45_000 });

/**
 * Whether the poster is on the page, and whether sigma's WebGL canvas and its labels' layer are (the
 * poster holds the labels while it stands in).
 */
const layers = (page: Page) =>
  page.evaluate(() => {
    const shown = (selector: string) => (document.querySelector(`#graph canvas.${selector}`) as HTMLCanvasElement | null)?.style.display !== "none";
    return { posters: document.querySelectorAll("#graph canvas.sigma-poster").length, webgl: shown("sigma-nodes"), labels: shown("sigma-labels") };
  });

/**
 * Two screenshots of the graph compared in the page: the share of pixels where they differ clearly
 * (by more than a quarter of a channel's range), and the share of the first that is drawn on.
 */
async function compare(page: Page, first: Buffer, second: Buffer): Promise<{ differ: number; inked: number }> {
  return page.evaluate(
    async ([a, b]) => {
      const read = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext("2d")!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [x, y] = [await read(a), await read(b)];
      const background = [x[0]!, x[1]!, x[2]!];
      let differ = 0;
      let inked = 0;
      for (let i = 0; i < x.length; i += 4) {
        let most = 0;
        let off = 0;
        for (let c = 0; c < 3; c++) {
          most = Math.max(most, Math.abs(x[i + c]! - y[i + c]!));
          off += Math.abs(x[i + c]! - background[c]!);
        }
        if (most > 64) differ += 1;
        if (off > 60) inked += 1;
      }
      const pixels = x.length / 4;
      return { differ: differ / pixels, inked: inked / pixels };
    },
    [first.toString("base64"), second.toString("base64")] as const,
  );
}

/**
 * How wide a straight relation is drawn in a screenshot, in pixels, across it at `along` pixels
 * from its source: the samples every half pixel nearer its colour than halfway from the background.
 */
async function widthAcross(page: Page, png: Buffer, a: { x: number; y: number }, b: { x: number; y: number }, along: number, color: string): Promise<number> {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const [ux, uy] = [(b.x - a.x) / length, (b.y - a.y) / length];
  const points = Array.from({ length: 21 }, (_, j) => {
    const across = (j - 10) / 2;
    return { x: a.x + ux * along - uy * across, y: a.y + uy * along + ux * across };
  });
  const background: Rgb = [247, 247, 245];
  const { colors } = await lookAtGraph(page, points, background, { exact: true, png });
  return colors.filter((c) => colorDistance(c, hex(color)) < colorDistance(background, hex(color)) / 2).length / 2;
}

/** A page with `scripts` run before its own, opened on `query`. */
async function openWith(query: string, ...scripts: string[]): Promise<OpenPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  for (const script of scripts) await page.addInitScript(script);
  return openOn(page, query);
}

/** The graph with its fences held: its picture while the poster stands in, then once sigma's canvas is back. */
async function posterThenWebGL(page: Page): Promise<{ poster: Buffer; webgl: Buffer }> {
  await mark(page, "entente:first-frame");
  // Past anything that would bring sigma's canvas back early (a resize, a panel): the poster is still there.
  await page.waitForTimeout(500);
  expect(await layers(page)).toEqual({ posters: 1, webgl: false, labels: false });
  const poster = await page.locator("#graph").screenshot();
  await page.evaluate(() => ((window as unknown as { __holdFences: boolean }).__holdFences = false));
  await mark(page, "entente:webgl-frame");
  expect(await layers(page)).toEqual({ posters: 0, webgl: true, labels: true });
  const webgl = await page.locator("#graph").screenshot();
  return { poster, webgl };
}

const ORIGIN = "https://posters.entente.test";

/** 800 actors placed in their file and 6,000 relations, a third of them hostile: a large graph, its relations drawn in its first frame. */
function placedLarge(): unknown {
  const actors = Array.from({ length: 800 }, (_, i) => ({
    id: `a${i}`,
    kind: i % 7 === 0 ? "organization" : "state",
    label: { en: `Actor ${i}` },
    position: { x: (i % 40) * 25 + ((i * 7) % 11), y: Math.floor(i / 40) * 30 + ((i * 5) % 13) },
  }));
  return {
    meta: { title: { en: "Placed" }, source: { publisher: { en: "Example Wire" }, url: "https://example.org/placed", published: "2020-01-01", language: "en" } },
    actors,
    relationTypes: [
      { id: "cooperation", label: { en: "Cooperation" }, sign: 1, directed: false, color: "#009E73" },
      { id: "tension", label: { en: "Tension" }, sign: -1, directed: false, color: "#D55E00" },
    ],
    relations: Array.from({ length: 6000 }, (_, i) => {
      const source = i % 800;
      // Mostly near neighbours, as in a map: lines a few actors long.
      const target = (source + 1 + ((i * 13) % 43)) % 800;
      return { id: `r${i}`, source: `a${source}`, target: `a${target}`, type: i % 3 === 0 ? "tension" : "cooperation", evidence: [{ quote: `Report ${i}.`, reportedBy: "Example Wire" }] };
    }),
  };
}

/**
 * 150 actors placed in their file and 900 relations, of four kinds: with and without a head,
 * dashed and solid; every fifth pair has two, which sigma curves. A graph of middling size, drawn
 * with one program a shape.
 */
function placedMiddling(): unknown {
  const types = [
    { id: "cooperation", label: { en: "Cooperation" }, sign: 1, directed: false, color: "#009E73" },
    { id: "tension", label: { en: "Tension" }, sign: -1, directed: false, color: "#D55E00" },
    { id: "support", label: { en: "Support" }, sign: 1, directed: true, color: "#0072B2" },
    { id: "threat", label: { en: "Threat" }, sign: -1, directed: true, color: "#A50026" },
  ];
  const relations: { id: string; source: string; target: string; type: string; evidence: unknown[] }[] = [];
  for (let i = 0; relations.length < 900; i++) {
    const source = i % 150;
    const target = (source + 1 + ((i * 7) % 17)) % 150;
    const twice = i % 5 === 0 ? 2 : 1;
    for (let k = 0; k < twice; k++) {
      const n = relations.length;
      relations.push({ id: `r${n}`, source: `a${source}`, target: `a${target}`, type: types[(i + k) % 4]!.id, evidence: [{ quote: `Report ${n}.`, reportedBy: "Example Wire" }] });
    }
  }
  return {
    meta: { title: { en: "Middling" }, source: { publisher: { en: "Example Wire" }, url: "https://example.org/middling", published: "2020-01-01", language: "en" } },
    actors: Array.from({ length: 150 }, (_, i) => ({
      id: `a${i}`,
      kind: "state",
      label: { en: `Actor ${i}` },
      position: { x: (i % 15) * 60 + ((i * 13) % 23), y: Math.floor(i / 15) * 55 + ((i * 7) % 19) },
    })),
    relationTypes: types,
    relations,
  };
}

/** A dataset from an address, its fences held: the poster against sigma's frame (see compare). */
async function compareDataset(dataset: unknown): Promise<OpenPage & { differ: number; inked: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const body = JSON.stringify(dataset);
  await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }));
  await page.addInitScript(HOLD_FENCES);
  const { errors } = await openOn(page, `?data=${encodeURIComponent(`${ORIGIN}/dataset.json`)}`);
  const { poster, webgl } = await posterThenWebGL(page);
  return { page, errors, ...(await compare(page, poster, webgl)) };
}

describe("the first frame drawn in 2D while SwiftShader draws sigma's", () => {
  it("shows the article as sigma then draws it: relations, heads, dashes and discs, under sigma's own labels", async () => {
    for (const lang of ["en", "fa"]) {
      const { page, errors } = await openWith(`?lang=${lang}`, HOLD_FENCES);
      const { poster, webgl } = await posterThenWebGL(page);
      const { differ, inked } = await compare(page, poster, webgl);
      // The picture has something in it, and the two differ only where a line's edge is smoothed otherwise.
      expect(inked).toBeGreaterThan(0.02);
      expect(differ).toBeLessThan(0.0025);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("draws a one-way relation's head before its target, as sigma does", async () => {
    const { page, errors } = await openWith("?lang=en", HOLD_FENCES);
    // Straight one-way relations of the article, each the only one between its two actors.
    const relations: [string, string, string][] = [
      ["france", "syria", "#E69F00"],
      ["turkey", "nato", "#0072B2"],
      ["usa", "france", "#56B4E9"],
    ];
    await mark(page, "entente:first-frame");
    const ends = await page.evaluate(
      (list) => list.map(([from, to]) => ({ a: window.entente!.nodePosition(from)!, b: window.entente!.nodePosition(to)!, radius: window.entente!.nodeSize(to)! })),
      relations,
    );
    const { poster, webgl } = await posterThenWebGL(page);
    for (const [i, [, , color]] of relations.entries()) {
      const { a, b, radius } = ends[i]!;
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      // Relations are 3 pixels thick here; a head is twice that at its base, 2.5 thicknesses off the
      // rim, and narrows to the rim: its widest across, a little short of its base, against the body's.
      for (const picture of [poster, webgl]) {
        const body = await widthAcross(page, picture, a, b, length / 2, color);
        let head = 0;
        for (const off of [1.6, 1.8, 2, 2.2]) head = Math.max(head, await widthAcross(page, picture, a, b, length - radius - off * 3, color));
        expect(body).toBeGreaterThanOrEqual(1.5);
        expect(head).toBeGreaterThanOrEqual(body + 1.5);
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws a large graph laid out in its file, its relations one pixel wide, as sigma does", async () => {
    const { page, errors, differ, inked } = await compareDataset(placedLarge());
    expect(inked).toBeGreaterThan(0.1);
    // One-pixel lines, not smoothed, as sigma draws them (smoothed, about a tenth of the pixels differed).
    expect(differ).toBeLessThan(0.015);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws a middling graph's lines, curves, arrows and dashes, each with sigma's program for its shape, as sigma does", async () => {
    const { page, errors, differ, inked } = await compareDataset(placedMiddling());
    expect(inked).toBeGreaterThan(0.05);
    // A dense graph of lines 3 pixels wide: about 1% differ, by their smoothing (and 6% when straight
    // dashes were measured in half widths, as sigma's straight programs did before 30 November 2026).
    expect(differ).toBeLessThan(0.02);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("puts sigma's canvas on the page once SwiftShader has drawn its frame, without being held", async () => {
    const { page, errors } = await openWith("", COUNT_POSTERS);
    await mark(page, "entente:webgl-frame");
    await settled(page);
    expect(await page.evaluate(() => (window as unknown as { __posters: number }).__posters)).toBe(1);
    expect(await layers(page)).toEqual({ posters: 0, webgl: true, labels: true });
    const [first, webgl] = await page.evaluate(() => ["entente:first-frame", "entente:webgl-frame"].map((name) => performance.getEntriesByName(name)[0]!.startTime));
    expect(first).toBeLessThan(webgl!);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("gives way to sigma's canvas at once when a pointer comes over the graph, which then highlights", async () => {
    const { page, errors } = await openWith("", HOLD_FENCES);
    await mark(page, "entente:first-frame");
    expect(await layers(page)).toEqual({ posters: 1, webgl: false, labels: false });
    const russia = await nodePoint(page, "russia");
    await page.mouse.move(russia.x, russia.y, { steps: 3 });
    // The fences are still held: the pointer alone brought sigma's canvas back.
    await expect.poll(() => layers(page)).toEqual({ posters: 0, webgl: true, labels: true });
    await expect.poll(() => page.evaluate(() => (document.querySelector("#graph canvas.sigma-hovers") as HTMLCanvasElement).style.display)).toBe("");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("leaves nothing behind when another dataset replaces the graph while the poster is up", async () => {
    const { page, errors } = await openWith("", HOLD_FENCES);
    await mark(page, "entente:first-frame");
    const article = await page.$("#graph canvas.sigma-poster");
    expect(article).not.toBeNull();
    await page.setInputFiles("#file-input", { name: "timeline.json", mimeType: "application/json", buffer: readFileSync(new URL("../fixtures/timeline-dataset.json", import.meta.url)) });
    await expect.poll(() => page.evaluate(() => window.entente!.nodeCount()), { timeout: 20_000 }).toBe(4);
    // The article's poster went with its renderer; the new graph has one of its own at most.
    expect(await article!.evaluate((canvas) => canvas.isConnected)).toBe(false);
    expect((await layers(page)).posters).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is not drawn where WebGL has a GPU: sigma's canvas is on the page from the first frame", async () => {
    const { page, errors } = await openWith("", GPU_NAME, COUNT_POSTERS);
    await mark(page, "entente:first-frame");
    expect(await layers(page)).toEqual({ posters: 0, webgl: true, labels: true });
    await settled(page);
    expect(await page.evaluate(() => (window as unknown as { __posters: number }).__posters)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is not drawn for a large graph's first frame, of its actors alone: sigma's canvas is on the page from it", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The large graph above without its places: laid out here, its relations come after its first frame.
    const dataset = placedLarge() as { actors: { position?: unknown }[] };
    for (const actor of dataset.actors) delete actor.position;
    const body = JSON.stringify(dataset);
    await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }));
    await page.addInitScript(COUNT_POSTERS);
    const { errors } = await openOn(page, `?data=${encodeURIComponent(`${ORIGIN}/unplaced.json`)}`);
    await mark(page, "entente:first-frame");
    expect(await layers(page)).toEqual({ posters: 0, webgl: true, labels: true });
    await settled(page);
    expect(await page.evaluate(() => (window as unknown as { __posters: number }).__posters)).toBe(0);
    // Its relations are drawn once they come, and nothing was drawn in their place meanwhile.
    expect(await page.evaluate(() => window.entente!.drawnEdges())).toBe(6000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
