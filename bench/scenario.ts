/**
 * One tool on one dataset, the same scenario for every tool: navigation to the
 * first drawn frame, the layout until it settles, a scripted pan and zoom, a
 * filter click, a hover, the heap. Every page exposes `window.peer` (Entente's
 * is a thin wrapper over `window.entente`), so the gestures are measured alike.
 */
import type { Browser, Page } from "playwright-core";

export interface Figure {
  figure: string;
  value: number | null;
  unit: string;
  note?: string;
}

export interface ToolPage {
  tool: string;
  url: string;
  /** performance marks of the first drawn frame and of the settled layout (null: no layout). */
  firstMark: string;
  settledMark: string | null;
  /** Where the tool marks when its layout's settled positions came (Entente): the longest task is then told before and after it too. */
  positionsMark?: string;
  /**
   * Where the tool marks its WebGL frame on screen, when its first frame can be a picture drawn
   * otherwise meanwhile (Entente's, on a software WebGL: see src/render/poster.ts).
   */
  webglMark?: string;
  /** Resolves once the page has drawn and, where there is one, settled its layout. */
  ready(page: Page, timeoutMs: number): Promise<"settled" | "stopped">;
  filter: string;
  /** The actor to hover. */
  hoverId: string;
  /** Installs window.peer where the page does not have it. */
  hooks?: string;
  /** Runs before navigation (routes for the data). */
  prepare(page: Page): Promise<void>;
  /** Runs once the page is ready, before the gestures (Entente hands its positions to the peers). */
  collect?(page: Page): Promise<void>;
}

export interface Repetitions {
  /** Mouse moves in the drag, and wheel steps (half in, half out): on a slow page each waits for a frame. */
  panSteps: number;
  wheelSteps: number;
  clicks: number;
  hovers: number;
  layoutTimeoutMs: number;
}

/** Collects long main-thread tasks from the very start of the page. */
export const OBSERVE_LONG_TASKS = () => {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
};

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.ceil(at)]! - s[lo]!) * (at - lo);
}

const round = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10) / 10);

/** Waits for the page's next drawn frame after `since` (ms on the page's clock), or null after a timeout. */
function nextFrameAfter(page: Page, since: "click" | "move", count: number, timeoutMs: number): Promise<number | null> {
  return page.evaluate(
    ([key, before, timeout]) =>
      new Promise<number | null>((resolve) => {
        const w = window as unknown as { __inputAt: Record<string, number>; peer: { lastFrame(): { at: number; count: number; recent: number[] } } };
        const start = performance.now();
        const check = () => {
          const frame = w.peer.lastFrame();
          const at = w.__inputAt[key] ?? Infinity;
          // The first frame after the input, not the last one drawn by the time this looks.
          const first = frame.recent.find((end) => end >= at);
          if (frame.count > before && first !== undefined) resolve(first - at);
          else if (performance.now() - start > timeout) resolve(null);
          else requestAnimationFrame(check);
        };
        check();
      }),
    [since, count, timeoutMs] as const,
  );
}

/**
 * Waits until the page is quiet, as it is when a person's next input comes: a pause, then two
 * frames (the second starts only once the first has been drawn and composited). Without it an input
 * made at once after the last frame also paid for that frame's compositing.
 */
const quiet = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done())), 300)));

const frameCount = (page: Page) => page.evaluate(() => (window as unknown as { peer: { lastFrame(): { count: number } } }).peer.lastFrame().count);

/** Reads a performance mark's time once the page has it, or null after `timeoutMs`. */
function markTime(page: Page, name: string, timeoutMs: number): Promise<number | null> {
  return page.evaluate(
    ([mark, timeout]) =>
      new Promise<number | null>((resolve) => {
        const start = performance.now();
        const check = () => {
          const entry = performance.getEntriesByName(mark)[0];
          if (entry) resolve(entry.startTime);
          else if (performance.now() - start > timeout) resolve(null);
          else setTimeout(check, 20);
        };
        check();
      }),
    [name, timeoutMs] as const,
  );
}

/**
 * One more navigation, for the load figures only: the first frame, and the settled layout when it
 * comes within a second of it (later than that, only the first navigation, which waits, records it).
 */
export async function reload(browser: Browser, tool: ToolPage): Promise<LoadTimes> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript("window.__name = (f) => f;");
    await tool.prepare(page);
    await page.goto(tool.url);
    const first = await markTime(page, tool.firstMark, 120_000);
    const settled = tool.settledMark && first !== null ? await markTime(page, tool.settledMark, 1_000) : null;
    const webgl = tool.webglMark && first !== null ? await markTime(page, tool.webglMark, 5_000) : null;
    return { first, settled, webgl };
  } finally {
    await page.close();
  }
}

/** The load figures of one navigation (see reload). */
export interface LoadTimes {
  first: number | null;
  settled: number | null;
  /** Where the tool marks it (webglMark). */
  webgl?: number | null;
}

