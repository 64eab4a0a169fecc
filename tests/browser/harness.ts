/** What every browser test needs: a Chromium, a fresh page, and eyes for what it shows. */
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { CHROMIUM_ARGS } from "../../scripts/chromium";
import { stillNodePosition } from "../../scripts/still";

export const baseUrl = (): string => inject("baseUrl");

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: inject("chromiumPath"), headless: true, args: CHROMIUM_ARGS });
}

/** The pages a test opened, with what their consoles said, for the account of a failed test. */
const watched = new Map<Page, string[]>();

/** The longest a page action (a click, a locator's read) waits for its element. */
const ACTION_TIMEOUT_MS = 10_000;

/** How many of a page's last console lines a failure's account shows. */
const KEPT_LINES = 40;

/**
 * One Chromium for a test file: launched before its tests, closed after them. A test that fails
 * (a timeout included, which says nothing of where it stood) prints, for each page it opened, what
 * the page shows of its progress and the last lines of its console.
 */
export function useBrowser(set: (browser: Browser) => void): void {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launch();
    set(launched);
  });
  afterEach(async (context) => {
    const pages = [...watched];
    watched.clear();
    if (context.task.result?.state !== "fail") return;
    for (const [page, lines] of pages) {
      const state = page.isClosed() ? "closed" : await whereItStands(page);
      console.error(`[${context.task.name}] ${page.url()}\n  page: ${state}\n  console:\n${lines.map((line) => `    ${line}`).join("\n")}`);
    }
  });
  afterAll(async () => {
    await launched?.close();
  });
}

export interface OpenPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/**
 * Tests read the interface in English unless they ask otherwise: without a
 * lang parameter the bundled (Persian) dataset would choose Persian.
 */
export function withEnglish(query: string): string {
  if (/[?&]lang=/.test(query)) return query;
  return query ? `${query}&lang=en` : "?lang=en";
}

export async function open(browser: Browser, query = "", viewport = { width: 1280, height: 800 }): Promise<OpenPage> {
  return openOn(await browser.newPage({ viewport }), query);
}

/** Opens the app on a page already set up (routes, init scripts), collecting its console errors. */
export async function openOn(page: Page, query: string): Promise<OpenPage> {
  const errors: string[] = [];
  const lines: string[] = [];
  watched.set(page, lines);
  const started = Date.now();
  const note = (line: string) => {
    lines.push(`${((Date.now() - started) / 1000).toFixed(2)} s ${line}`);
    if (lines.length > KEPT_LINES) lines.shift();
  };
  page.on("console", (message) => {
    // SwiftShader's warning on every canvas read-back says nothing of the page.
    if (!message.text().includes("GPU stall due to ReadPixels")) note(`${message.type()}: ${message.text()}`);
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => {
    note(`uncaught: ${error.message}`);
    errors.push(error.message);
  });
  page.on("crash", () => note("the page crashed"));
  // An action that cannot happen fails with what it waited for, well within the test's minute (Playwright's
  // 30 s left room for only one such wait, and a poll that retried it ended as a bare timeout).
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(30_000);
  await page.goto(`${baseUrl()}${withEnglish(query)}`);
  return { page, errors };
}

export async function settled(page: Page): Promise<void> {
  try {
    await page.waitForSelector("body[data-state=settled]", { timeout: 45_000 });
  } catch (error) {
    throw new Error(`the page did not settle: ${await whereItStands(page)}`, { cause: error });
  }
}

/** What the page shows of its progress, for a failure's message: its state, status line, problems and milestones. */
async function whereItStands(page: Page): Promise<string> {
  const read = page.evaluate(() =>
    JSON.stringify({
      state: document.body.dataset.state,
      status: document.querySelector("#status")?.textContent,
      details: document.querySelector("#details h2")?.textContent?.slice(0, 80),
      selected: window.entente?.view().selected,
      problems: document.querySelector("#problems")?.textContent?.slice(0, 400),
      marks: performance.getEntriesByType("mark").map((mark) => `${mark.name} ${Math.round(mark.startTime)}`),
      now: Math.round(performance.now()),
    }),
  );
  // A page whose thread never comes back (a loop) does not answer at all: say so rather than wait.
  const silent = new Promise<string>((resolve) => setTimeout(() => resolve("the page does not answer"), 3_000));
  return Promise.race([read.catch((error: Error) => `the page could not be read (${error.message})`), silent]);
}

/** Page coordinates of an actor's node once the view stays put, as a person would aim at it (see scripts/still.ts). */
export async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const position = await stillNodePosition(page, id);
  const box = await page.locator("#graph").boundingBox();
  if (!position || !box) throw new Error(`node ${id} is not drawn`);
  return { x: box.x + position.x, y: box.y + position.y };
}

export type Rgb = [number, number, number];

export interface GraphLook {
  /** Pixels that differ clearly from the background colour. */
  inked: number;
  /** Colours at the asked points (graph-relative), averaged over 3×3 pixels (or the one pixel, with `exact`). */
  colors: Rgb[];
}

/**
 * What the graph looks like to a person: a screenshot of the graph (or `png`, one taken before),
 * decoded in the page itself (no image library needed).
 */
export async function lookAtGraph(
  page: Page,
  points: { x: number; y: number }[] = [],
  background: Rgb = [247, 247, 245],
  { exact = false, png }: { exact?: boolean; png?: Buffer } = {},
): Promise<GraphLook> {
  png ??= await page.locator("#graph").screenshot();
  return page.evaluate(
    async ({ base64, points, background, reach }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2d context");
      context.drawImage(image, 0, 0);
      const { data, width } = context.getImageData(0, 0, image.width, image.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        const d = Math.abs(data[i]! - background[0]) + Math.abs(data[i + 1]! - background[1]) + Math.abs(data[i + 2]! - background[2]);
        if (d > 60) inked += 1;
      }
      const colors = points.map(({ x, y }) => {
        const sum = [0, 0, 0];
        for (let dy = -reach; dy <= reach; dy++) {
          for (let dx = -reach; dx <= reach; dx++) {
            const i = ((Math.round(y) + dy) * width + Math.round(x) + dx) * 4;
            for (let c = 0; c < 3; c++) sum[c]! += data[i + c] ?? 0;
          }
        }
        const count = (2 * reach + 1) ** 2;
        return [sum[0]! / count, sum[1]! / count, sum[2]! / count] as [number, number, number];
      });
      return { inked, colors };
    },
    { base64: png.toString("base64"), points, background, reach: exact ? 0 : 1 },
  );
}

/** Distance between two colours, summed over the channels. */
export function colorDistance(a: Rgb, b: Rgb): number {
  return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
}

export function hex(color: string): Rgb {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
