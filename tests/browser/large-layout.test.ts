/**
 * A large graph while its layout runs: its actors are drawn at once, its relations when the layout
 * settles. The layout worker here is a stand-in that settles when the test says so (through a
 * BroadcastChannel), at places the test knows: what the reader does meanwhile (hiding a relation
 * type) must show in the relations drawn then, at the settled places, in one indexing by sigma.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, useBrowser } from "./harness";

let browser: Browser;
useBrowser((launched) => (browser = launched));

const ORIGIN = "https://large-layout.entente.test";
const ACTORS = 300;
const RELATIONS = 6000;
/** The stand-in's grid: actor i at column i % COLUMNS, row i / COLUMNS, SPACING apart. */
const COLUMNS = 20;
const SPACING = 30;

/** 300 actors, 6,000 relations (the large profile), a third of them tensions; pairs with and without a tension. */
function large() {
  return {
    meta: { title: { en: "Many relations" }, source: { publisher: { en: "Example Wire" }, url: "https://example.org/many", published: "2020-01-01", language: "en" } },
    actors: Array.from({ length: ACTORS }, (_, i) => ({ id: `a${i}`, kind: "state", label: { en: `Actor ${i}` } })),
    relationTypes: [
      { id: "cooperation", label: { en: "Cooperation" }, sign: 1, directed: false, color: "#009E73" },
      { id: "tension", label: { en: "Tension" }, sign: -1, directed: false, color: "#D55E00" },
    ],
    relations: Array.from({ length: RELATIONS }, (_, i) => ({
      id: `r${i}`,
      source: `a${i % ACTORS}`,
      target: `a${(i * 7 + 1 + Math.floor(i / ACTORS)) % ACTORS}`,
      type: i % 3 === 0 ? "tension" : "cooperation",
      evidence: [{ quote: `Statement ${i}.`, reportedBy: "Example Wire" }],
    })),
  };
}

/** Takes the start message, then posts the grid as the settled layout when the channel says so. */
const STAND_IN_WORKER = `
let count = 0;
self.onmessage = (event) => { if (event.data.type === "start") count = event.data.radii.length; };
new BroadcastChannel("entente-test-layout").onmessage = () => {
  const positions = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    positions[2 * i] = (i % ${COLUMNS}) * ${SPACING};
    positions[2 * i + 1] = Math.floor(i / ${COLUMNS}) * ${SPACING};
  }
  self.postMessage({ type: "positions", positions, alpha: 0, settled: true }, [positions.buffer]);
};`;