/** How long after its settled mark a tool's tasks still count as its layout's (a frame drawn then, the page's own wrap-up). */
const SETTLED_TAIL_MS = 250;

/** The figure names withLoads replaces. */
const FIRST = "first frame after navigation";
const SETTLED = "layout settled after navigation";
const WEBGL = "WebGL frame after navigation";

/**
 * A tool's figures with its load figures (first frame, settled layout) replaced by their medians over
 * the scenario's own navigation and `more` (see reload). One load on a machine shared with other
 * work varied by a factor of 1.5 to 2.
 */
export function withLoads(figures: Figure[], more: LoadTimes[]): Figure[] {
  if (more.length === 0) return figures;
  const merged = (f: Figure, values: (number | null)[]): Figure => {
    const measured = values.filter((v): v is number => v !== null);
    const note = measured.length > 1 ? `median of ${measured.length} navigations, taking turns with the other tools'` : undefined;
    return { ...f, value: measured.length ? round(median(measured)) : null, ...(note ? { note } : {}) };
  };
  return figures.map((f) => {
    if (f.figure === FIRST) return merged(f, [f.value, ...more.map((m) => m.first)]);
    if (f.figure === WEBGL) return merged(f, [f.value, ...more.map((m) => m.webgl ?? null)]);
    // A layout that did not settle keeps its figure and note: it is told, not measured.
    if (f.figure === SETTLED && f.value !== null) return merged(f, [f.value, ...more.map((m) => m.settled)]);
    return f;
  });
}

