/**
 * No script injection: the built page's Content-Security-Policy, and the
 * hostile corpus (tests/fixtures/hostile/) opened every way a reader can
 * (dropped, picked, ?data=, embedded) and walked through every panel. A test
 * fails if any payload runs (it sets window.__pwned or calls alert), if the
 * policy reports a violation, or if the page breaks.
 */
import { readFileSync } from "node:fs";
import { DOMParser as XmlDomParser } from "@xmldom/xmldom";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nodePoint, openOn, settled, useBrowser, type OpenPage } from "./harness";

declare global {
  interface Window {
    /** What a payload sets when it runs. */
    __pwned?: unknown;
    /** Every Content-Security-Policy violation the page reported. */
    __violations?: string[];
  }
}

interface HostileDataset {
  meta: { title: { en: string } };
  actors: { id: string; label: { en: string } }[];
  relations: { id: string; source: string; target: string }[];
}

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url), "utf8");
const HOSTILE_JSON = fixture("hostile.json");
const hostile = JSON.parse(HOSTILE_JSON) as HostileDataset;
const DATA_ORIGIN = "https://data.example.test";

let browser: Browser;
useBrowser((launched) => (browser = launched));

interface Watched extends OpenPage {
  dialogs: string[];
}

/** Opens the app with traps set before any of its scripts run: violations, alerts, and the payloads' flag. */
async function openWatched(query = ""): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__violations!.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // ?data= addresses on another origin, as a newsroom's data host would serve them.
  await page.route(`${DATA_ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: HOSTILE_JSON }),
  );
  const opened = await openOn(page, query);
  return { ...opened, dialogs };
}


/** Nothing ran, nothing was blocked, nothing threw, and the graph is still there. */
async function expectUnharmed(watched: Watched, nodes: number): Promise<void> {
  const { page, errors, dialogs } = watched;
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => window.entente!.nodeCount())).toBe(nodes);
  expect(await page.locator("#graph").isVisible()).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe("none");
  // The payloads' elements were never made: they are text, not markup.
  expect(await page.locator("body script, body img, body iframe, body object, body details, body math, body style").count()).toBe(0);
}

async function drop(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: "text/plain" }));
      return transfer;
    },
    { name, text },
  );
  await page.dispatchEvent("body", "dragenter", { dataTransfer });
  await page.dispatchEvent("body", "dragover", { dataTransfer });
  await page.dispatchEvent("body", "drop", { dataTransfer });
}

/** Export text from the share dialog, checked in the page's own XML parser. */
async function exported(page: Page, format: "svg" | "gexf"): Promise<{ text: string; error: string | null; scripts: number; handlers: number }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`#export-${format}`).click()]);
  const text = readFileSync((await download.path())!, "utf8");
  const checked = await page.evaluate(
    ({ text, type }) => {
      const doc = new DOMParser().parseFromString(text, type);
      const all = [...doc.getElementsByTagName("*")];
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        scripts: all.filter((e) => ["script", "foreignObject", "iframe", "img"].includes(e.localName)).length,
        handlers: all.flatMap((e) => [...e.attributes]).filter((a) => /^on/i.test(a.name)).length,
      };
    },
    { text, type: (format === "svg" ? "image/svg+xml" : "application/xml") as DOMParserSupportedType },
  );
  return { text, ...checked };
}

/** Tags, the script's src and event-handler attributes of an HTML fragment, as xmldom's HTML parser reads it. */
function parseHtml(html: string): { tags: string[]; script: string; handlers: number } {
  const doc = new XmlDomParser().parseFromString(`<div>${html}</div>`, "text/html");
  const list = doc.getElementsByTagName("*");
  const all: Element[] = [];
  // The first element is the wrapping <div>.
  for (let i = 1; i < list.length; i++) all.push(list[i]!);
  return {
    tags: all.map((e) => e.localName),
    script: all.find((e) => e.localName === "script")?.getAttribute("src") ?? "",
    handlers: all.flatMap((e) => Array.from({ length: e.attributes.length }, (_, i) => e.attributes[i]!.name)).filter((n) => /^on/i.test(n)).length,
  };
}