async function openRunning(...scripts: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  for (const script of scripts) await page.addInitScript(script);
  const body = JSON.stringify(large());
  await page.route(`${ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }),
  );
  await page.route(/layout\.worker-[^/]*\.js$/, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: STAND_IN_WORKER }));
  await page.goto(`${baseUrl()}?lang=en&data=${encodeURIComponent(`${ORIGIN}/many.json`)}`);
  await page.waitForSelector("body[data-state=ready]", { timeout: 60_000 });
  return page;
}

/** WebGL's renderer named as a GPU's. */
const GPU_NAME = `(() => {
  const real = WebGL2RenderingContext.prototype.getParameter;
  WebGL2RenderingContext.prototype.getParameter = function (pname) {
    return pname === 0x9246 || pname === this.RENDERER ? "ANGLE (NVIDIA, NVIDIA GeForce GTX 1060 Direct3D11 vs_5_0 ps_5_0, D3D11)" : real.call(this, pname);
  };
})()`;

interface SettleWatch {
  /** Whether a frame was drawn aside at some task after the layout settled. */
  aside: boolean;
  /** At the first task that found it so: the labels' layer's visibility, the lines given and drawn, the frames drawn. */
  labels?: string;
  given?: number;
  drawn?: number;
  frames?: number;
}

/**
 * Settles the layout, and looks after every task of the page's own (a message to itself, as the
 * app's turns are) for a frame drawn aside, until the page says it settled. With `hideTensions`,
 * the reader hides the tensions in the task that finds it.
 */
const settleWatching = (page: Page, hideTensions = false): Promise<SettleWatch> =>
  page.evaluate(
    (hide) =>
      new Promise<SettleWatch>((resolve) => {
        const channel = new MessageChannel();
        let looks = 0;
        channel.port1.onmessage = () => {
          const entente = window.entente!;
          if (entente.frameAside()) {
            const labels = getComputedStyle(document.querySelector("#graph canvas.sigma-labels")!).visibility;
            resolve({ aside: true, labels, given: entente.linesGiven(), drawn: entente.drawnEdges(), frames: entente.lastFrame().count });
            if (hide) (document.querySelector(".filter-row[data-type=tension] label") as HTMLElement).click();
            return;
          }
          if (document.body.dataset.state === "settled") return resolve({ aside: false });
          // A page that only ever posts itself messages may keep the browser from drawing: every so
          // often the next look waits for an animation frame (a frame aside lasts at least one).
          if (++looks % 50 === 0) requestAnimationFrame(() => channel.port2.postMessage(null));
          else channel.port2.postMessage(null);
        };
        channel.port2.postMessage(null);
        new BroadcastChannel("entente-test-layout").postMessage("settle");
      }),
    hideTensions,
  );

/**
 * No frame aside is left, the labels are on the page, and the canvas holds a picture (as read when
 * it was put there, see watchFramePixels) that is, pixel for pixel, what sigma draws on it itself:
 * drawn again as things are, then once more after sigma has processed the whole graph itself.
 */
async function expectShownAsDrawn(page: Page): Promise<void> {
  expect(await page.evaluate(() => window.entente!.frameAside())).toBe(false);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector("#graph canvas.sigma-labels")!).visibility)).toBe("visible");
  const shown = (await page.evaluate(() => window.entente!.framePixels()))!;
  expect(shown.inked).toBeGreaterThan(10_000);
  await page.evaluate(() => window.entente!.drawAgain());
  expect(await page.evaluate(() => window.entente!.framePixels())).toEqual(shown);
  const processed = await page.evaluate(() => window.entente!.processedInFrames());
  await page.evaluate(() => window.entente!.drawAgain(true));
  expect(await page.evaluate(() => window.entente!.processedInFrames())).toBe(processed + 1);
  expect(await page.evaluate(() => window.entente!.framePixels())).toEqual(shown);
}

const settle = (page: Page) => page.evaluate(() => new BroadcastChannel("entente-test-layout").postMessage("settle"));

describe("a large graph while its layout runs", () => {
  it("draws the relations once it settles, at the settled places, as the filters chosen meanwhile say, in one indexing", async () => {
    const page = await openRunning();
    try {
      expect(await page.evaluate(() => window.entente!.layoutRunning())).toBe(true);
      expect(await page.evaluate(() => window.entente!.drawnEdges())).toBe(0);
      // The reader hides the tensions while waiting.
      await page.locator(".filter-row[data-type=tension] label").click();
      await expect.poll(() => page.evaluate(() => window.entente!.view().types)).toEqual(["cooperation"]);
      // Time for the page's idle work before the layout settles.
      await page.waitForTimeout(1500);
      expect(await page.evaluate(() => window.entente!.drawnEdges())).toBe(0);
      const processedBefore = await page.evaluate(() => window.entente!.processed());

      await settle(page);
      await page.waitForSelector("body[data-state=settled]", { timeout: 30_000 });
      // One line for each pair with a cooperation, showing it; a pair with tensions only is hidden.
      const pair = (r: { source: string; target: string }) => [r.source, r.target].sort().join("|");
      const relations = large().relations;
      const cooperating = new Set(relations.filter((r) => r.type === "cooperation").map(pair));
      expect(cooperating.size).toBeLessThan(new Set(relations.map(pair)).size);
      expect(await page.evaluate(() => window.entente!.drawnEdges())).toBe(cooperating.size);
      expect(await page.evaluate(() => window.entente!.drawnColors())).toEqual({ cooperation: ["#009E73"] });
      expect(await page.evaluate(() => window.entente!.processed())).toBe(processedBefore + 1);

      // The grid the layout settled on, as drawn: equal steps along a row and down a column.
      const at = (id: string) => page.evaluate((actor) => window.entente!.nodePosition(actor)!, id);
      const [a0, a1, a2, a20] = [await at("a0"), await at("a1"), await at("a2"), await at(`a${COLUMNS}`)];
      expect(a1.x - a0.x).toBeGreaterThan(5);
      expect(a2.x - a1.x).toBeCloseTo(a1.x - a0.x, 1);
      expect(a1.y).toBeCloseTo(a0.y, 1);
      expect(a20.x).toBeCloseTo(a0.x, 1);
      expect(Math.abs(a20.y - a0.y)).toBeCloseTo(a1.x - a0.x, 1);
    } finally {
      await page.close();
    }
  });

  it("gives sigma the relations a task at a time once it settles, drawing nothing until all are there; a filter chosen meanwhile shows in them", async () => {
    const page = await openRunning();
    try {
      const processedBefore = await page.evaluate(() => window.entente!.processed());
      // The page looks after every task of its own (a message to itself, as the app's turns are),
      // and hides the tensions once some lines are with sigma and not all.
      const meanwhile = await page.evaluate(
        () =>
          new Promise<{ lines: number; drawn: number; frames: number; framesBefore: number }>((resolve) => {
            const framesBefore = window.entente!.lastFrame().count;
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const lines = window.entente!.linesGiven();
              if (lines === 0) return channel.port2.postMessage(null);
              const drawn = window.entente!.drawnEdges();
              (document.querySelector(".filter-row[data-type=tension] label") as HTMLElement).click();
              resolve({ lines, drawn, frames: window.entente!.lastFrame().count, framesBefore });
            };
            channel.port2.postMessage(null);
            new BroadcastChannel("entente-test-layout").postMessage("settle");
          }),
      );
      await page.waitForSelector("body[data-state=settled]", { timeout: 30_000 });
      const pair = (r: { source: string; target: string }) => [r.source, r.target].sort().join("|");
      const relations = large().relations;
      const pairs = new Set(relations.map(pair));
      // Some of the lines given, none drawn, and no frame drawn since the layout settled.
      expect(meanwhile.lines).toBeGreaterThan(0);
      expect(meanwhile.lines).toBeLessThan(pairs.size);
      expect(meanwhile.drawn).toBe(0);
      expect(meanwhile.frames).toBe(meanwhile.framesBefore);
      // Then one processing, every line there, the tensions hidden in them.
      expect(await page.evaluate(() => window.entente!.processed())).toBe(processedBefore + 1);
      expect(await page.evaluate(() => window.entente!.view().types)).toEqual(["cooperation"]);
      expect(await page.evaluate(() => window.entente!.linesGiven())).toBe(pairs.size);
      expect(await page.evaluate(() => window.entente!.drawnEdges())).toBe(new Set(relations.filter((r) => r.type === "cooperation").map(pair)).size);
      expect(await page.evaluate(() => window.entente!.drawnColors())).toEqual({ cooperation: ["#009E73"] });
    } finally {
      await page.close();
    }
  });

  it("draws the settled frame off the canvas where WebGL is software, its labels hidden until it shows, then shows it as sigma draws it", async () => {
    const page = await openRunning();
    try {
      await page.evaluate(() => window.entente!.watchFramePixels());
      const framesBefore = await page.evaluate(() => window.entente!.lastFrame().count);
      const processedInFrames = await page.evaluate(() => window.entente!.processedInFrames());
      const reductions = await page.evaluate(() => window.entente!.edgeReductions());
      const watched = await settleWatching(page);
      const relations = large().relations;
      const pairs = new Set(relations.map((r) => [r.source, r.target].sort().join("|"))).size;
      // Every line given, the frame drawn aside: none of it shown yet, nor its labels, and no frame told of.
      expect(watched).toEqual({ aside: true, labels: "hidden", given: pairs, drawn: 0, frames: framesBefore });
      await page.waitForSelector("body[data-state=settled]", { timeout: 30_000 });
      // Settled once it shows: with its labels, every line drawn, one frame more. That frame found the
      // graph processed, a step at a time beforehand; it is what sigma draws after its own processing.
      expect(await page.evaluate(() => window.entente!.drawnEdges())).toBe(pairs);
      expect(await page.evaluate(() => window.entente!.lastFrame().count)).toBe(framesBefore + 1);
      expect(await page.evaluate(() => window.entente!.processedInFrames())).toBe(processedInFrames);
      // Each line was reduced once, as it was given (sigma would reduce it again in the refresh it asks for).
      expect(await page.evaluate(() => window.entente!.edgeReductions())).toBe(reductions + pairs);
      await expectShownAsDrawn(page);
    } finally {
      await page.close();
    }
  });

  it("drops the frame drawn aside when a filter is chosen before it shows, and draws the filtered one on the canvas", async () => {
    const page = await openRunning();
    try {
      await page.evaluate(() => window.entente!.watchFramePixels());
      const framesBefore = await page.evaluate(() => window.entente!.lastFrame().count);
      // Once the frame is drawn aside, the reader hides the tensions, in that same task.
      expect((await settleWatching(page, true)).aside).toBe(true);
      await page.waitForSelector("body[data-state=settled]", { timeout: 30_000 });
      expect(await page.evaluate(() => window.entente!.view().types)).toEqual(["cooperation"]);
      // The frame on the canvas is the filtered one, drawn there directly, with its labels.
      await expect.poll(() => page.evaluate(() => window.entente!.drawnColors())).toEqual({ cooperation: ["#009E73"] });
      // Time enough for SwiftShader to have drawn the frame aside: it never comes to the canvas.
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => window.entente!.lastFrame().count)).toBe(framesBefore + 1);
      await expectShownAsDrawn(page);
    } finally {
      await page.close();
    }
  });

  it("leaves the processing to sigma's frame when a filter is chosen while it goes a step at a time, and shows the filtered frame as sigma draws it", async () => {
    const page = await openRunning();
    try {
      await page.evaluate(() => window.entente!.watchFramePixels());
      const processedInFrames = await page.evaluate(() => window.entente!.processedInFrames());
      // Every line given: the app's next task processes the actors, the one after the lines. The page
      // looks after each of its tasks (messages to itself, queued in turn with the app's), and the
      // reader hides the tensions at the second look that finds every line given, between the two.
      const during = await page.evaluate(
        (pairs) =>
          new Promise<boolean>((resolve) => {
            const channel = new MessageChannel();
            let looks = 0;
            channel.port1.onmessage = () => {
              const entente = window.entente!;
              if (document.body.dataset.state === "settled" || entente.frameAside()) return resolve(false);
              if (entente.linesGiven() < pairs || ++looks < 2) return channel.port2.postMessage(null);
              (document.querySelector(".filter-row[data-type=tension] label") as HTMLElement).click();
              resolve(true);
            };
            channel.port2.postMessage(null);
            new BroadcastChannel("entente-test-layout").postMessage("settle");
          }),
        new Set(large().relations.map((r) => [r.source, r.target].sort().join("|"))).size,
      );
      expect(during).toBe(true);
      await page.waitForSelector("body[data-state=settled]", { timeout: 30_000 });
      // Sigma processed in its frame, the tensions hidden; what it shows is what it draws.
      expect(await page.evaluate(() => window.entente!.processedInFrames())).toBe(processedInFrames + 1);
      await expect.poll(() => page.evaluate(() => window.entente!.drawnColors())).toEqual({ cooperation: ["#009E73"] });
      await expectShownAsDrawn(page);
    } finally {
      await page.close();
    }
  });

  it("draws the settled frame on the canvas at once where WebGL has a GPU", async () => {
    const page = await openRunning(GPU_NAME);
    try {
      const framesBefore = await page.evaluate(() => window.entente!.lastFrame().count);
      expect(await settleWatching(page)).toEqual({ aside: false });
      expect(await page.evaluate(() => getComputedStyle(document.querySelector("#graph canvas.sigma-labels")!).visibility)).toBe("visible");
      expect(await page.evaluate(() => window.entente!.drawnEdges())).toBe(new Set(large().relations.map((r) => [r.source, r.target].sort().join("|"))).size);
      expect(await page.evaluate(() => window.entente!.lastFrame().count)).toBe(framesBefore + 1);
    } finally {
      await page.close();
    }
  });

  it("keeps the layers that hold nothing off the page: the hover layer until an actor is pointed at; the relations share the actors' canvas", async () => {
    const page = await openRunning();
    /** Whether each of sigma's layers is on the page (sigma's canvases carry their layer's name as a class). */
    const layers = () =>
      page.evaluate(() =>
        Object.fromEntries(
          ["edges", "nodes", "labels", "hovers", "edgeLabels"].map((layer) => {
            const canvas = document.querySelector<HTMLCanvasElement>(`#graph canvas.sigma-${layer}`)!;
            return [layer, getComputedStyle(canvas).display !== "none"];
          }),
        ),
      );
    /** How many pixels of the hover labels' layer hold something. */
    const hoverInk = () =>
      page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>("#graph canvas.sigma-hovers")!;
        const pixels = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) ink += 1;
        return ink;
      });
    try {
      // One WebGL canvas for the relations and the actors, that carries both layers' names; the
      // hovered actor's disc is drawn with its label, on the hover layer.
      expect(await page.evaluate(() => document.querySelector("#graph canvas.sigma-edges") === document.querySelector("#graph canvas.sigma-nodes"))).toBe(true);
      expect(await page.locator("#graph canvas.sigma-hoverNodes").count()).toBe(0);
      expect(await layers()).toEqual({ edges: true, nodes: true, labels: true, hovers: false, edgeLabels: false });
      await settle(page);
      await page.waitForSelector("body[data-state=settled]", { timeout: 30_000 });
      expect(await layers()).toEqual({ edges: true, nodes: true, labels: true, hovers: false, edgeLabels: false });

      // Pointed at, an actor is highlighted on the hover layer, which is on the page then, and off it once the pointer leaves.
      const box = (await page.locator("#graph").boundingBox())!;
      // An actor in the grid's top row, clear of the notices at the graph's foot.
      const actor = `a${ACTORS - COLUMNS + 5}`;
      const point = await page.evaluate((id) => window.entente!.nodePosition(id)!, actor);
      await page.mouse.move(box.x + point.x, box.y + point.y);
      await expect.poll(hoverInk).toBeGreaterThan(0);
      expect(await layers()).toMatchObject({ hovers: true, edgeLabels: false });
      // The actor's disc, in its colour, over the box that holds its label.
      expect(await hoverPixel(page, point)).toEqual(await colorOf(page, actor));
      await page.mouse.move(box.x + 2, box.y + box.height - 2);
      await expect.poll(async () => (await layers()).hovers).toBe(false);

      // A selected actor is highlighted there too.
      await page.mouse.click(box.x + point.x, box.y + point.y);
      await expect.poll(() => page.evaluate(() => window.entente!.view().selected)).toEqual({ kind: "actor", id: actor });
      await page.mouse.move(box.x + 2, box.y + box.height - 2);
      await expect.poll(hoverInk).toBeGreaterThan(0);
      expect(await layers()).toMatchObject({ hovers: true });
      expect(await hoverPixel(page, point)).toEqual(await colorOf(page, actor));
    } finally {
      await page.close();
    }
  });
});

/** The hover layer's pixel at a point of the graph (CSS pixels), as [r, g, b, a]. */
function hoverPixel(page: Page, { x, y }: { x: number; y: number }): Promise<number[]> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector<HTMLCanvasElement>("#graph canvas.sigma-hovers")!;
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      return [...canvas.getContext("2d")!.getImageData(Math.round(px! * ratio), Math.round(py! * ratio), 1, 1).data];
    },
    [x, y],
  );
}

/** An actor's colour as the hover layer's pixels give it, opaque. */
async function colorOf(page: Page, id: string): Promise<number[]> {
  const color = (await page.evaluate((actor) => window.entente!.nodeColor(actor), id))!;
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}
