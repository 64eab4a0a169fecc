/**
 * Entente embedded in a news article, as a newsroom would do it: the article
 * page (tests/host/article.html) on its own origin, the app in cross-origin
 * iframes, and public/embed.js on the article page sizing them.
 *
 * "embed.js (host script)" checks the host script alone, against fake embeds,
 * so it does not depend on the app's embed mode. "embeds in an article" checks
 * the real embed mode in the article.
 */
import { readFileSync } from "node:fs";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch } from "./harness";

interface RawDataset {
  meta: { source: { url: string } };
  relations: { id: string; type: string }[];
}

interface Recorded {
  /** Index of the article's iframe that sent it, or -1 for any other window. */
  from: number;
  data: unknown;
}

declare global {
  interface Window {
    /** The flag embed.js sets so that a second copy does nothing. */
    __ententeEmbed?: unknown;
    /** Every style.height each iframe[data-entente] was given, in order. */
    __heights?: string[][];
    /** Every message the article received, recorded after embed.js handled it. */
    __received?: Recorded[];
    /** How many "message" listeners were added to the article's window. */
    __messageListeners?: number;
  }
}

const dataset = JSON.parse(
  readFileSync(new URL("../../data/russia-france-coalition.json", import.meta.url), "utf8"),
) as RawDataset;
const article = readFileSync(new URL("../host/article.html", import.meta.url), "utf8");

const HOST = "https://news.example.test";
const ARTICLE = `${HOST}/article.html`;
const WIDGETS = "https://widgets.example.test";
const ELSEWHERE = "https://elsewhere.example.test";

/**
 * A stand-in for an embed: posts a resize on load when asked to with ?h=, and
 * otherwise waits for the test to post from inside it.
 */
const FAKE_EMBED = `<!doctype html>
<html><head><meta charset="utf-8"><title>fake embed</title></head>
<body style="margin:0"><p>fake embed</p>
<script>
  var h = new URLSearchParams(location.search).get("h");
  if (h !== null) parent.postMessage({ type: "entente:resize", height: Number(h) }, "*");
</script></body></html>`;

/** A resize that embed.js must ignore, built inside the sending frame (NaN and Infinity included). */
const INVALID = [
  "height as a string",
  "negative height",
  "zero height",
  "height above 20000",
  "NaN height",
  "infinite height",
  "another type",
  "no type",
  "no height",
  "a bare string",
  "an array",
  "null",
] as const;

let browser: Browser;
/** public/embed.js as the built app serves it. */
let embedJs: string;
beforeAll(async () => {
  browser = await launch();
  // Fetched once here rather than per request: Chromium's conditional requests would get 304s from the preview server.
  const response = await fetch(`${baseUrl()}embed.js`);
  if (!response.ok) throw new Error(`the built app serves no embed.js (${response.status})`);
  embedJs = await response.text();
});
afterAll(async () => {
  await browser?.close();
});

interface Host {
  page: Page;
  errors: string[];
}

/** Opens the article on its own origin, with embed.js fetched from the built app. */
async function openArticle(before?: (page: Page) => Promise<void>): Promise<Host> {
  // The article is on a public origin and the app on loopback: without this permission Chromium's
  // Local Network Access checks block the iframes. Real articles and embeds are both public.
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, permissions: ["local-network-access"] });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route(`${HOST}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === "/article.html") {
      return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: article });
    }
    if (path === "/embed.js") {
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: embedJs });
    }
    return route.fulfill({ status: 404, body: "" });
  });
  for (const origin of [WIDGETS, ELSEWHERE]) {
    await page.route(`${origin}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: FAKE_EMBED }),
    );
  }
  await before?.(page);
  await page.goto(ARTICLE);
  await page.waitForFunction(() => window.__ententeEmbed !== undefined);
  // Installed after embed.js, so when this listener has seen a message, embed.js has handled it.
  await page.evaluate(() => {
    const iframes = [...document.querySelectorAll<HTMLIFrameElement>("iframe[data-entente]")];
    window.__heights = iframes.map(() => []);
    window.__received = [];
    iframes.forEach((iframe, i) => {
      new MutationObserver(() => window.__heights![i]!.push(iframe.style.height)).observe(iframe, {
        attributes: true,
        attributeFilter: ["style"],
      });
    });
    window.addEventListener("message", (event) => {
      const from = iframes.findIndex((iframe) => iframe.contentWindow === event.source);
      window.__received!.push({ from, data: event.data });
    });
  });
  return { page, errors };
}