/** The whole scenario on one navigation; its load figures may then take more navigations (withLoads). */
export async function measureTool(browser: Browser, tool: ToolPage, reps: Repetitions): Promise<Figure[]> {
  const figures: Figure[] = [];
  const record = (figure: string, value: number | null, unit = "ms", note?: string) =>
    figures.push({ figure, value: round(value), unit, ...(note ? { note } : {}) });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let lapAt = Date.now();
  const lap = (phase: string) => {
    if (process.env.BENCH_DEBUG) console.log(`    ${tool.tool} ${phase}: ${Date.now() - lapAt} ms`);
    lapAt = Date.now();
  };
  try {
    // tsx compiles with esbuild's keepNames, which wraps named functions in __name().
    await page.addInitScript("window.__name = (f) => f;");
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.addInitScript(() => {
      const w = window as unknown as { __inputAt: Record<string, number> };
      w.__inputAt = {};
      document.addEventListener("click", (e) => (w.__inputAt.click = e.timeStamp), { capture: true });
      document.addEventListener("mousemove", (e) => (w.__inputAt.move = e.timeStamp), { capture: true });
    });
    await tool.prepare(page);
    await page.goto(tool.url);
    const outcome = await tool.ready(page, reps.layoutTimeoutMs);
    if (tool.hooks) await page.evaluate(tool.hooks);
    // The tasks counted below run until SETTLED_TAIL_MS past the settled mark: they are read once
    // that is over, and before the benchmark's own work in the page (`collect`, a long task itself)
    // comes among them. Until 1 December 2026 it came first, and counted as the full app's settling.
    await page.waitForTimeout(SETTLED_TAIL_MS + 50);
    const marks = await page.evaluate(
      ([firstMark, settledMark, positionsMark, webglMark, tail]) => {
        const at = (n: string | null) => (n ? (performance.getEntriesByName(n)[0]?.startTime ?? null) : null);
        const first = at(firstMark);
        const webgl = at(webglMark);
        const settled = at(settledMark);
        const positions = at(positionsMark);
        const until = settled ?? performance.now();
        const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
        const longest = (among: { duration: number }[]) => among.reduce((m, t) => Math.max(m, t.duration), 0);
        // Tasks that start while the layout moves, and the one that draws its settled frame.
        const during = tasks.filter((t) => first !== null && t.start + t.duration > first && t.start <= until + tail);
        return {
          first,
          webgl,
          settled,
          now: performance.now(),
          longest: longest(during),
          // The same tasks, ended before the settled positions came, and the rest (the one that takes
          // them, and those indexing and drawing what settled).
          running: positions === null ? null : longest(during.filter((t) => t.start + t.duration <= positions)),
          settling: positions === null ? null : longest(during.filter((t) => t.start + t.duration > positions)),
        };
      },
      [tool.firstMark, tool.settledMark, tool.positionsMark ?? null, tool.webglMark ?? null, SETTLED_TAIL_MS] as const,
    );
    await tool.collect?.(page);
    lap("load");
    record(FIRST, marks.first);
    if (tool.webglMark) record(WEBGL, marks.webgl);
    if (tool.settledMark) {
      if (outcome === "settled") record(SETTLED, marks.settled);
      else record(SETTLED, null, "ms", `not settled after ${reps.layoutTimeoutMs / 1000} s; stopped`);
      record("longest main-thread task during layout", marks.longest);
      if (marks.running !== null) {
        record("… of which while the layout runs", marks.running);
        record("… of which settling (every relation indexed and drawn)", marks.settling);
      }
    }

    // Pan (a mouse drag) then zoom (wheel steps), frame times from requestAnimationFrame deltas. The drag
    // starts near the stage's top-right corner, outside the drawing's padding and clear of the peers'
    // checkbox and Entente's notices: from a node (the middle of a dense graph has one nearly
    // everywhere), every tool drags that node instead of the view.
    const box = await page.evaluate(() => {
      const stage = document.querySelector("canvas.sigma-mouse")?.parentElement ?? document.querySelector("#cy, svg");
      const r = stage!.getBoundingClientRect();
      return { x: r.right - 12, y: r.top + 12 };
    });
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __recording: boolean };
      w.__frames = [];
      w.__recording = true;
      let last = performance.now();
      const loop = (t: number) => {
        w.__frames.push(t - last);
        last = t;
        if (w.__recording) requestAnimationFrame(loop);
      };
      requestAnimationFrame((t) => {
        last = t;
        requestAnimationFrame(loop);
      });
    });
    await page.mouse.move(box.x, box.y);
    await page.mouse.down();
    for (let i = 0; i < reps.panSteps; i++) await page.mouse.move(box.x - (i * 240) / reps.panSteps, box.y + (i * 120) / reps.panSteps);
    await page.mouse.up();
    for (let i = 0; i < reps.wheelSteps; i++) {
      await page.mouse.wheel(0, i < reps.wheelSteps / 2 ? -240 : 240);
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(300);
    const frameTimes = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __recording: boolean };
      w.__recording = false;
      return w.__frames;
    });
    lap("pan and zoom");
    record("pan and zoom frame time (median)", median(frameTimes));
    record("pan and zoom frame time (p95)", quantile(frameTimes, 0.95));
    await page.waitForTimeout(200);

    // A filter click, as a person makes it, to the end of the frame that shows its result.
    const clicks: number[] = [];
    for (let i = 0; i < reps.clicks; i++) {
      await quiet(page);
      const before = await frameCount(page);
      await page.locator(tool.filter).click();
      const ms = await nextFrameAfter(page, "click", before, 30_000);
      if (ms !== null) clicks.push(ms);
    }
    lap(`filter clicks ${clicks.length}/${reps.clicks}: ${clicks.map(Math.round).join(", ")} ms`);
    record("filter click to drawn frame (median)", clicks.length ? median(clicks) : null);
    // Shown again, as a person would, before the hover: after an odd number of clicks the type stayed
    // hidden, and where it is a dataset's only one (the power grid), Entente fades every actor, which
    // a hover then leaves as it is.
    if (reps.clicks % 2 === 1) {
      await quiet(page);
      await page.locator(tool.filter).click();
    }

    // Hover: the pointer onto an actor, to the frame that highlights its neighbours.
    // Away from every actor but still over the graph: sigma forgets a hovered node only on a move over its stage.
    const away = await page.evaluate(() => {
      const stage = document.querySelector("canvas.sigma-mouse")?.parentElement ?? document.querySelector("#cy, svg")!;
      const r = stage.getBoundingClientRect();
      const corners = [
        [r.right - 6, r.bottom - 6],
        [r.left + 6, r.bottom - 6],
        [r.right - 6, r.top + 6],
        [r.left + 6, r.top + 6],
      ] as const;
      const inside = corners.find(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && (stage === hit || stage.contains(hit)) && !(hit instanceof SVGCircleElement);
      });
      return { x: (inside ?? corners[0])[0], y: (inside ?? corners[0])[1] };
    });
    const hovers: number[] = [];
    for (let i = 0; i < reps.hovers; i++) {
      await page.mouse.move(away.x, away.y);
      await quiet(page);
      const at = await page.evaluate((id) => (window as unknown as { peer: { nodePosition(id: string): { x: number; y: number } | null } }).peer.nodePosition(id), tool.hoverId);
      if (!at) break;
      const before = await frameCount(page);
      await page.mouse.move(at.x, at.y);
      const ms = await nextFrameAfter(page, "move", before, 10_000);
      // A tool that drew no highlight the first time will not the next: each try would wait out the timeout.
      if (ms === null) break;
      hovers.push(ms);
    }
    lap(`hovers ${hovers.length}/${reps.hovers}`);
    record("hover to highlighted frame (median)", hovers.length ? median(hovers) : null, "ms", hovers.length ? undefined : "no highlight drawn");
    await page.mouse.move(away.x, away.y);

    const heap = await page.evaluate(() => {
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return memory ? memory.usedJSHeapSize / 1048576 : NaN;
    });
    record("JS heap", heap, "MiB");
  } finally {
    await page.close();
  }
  return figures;
}
