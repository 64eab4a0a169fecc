/**
 * Sigma's WebGL canvas made while the page waits for a dataset from the network
 * (render/warm-canvas.ts): shown to the compositor a few times, cleared to nothing, then taken by
 * sigma for the graph. Where the dataset is bundled nothing waits: no canvas is made ahead.
 */
import type { Browser, JSHandle, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, useBrowser } from "./harness";

let browser: Browser;
useBrowser((launched) => (browser = launched));

const ORIGIN = "https://ahead.entente.test";

function small() {
  return {
    meta: { title: { en: "Three states" }, source: { publisher: { en: "Example Wire" }, url: "https://example.org/three", published: "2020-01-01", language: "en" } },
    actors: ["a", "b", "c"].map((id) => ({ id, kind: "state", label: { en: `State ${id.toUpperCase()}` } })),
    relationTypes: [{ id: "cooperation", label: { en: "Cooperation" }, sign: 1, directed: false, color: "#009E73" }],
    relations: [
      { id: "r1", source: "a", target: "b", type: "cooperation", evidence: [{ quote: "A and B agreed.", reportedBy: "Example Wire" }] },
      { id: "r2", source: "b", target: "c", type: "cooperation", evidence: [{ quote: "B and C agreed.", reportedBy: "Example Wire" }] },
    ],
  };
}

/** Counts, per canvas, the clears asked of its WebGL 2 context, and notes where each context was made. */
const WATCH_CONTEXTS = `(() => {
  window.__clears = new Map();
  window.__contexts = [];
  const clear = WebGL2RenderingContext.prototype.clear;
  WebGL2RenderingContext.prototype.clear = function (mask) {
    window.__clears.set(this.canvas, (window.__clears.get(this.canvas) ?? 0) + 1);
    return clear.call(this, mask);
  };
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, options) {
    const context = getContext.call(this, type, options);
    if (type === "webgl2" && !window.__contexts.some((made) => made.canvas === this)) {
      window.__contexts.push({ canvas: this, inBody: this.parentElement === document.body, connected: this.isConnected });
    }
    return context;
  };
})()`;

/** Opens the page on a dataset from an address the test answers when `answer` is called. */
async function openHeld(query: string): Promise<{ page: Page; answer: () => void }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(WATCH_CONTEXTS);
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  await page.route(`${ORIGIN}/**`, async (route) => {
    await answered;
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(small()), headers: { "access-control-allow-origin": "*" } });
  });
  await page.goto(`${baseUrl()}?lang=en${query}&data=${encodeURIComponent(`${ORIGIN}/three.json`)}`);
  return { page, answer };
}

/** The canvas made ahead, once the page has made it. */
async function madeAhead(page: Page): Promise<JSHandle<HTMLCanvasElement>> {
  await page.waitForFunction(() => document.querySelector("body > canvas") !== null, undefined, { timeout: 20_000 });
  return page.evaluateHandle(() => document.querySelector<HTMLCanvasElement>("body > canvas")!);
}

const clearsOf = (page: Page, canvas: JSHandle<HTMLCanvasElement>) =>
  page.evaluate((c) => (window as unknown as { __clears: Map<HTMLCanvasElement, number> }).__clears.get(c) ?? 0, canvas);

/** What the reader would see of sigma's canvas, and where it stands. */
function sigmaCanvas(page: Page, canvas: JSHandle<HTMLCanvasElement>) {
  return page.evaluate((c) => {
    const container = document.querySelector<HTMLElement>(".sigma-edges")?.parentElement;
    return {
      isSigmas: document.querySelector(".sigma-edges") === c,
      webglCanvases: document.querySelectorAll(".sigma-edges, .sigma-nodes").length,
      inGraph: c.isConnected && container !== null && container?.contains(c) === true,
      strayInBody: document.querySelectorAll("body > canvas").length,
      ariaHidden: c.getAttribute("aria-hidden"),
      // Sigma sized it to its container, not to the window it was made for.
      size: [c.width, c.height],
      containerSize: container ? [container.offsetWidth * devicePixelRatio, container.offsetHeight * devicePixelRatio] : null,
    };
  }, canvas);
}