const heights = (page: Page) => page.evaluate(() => window.__heights!);
const styleHeight = (page: Page, index: number) =>
  page.evaluate((i) => document.querySelectorAll<HTMLIFrameElement>("iframe[data-entente]")[i]!.style.height, index);
const receivedCount = (page: Page) => page.evaluate(() => window.__received!.length);

/**
 * Points the article's index-th Entente iframe at url and returns its frame once
 * loaded. The iframes are loading="lazy", so each is scrolled into view first.
 */
async function load(page: Page, index: number, url: string, timeout = 15_000): Promise<Frame> {
  const iframe = page.locator("iframe[data-entente]").nth(index);
  await iframe.evaluate((element: HTMLIFrameElement, src) => {
    element.src = src;
  }, url);
  await iframe.scrollIntoViewIfNeeded();
  const handle = await iframe.elementHandle();
  // Matched by address without the query: the app may rewrite its query once it runs.
  const wanted = new URL(url);
  const arrived = async () => {
    const frame = await handle!.contentFrame();
    if (!frame || frame.url() === "about:blank") return null;
    const at = new URL(frame.url());
    return at.origin === wanted.origin && at.pathname === wanted.pathname ? frame : null;
  };
  await expect.poll(async () => (await arrived()) !== null, { timeout, message: `iframe ${index} never loaded ${url}` }).toBe(true);
  const frame = (await arrived())!;
  await frame.waitForLoadState("load", { timeout });
  return frame;
}

/** Posts a message to the article from inside frame, then waits until the article has handled it. */
async function postFrom(frame: Frame, page: Page, build: (typeof INVALID)[number] | { height: number }): Promise<void> {
  const before = await receivedCount(page);
  await frame.evaluate((what) => {
    const type = "entente:resize";
    const messages: Record<string, unknown> = {
      "height as a string": { type, height: "999" },
      "negative height": { type, height: -5 },
      "zero height": { type, height: 0 },
      "height above 20000": { type, height: 1e9 },
      "NaN height": { type, height: NaN },
      "infinite height": { type, height: Infinity },
      "another type": { type: "other", height: 300 },
      "no type": { height: 300 },
      "no height": { type },
      "a bare string": type,
      "an array": [type, 300],
      null: null,
    };
    parent.postMessage(typeof what === "string" ? messages[what] : { type, height: what.height }, "*");
  }, build);
  await expect.poll(() => receivedCount(page)).toBeGreaterThan(before);
}