/** What a curious reader does with a dataset: hover, click, table, search, share, export. */
async function walkThrough(watched: Watched, actorIds: string[], query: string): Promise<void> {
  const { page } = watched;
  const [first, second] = actorIds as [string, string];
  const details = page.locator("#details");

  // The importer's warnings (dropped javascript: addresses, made-up types) are read and dismissed.
  const dismiss = page.getByRole("button", { name: "Dismiss" });
  if (await dismiss.isVisible()) {
    expect(await page.locator("#notices").innerText()).toContain("<script>");
    await dismiss.click();
  }
  // An edge first: somewhere along the straight line between two actors, once the view stays put (an
  // actor selected in the address is brought into view as the page opens, the camera moving a while:
  // nodePoint waits for it).
  const [from, to] = [await nodePoint(page, first), await nodePoint(page, second)];
  // Along the line rather than at one point: a dashed (hostile) relation has gaps.
  let onEdge: { x: number; y: number } | undefined;
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const normal = { x: -(to.y - from.y) / length, y: (to.x - from.x) / length };
  // Thin lines are a pixel wide: try a pixel to either side too.
  const tries = [0.5, 0.4, 0.6, 0.3, 0.7].flatMap((t) => [0, 1, -1].map((offset) => ({ t, offset })));
  for (const { t, offset } of tries) {
    const point = { x: from.x + (to.x - from.x) * t + normal.x * offset, y: from.y + (to.y - from.y) * t + normal.y * offset };
    await page.mouse.move(point.x, point.y);
    // Sigma finds what is under the pointer from its picking pass, drawn with the next frame.
    await page.waitForTimeout(120);
    if ((await page.evaluate(() => document.getElementById("graph")!.style.cursor)) === "pointer") {
      onEdge = point;
      break;
    }
  }
  expect(onEdge, "hovering the relation's line").toBeDefined();
  await page.mouse.click(onEdge!.x, onEdge!.y);
  await expect.poll(() => page.evaluate(() => window.entente!.view().selected?.kind)).toBe("relation");
  await expect.poll(() => details.locator("blockquote").count()).toBeGreaterThan(0);
  expect(await details.locator("blockquote").first().innerText()).toMatch(/<|&|onerror|javascript|\{\{/);
  for (const href of await details.locator("a[href]").evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).href))) {
    expect(href).toMatch(/^https?:/);
  }

  // Then a node, once the relation's panel is closed: hovered, then clicked.
  await page.keyboard.press("Escape");
  await expect.poll(() => details.isHidden()).toBe(true);
  const a = await nodePoint(page, first);
  await page.mouse.move(a.x, a.y);
  await expect.poll(() => page.evaluate(() => document.getElementById("graph")!.style.cursor)).toBe("pointer");
  await page.mouse.click(a.x, a.y);
  await expect.poll(() => page.evaluate(() => window.entente!.view().selected)).toEqual({ kind: "actor", id: first });
  expect(await details.isVisible()).toBe(true);
  // The payload is shown as the text it is.
  expect(await details.locator("h2").innerText()).toContain("<");

  await page.locator("#table-open").click();
  await expect.poll(() => page.locator("#table-view tbody tr").count()).toBeGreaterThan(0);
  await page.locator("#table-view tbody tr").first().click();
  await page.locator("#table-open").click();

  await page.locator("#search").fill(query);
  await expect.poll(() => page.locator("#search-suggestions li").count()).toBeGreaterThan(0);
  expect(await page.locator("#search-suggestions").innerText()).toContain(query);
  await page.locator("#search").fill("");

  await page.locator("#share-open").click();
  const code = await page.locator("#share-code").inputValue();
  // The embed code a newsroom pastes: one iframe and the host script, whatever the title says.
  // Parsed here, not in the page: the page's policy would (rightly) report the code's style attribute.
  const pasted = parseHtml(code);
  expect(pasted.tags).toEqual(["iframe", "script"]);
  expect(pasted.script).toMatch(/\/embed\.js$/);
  expect(pasted.handlers).toBe(0);

  for (const format of ["svg", "gexf"] as const) {
    const out = await exported(page, format);
    expect(out.error, format).toBeNull();
    expect(out.text, format).not.toMatch(/<script/i);
    expect(out.scripts, format).toBe(0);
    expect(out.handlers, format).toBe(0);
  }
  await page.keyboard.press("Escape");
}