describe("sigma's canvas made while the dataset comes", () => {
  it("is on the page, transparent and out of the way, cleared for a few frames while the dataset is awaited, then stops", async () => {
    const { page, answer } = await openHeld("");
    try {
      const canvas = await madeAhead(page);
      const look = await page.evaluate((c) => {
        const style = getComputedStyle(c);
        const box = c.getBoundingClientRect();
        return { position: style.position, pointerEvents: style.pointerEvents, ariaHidden: c.getAttribute("aria-hidden"), box: [box.width, box.height], size: [c.width, c.height] };
      }, canvas);
      expect(look).toEqual({ position: "fixed", pointerEvents: "none", ariaHidden: "true", box: [1280, 800], size: [1280, 800] });
      // Four frames' clears (WARMING_FRAMES), then no more while the dataset is still awaited.
      await page.waitForFunction((c) => ((window as unknown as { __clears: Map<HTMLCanvasElement, number> }).__clears.get(c) ?? 0) >= 4, canvas, { timeout: 10_000 });
      await page.waitForTimeout(300);
      expect(await clearsOf(page, canvas)).toBe(4);
      // Cleared to nothing: the page under it shows through.
      const pixel = await page.evaluate((c) => {
        const gl = c.getContext("webgl2")!;
        const out = new Uint8Array(4);
        gl.readPixels(10, 10, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
        return [...out];
      }, canvas);
      expect(pixel).toEqual([0, 0, 0, 0]);
      answer();
      await page.waitForSelector("body[data-state=settled]", { timeout: 30_000 });
    } finally {
      answer();
      await page.close();
    }
  });

  for (const [name, query] of [
    ["the full app", ""],
    ["the embed", "&embed=1"],
  ] as const) {
    it(`becomes the canvas sigma draws the graph on, in ${name}`, async () => {
      const { page, answer } = await openHeld(query);
      try {
        const canvas = await madeAhead(page);
        answer();
        await page.waitForSelector("body[data-state=settled]", { timeout: 30_000 });
        const found = await sigmaCanvas(page, canvas);
        expect(found).toMatchObject({ isSigmas: true, webglCanvases: 1, inGraph: true, strayInBody: 0, ariaHidden: null });
        expect(found.size).toEqual(found.containerSize);
        // The only WebGL 2 context the page made is that one, made before the app's shell.
        const contexts = await page.evaluate(() => (window as unknown as { __contexts: { inBody: boolean; connected: boolean }[] }).__contexts.map(({ inBody, connected }) => ({ inBody, connected })));
        expect(contexts).toEqual([{ inBody: true, connected: true }]);
        // The graph is drawn on it: the frame sigma draws has ink.
        await page.evaluate(() => window.entente!.watchFramePixels());
        await page.evaluate(() => window.entente!.drawAgain());
        await page.waitForFunction(() => (window.entente!.framePixels()?.inked ?? 0) > 0, undefined, { timeout: 10_000 });
      } finally {
        answer();
        await page.close();
      }
    });
  }

  it("is not made for the bundled dataset: sigma makes its own canvas in the graph", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.addInitScript(WATCH_CONTEXTS);
      await page.goto(`${baseUrl()}?lang=en`);
      await page.waitForSelector("body[data-state=settled]", { timeout: 30_000 });
      const contexts = await page.evaluate(() =>
        (window as unknown as { __contexts: { canvas: HTMLCanvasElement; inBody: boolean }[] }).__contexts.map(({ canvas, inBody }) => ({ inBody, sigmas: canvas.classList.contains("sigma-edges") })),
      );
      expect(contexts).toEqual([{ inBody: false, sigmas: true }]);
    } finally {
      await page.close();
    }
  });
});