describe("embed.js (host script)", () => {
  it("sizes the Entente iframe whose window posted, and no other", { timeout: 45_000 }, async () => {
    const { page, errors } = await openArticle();
    await load(page, 0, `${WIDGETS}/fake.html?slot=0&h=777`);
    const second = await load(page, 1, `${WIDGETS}/fake.html?slot=1`);
    await expect.poll(() => styleHeight(page, 0)).toBe("777px");
    expect(await styleHeight(page, 1)).toBe("480px");
    expect(await heights(page)).toEqual([["777px"], []]);
    // Fractions are rounded up, so the content is never cut by a pixel.
    await postFrom(second, page, { height: 612.2 });
    expect(await heights(page)).toEqual([["777px"], ["613px"]]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("ignores messages that are not a valid resize, and messages from other windows", { timeout: 45_000 }, async () => {
    const { page, errors } = await openArticle();
    const frame = await load(page, 0, `${WIDGETS}/fake.html?slot=0`);
    for (const invalid of INVALID) {
      await postFrom(frame, page, invalid);
      expect(await heights(page), invalid).toEqual([[], []]);
    }
    // The article's own window is no embed.
    await page.evaluate(() => window.postMessage({ type: "entente:resize", height: 321 }, "*"));
    await expect.poll(() => receivedCount(page)).toBe(INVALID.length + 1);
    expect(await heights(page)).toEqual([[], []]);

    // Iframes added later: one that is not Entente's, one that the src rule recognises.
    const added = await page.evaluate(
      ([plain, odd, recognised]) =>
        [plain, odd, recognised].map((src, i) => {
          const iframe = document.createElement("iframe");
          iframe.id = `added-${i}`;
          iframe.style.height = "150px";
          iframe.src = src!;
          document.querySelector("article")!.prepend(iframe);
          return iframe.id;
        }),
      [
        `${WIDGETS}/fake.html?h=333`,
        // embed=1, but the path is not the app's.
        `${WIDGETS}/widgets/chart.html?embed=1&h=334`,
        `${WIDGETS}/?embed=1&lang=en&h=444`,
      ],
    );
    await expect.poll(() => page.evaluate(() => document.getElementById("added-2")!.style.height)).toBe("444px");
    await expect.poll(() => receivedCount(page)).toBe(INVALID.length + 4);
    const addedHeights = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)!.style.height),
      added,
    );
    expect(addedHeights).toEqual(["150px", "150px", "444px"]);

    // After all that, the frame that was ignored can still resize its iframe.
    await postFrom(frame, page, { height: 500 });
    expect(await heights(page)).toEqual([["500px"], []]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("ignores an Entente iframe once it has been navigated to another origin", { timeout: 45_000 }, async () => {
    const { page } = await openArticle();
    const frame = await load(page, 0, `${WIDGETS}/fake.html?slot=0`);
    const before = await receivedCount(page);
    // The src attribute still names the widget origin; the page now in the frame does not come from it.
    await frame.evaluate((url) => {
      location.href = url;
    }, `${ELSEWHERE}/fake.html?h=666`);
    await expect.poll(() => receivedCount(page)).toBeGreaterThan(before);
    const last = await page.evaluate(() => window.__received!.at(-1)!);
    expect(last).toEqual({ from: 0, data: { type: "entente:resize", height: 666 } });
    expect(await heights(page)).toEqual([[], []]);
    await page.context().close();
  });

  it("installs one listener when loaded twice, and keeps working", { timeout: 45_000 }, async () => {
    const { page, errors } = await openArticle(async (page) => {
      await page.addInitScript(() => {
        if (window.top !== window) return;
        window.__messageListeners = 0;
        const add = EventTarget.prototype.addEventListener;
        EventTarget.prototype.addEventListener = function (
          this: EventTarget,
          type: string,
          listener: EventListenerOrEventListenerObject | null,
          options?: boolean | AddEventListenerOptions,
        ) {
          if (this === window && type === "message") window.__messageListeners! += 1;
          add.call(this, type, listener, options);
        };
      });
    });
    // openArticle's own recording listener counts as one.
    expect(await page.evaluate(() => window.__messageListeners)).toBe(2);
    for (let i = 0; i < 2; i++) {
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const script = document.createElement("script");
            script.src = "/embed.js";
            script.onload = () => resolve();
            script.onerror = () => reject(new Error("embed.js did not load"));
            document.body.append(script);
          }),
      );
    }
    expect(await page.evaluate(() => window.__messageListeners)).toBe(2);
    await load(page, 0, `${WIDGETS}/fake.html?slot=0&h=777`);
    await expect.poll(() => styleHeight(page, 0)).toBe("777px");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

// The real embed: these need the app's embed mode (?embed=1).

const EMBEDS = ["embed=1&lang=en", "embed=1&lang=fa&types=tension"] as const;
const embedUrl = (index: number) => `${baseUrl()}index.html?${EMBEDS[index]}`;
/** How long an embed gets to load, lay out and report its height. */
const EMBED_READY = 20_000;

const resizesFrom = (page: Page, index: number) =>
  page.evaluate(
    (i) =>
      window.__received!.filter(
        (r): r is { from: number; data: { type: string; height: number } } =>
          r.from === i && (r.data as { type?: unknown } | null)?.type === "entente:resize",
      ),
    index,
  );

/**
 * Loads the index-th embed into the article and waits, with the embed in view,
 * until it is drawn and has reported its height. In view because Chromium stops
 * rendering cross-origin iframes scrolled out of sight: an embed out of view
 * would neither settle nor report.
 */
async function loadEmbed(page: Page, index: number): Promise<Frame> {
  const frame = await load(page, index, embedUrl(index), EMBED_READY);
  await frame.waitForSelector("body[data-state=settled]", { state: "attached", timeout: EMBED_READY });
  await expect
    .poll(async () => (await resizesFrom(page, index)).length, {
      timeout: EMBED_READY,
      message: `embed ${index} never posted entente:resize`,
    })
    .toBeGreaterThan(0);
  return frame;
}

describe("embeds in an article", () => {
  it("is a long article with the two embeds between its paragraphs", async () => {
    const { page } = await openArticle();
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(3000);
    const queries = await page.locator("iframe[data-entente]").evaluateAll((iframes) =>
      iframes.map((iframe) => iframe.getAttribute("data-src-query")),
    );
    expect(queries).toEqual([...EMBEDS]);
    await page.context().close();
  });

  it("sizes each embed to its content", { timeout: 45_000 }, async () => {
    const { page, errors } = await openArticle();
    for (const index of [0, 1]) {
      const frame = await loadEmbed(page, index);
      // The embed may report more than once while it settles; the last report wins.
      await expect
        .poll(
          async () => {
            const reported = (await resizesFrom(page, index)).at(-1)!.data.height;
            const applied = Number.parseFloat(await styleHeight(page, index));
            const content = await frame.evaluate(() => document.documentElement.scrollHeight);
            return { applied: applied === Math.ceil(reported), fits: Math.abs(applied - content) <= 2 };
          },
          { timeout: 10_000 },
        )
        .toEqual({ applied: true, fits: true });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets a wheel over an inactive embed scroll the article", { timeout: 45_000 }, async () => {
    const { page } = await openArticle();
    const frame = await loadEmbed(page, 0);
    const iframe = page.locator("iframe[data-entente]").first();
    await iframe.scrollIntoViewIfNeeded();
    const box = (await iframe.boundingBox())!;
    const start = await page.evaluate(() => window.scrollY);
    // The middle of the part of the embed in view: the resized embed may be taller than the window.
    const top = Math.max(box.y, 0);
    const bottom = Math.min(box.y + box.height, page.viewportSize()!.height);
    await page.mouse.move(box.x + box.width / 2, (top + bottom) / 2);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(start);
    expect(await frame.evaluate(() => document.querySelector("#graph") !== null)).toBe(true);
    await page.context().close();
  });

  it("shows only the tensions in the embed with types=tension", { timeout: 45_000 }, async () => {
    const { page } = await openArticle();
    const frame = await loadEmbed(page, 1);
    const shown = await frame.evaluate(() => window.entente!.shown().relations);
    const tensions = dataset.relations.filter((r) => r.type === "tension").map((r) => r.id);
    expect(tensions.length).toBeGreaterThan(0);
    expect([...shown].sort()).toEqual([...tensions].sort());
    await page.context().close();
  });

  it("an embed tells the article its height and nothing else, and heeds nothing posted to it", { timeout: 45_000 }, async () => {
    const { page, errors } = await openArticle();
    const frame = await loadEmbed(page, 0);
    // Everything the embed posted: only height reports, each with exactly a type and a number.
    const sent = await page.evaluate(() => window.__received!.filter((r) => r.from === 0).map((r) => r.data));
    expect(sent.length).toBeGreaterThan(0);
    for (const data of sent) {
      expect(Object.keys(data as object).sort()).toEqual(["height", "type"]);
      expect(data).toMatchObject({ type: "entente:resize", height: expect.any(Number) });
    }
    // The article (or anyone holding the iframe's window) posts into the embed: nothing changes.
    const before = await frame.evaluate(() => ({ view: window.entente!.view(), url: location.href }));
    await page.evaluate(() => {
      const target = document.querySelector<HTMLIFrameElement>("iframe[data-entente]")!.contentWindow!;
      for (const message of [
        { type: "entente:view", view: { types: [], selected: { kind: "actor", id: "russia" } } },
        { type: "entente:resize", height: 1 },
        "<img src=x onerror=window.__pwned=1>",
        { data: "?types=&lang=fa" },
      ]) {
        target.postMessage(message, "*");
      }
    });
    await page.waitForTimeout(300);
    expect(await frame.evaluate(() => ({ view: window.entente!.view(), url: location.href }))).toEqual(before);
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("credits the source in each embed", { timeout: 45_000 }, async () => {
    const { page } = await openArticle();
    expect(dataset.meta.source.url).toBe("https://p.dw.com/p/1HDEF");
    for (const index of [0, 1]) {
      const frame = await loadEmbed(page, index);
      expect(await frame.locator("a.attribution-source").getAttribute("href", { timeout: 5_000 })).toBe(
        dataset.meta.source.url,
      );
    }
    await page.context().close();
  });
});