describe("Content-Security-Policy", () => {
  it("the built page carries a strict policy: own-origin scripts and workers, no inline script, no eval", async () => {
    const watched = await openWatched("?lang=fa");
    const { page } = watched;
    await settled(page);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).not.toBeNull();
    const directives = new Map(policy!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("worker-src")).toEqual(["'self'"]);
    expect(directives.get("style-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("connect-src")).toEqual(expect.arrayContaining(["'self'", "https:", "http:"]));
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    // It is enforced: an inline script added now does not run, and is reported.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__pwned = 'inline'";
      document.body.append(script);
    });
    await expect.poll(() => page.evaluate(() => window.__violations!.length)).toBe(1);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    // Nor does code from a string (the devtools protocol that runs this test is exempt itself, a timer is not).
    await page.evaluate(() => setTimeout("window.__pwned = 'eval'" as unknown as () => void, 0));
    await expect.poll(() => page.evaluate(() => window.__violations!.length)).toBe(2);
    expect(await page.evaluate(() => window.__violations![1])).toMatch(/script-src/);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    await page.close();
  });

  it("reports no violation while the app loads, styles and fonts load, a file is imported and exported", async () => {
    const watched = await openWatched("?lang=fa");
    const { page } = watched;
    await settled(page);
    await page.evaluate(() => document.fonts.ready);
    // Styles and the Persian font came from the app's own origin despite the policy.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Vazirmatn/);
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes("Vazirmatn") && f.status === "loaded"))).toBe(true);
    await drop(page, "relations.csv", "source,target,type\natlantis,borduria,tension\nborduria,carpathia,cooperation\n");
    await expect.poll(() => page.evaluate(() => window.entente!.nodeCount()), { timeout: 20_000 }).toBe(3);
    await settled(page);
    await page.locator("#share-open").click();
    await Promise.all([page.waitForEvent("download"), page.locator("#export-png").click()]);
    await Promise.all([page.waitForEvent("download"), page.locator("#export-svg").click()]);
    await page.keyboard.press("Escape");
    await expectUnharmed(watched, 3);
    await page.close();
  });

  it("reports no violation in embed mode", async () => {
    const watched = await openWatched("?embed=1&lang=en");
    await settled(watched.page);
    const id = (await watched.page.evaluate(() => window.entente!.shown().actors))[0]!;
    const point = await nodePoint(watched.page, id);
    await watched.page.mouse.click(point.x, point.y);
    await expect.poll(() => watched.page.locator("#card").isVisible()).toBe(true);
    await expectUnharmed(watched, 13);
    await watched.page.close();
  });
});

describe("the hostile corpus runs nothing", () => {
  const ids = hostile.actors.map((a) => a.id);
  // Two actors joined by a relation, so that the walk can click the relation between them.
  const pair = [hostile.relations[0]!.source, hostile.relations[0]!.target];

  it("dropped as Entente JSON", async () => {
    const watched = await openWatched();
    await settled(watched.page);
    await drop(watched.page, "hostile.json", HOSTILE_JSON);
    await expect.poll(() => watched.page.evaluate(() => window.entente!.nodeCount()), { timeout: 20_000 }).toBe(ids.length);
    await settled(watched.page);
    expect(await watched.page.title()).toContain("Hostile dataset");
    await walkThrough(watched, pair, "Actor");
    await expectUnharmed(watched, ids.length);
    await watched.page.close();
  });

  it("picked as CSV", async () => {
    const watched = await openWatched();
    await settled(watched.page);
    await watched.page.setInputFiles("#file-input", { name: "hostile.csv", mimeType: "text/csv", buffer: Buffer.from(fixture("hostile.csv")) });
    await expect.poll(() => watched.page.evaluate(() => window.entente!.nodeCount()), { timeout: 20_000 }).toBe(ids.length);
    await settled(watched.page);
    await walkThrough(watched, pair, "script");
    await expectUnharmed(watched, ids.length);
    await watched.page.close();
  });

  it("dropped as GEXF", async () => {
    const watched = await openWatched();
    await settled(watched.page);
    await drop(watched.page, "hostile.gexf", fixture("hostile.gexf"));
    await expect.poll(() => watched.page.evaluate(() => window.entente!.nodeCount()), { timeout: 20_000 }).toBe(ids.length);
    await settled(watched.page);
    await walkThrough(watched, pair, "بازیگر");
    await expectUnharmed(watched, ids.length);
    await watched.page.close();
  });

  it("loaded by the page from ?data=, with a hostile id selected in the address", async () => {
    const data = encodeURIComponent(`${DATA_ORIGIN}/hostile.json`);
    const watched = await openWatched(`?data=${data}&selected=${encodeURIComponent(ids[0]!)}`);
    await settled(watched.page);
    expect(await watched.page.evaluate(() => window.entente!.view().selected)).toEqual({ kind: "actor", id: ids[0] });
    expect(await watched.page.locator("#details h2").innerText()).toBe(hostile.actors[0]!.label.en);
    await walkThrough(watched, pair, "Actor");
    await expectUnharmed(watched, ids.length);
    await watched.page.close();
  });

  it("embedded from ?data=, with a tap on a node", async () => {
    const data = encodeURIComponent(`${DATA_ORIGIN}/hostile.json`);
    const watched = await openWatched(`?embed=1&data=${data}`);
    await settled(watched.page);
    expect(await watched.page.locator(".embed-title").innerText()).toBe(hostile.meta.title.en);
    const point = await nodePoint(watched.page, ids[1]!);
    await watched.page.mouse.click(point.x, point.y);
    await expect.poll(() => watched.page.locator("#card").isVisible()).toBe(true);
    expect(await watched.page.locator("#card").innerText()).toContain(hostile.actors[1]!.label.en);
    await expectUnharmed(watched, ids.length);
    await watched.page.close();
  });
});
