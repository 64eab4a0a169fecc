/**
 * The embed on its own (`?embed=1`) and the full app's way of getting it:
 * compact legend, card, attribution, theme and height, no scroll hijack,
 * the share dialog's code, and the PNG and SVG exports.
 */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, colorDistance, hex, lookAtGraph, nodePoint, open, settled, useBrowser } from "./harness";

interface RawDataset {
  actors: { id: string; label: Record<string, string> }[];
  relations: { id: string; source: string; target: string; type: string; evidence: { quote: string }[] }[];
}
const dataset = JSON.parse(readFileSync(new URL("../../data/russia-france-coalition.json", import.meta.url), "utf8")) as RawDataset;

let browser: Browser;
useBrowser((launched) => (browser = launched));

describe("embed mode", () => {
  it("shows the graph, the title, a compact legend and the attribution, and no other chrome", async () => {
    const { page, errors } = await open(browser, "?embed=1", { width: 800, height: 700 });
    await settled(page);
    expect(await page.locator(".embed-title").innerText()).toContain("Russia declares readiness");
    expect(await page.locator("#search").count()).toBe(0);
    expect(await page.locator("#legend").count()).toBe(0);
    expect(await page.locator(".embed-legend input[type=checkbox]").count()).toBeGreaterThan(3);
    const source = page.locator("a.attribution-source");
    expect(await source.getAttribute("href")).toBe("https://p.dw.com/p/1HDEF");
    expect(await source.innerText()).toContain("DW Persian");
    const full = await page.locator("a.attribution-full").getAttribute("href");
    expect(new URL(full!).searchParams.has("embed")).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("loads none of the full app's code: no panels, no exports, no validator", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const scripts: { url: string; body: Promise<string> }[] = [];
    page.on("response", (response) => {
      if (/\.js$/.test(new URL(response.url()).pathname)) scripts.push({ url: response.url(), body: response.text() });
    });
    await page.goto(`${baseUrl()}?embed=1&lang=en`);
    await settled(page);
    const names = scripts.map((script) => new URL(script.url).pathname.split("/").pop()!);
    expect(names.some((name) => name.startsWith("embed-"))).toBe(true);
    for (const chunk of ["full-", "look-", "validate-", "share", "insights", "table"]) expect(names.filter((name) => name.startsWith(chunk))).toEqual([]);
    // The SVG export is the full app's: a module the embed shares with it (a helper of the poster's)
    // once brought all of it into the embed's code.
    const bodies = await Promise.all(scripts.map((script) => script.body));
    expect(bodies.filter((body) => body.includes("http://www.w3.org/2000/svg"))).toEqual([]);
    await page.close();
  });

  it("looks as the full app does: the same sizes by default, and a shared view's sizes and colours", async () => {
    const looks = async (query: string) => {
      const { page, errors } = await open(browser, query);
      await settled(page);
      const look = await page.evaluate(
        (ids) => ids.map((id) => [id, window.entente!.nodeSize(id), window.entente!.nodeColor(id)] as const),
        dataset.actors.map((a) => a.id),
      );
      // What a person sees: NATO's disc in the colour its look gives it.
      const nato = await page.evaluate(() => window.entente!.nodePosition("nato"));
      const { colors } = await lookAtGraph(page, [nato!]);
      const natoColor = look.find(([id]) => id === "nato")![2]!;
      expect(colorDistance(colors[0]!, hex(natoColor)), query).toBeLessThan(40);
      expect(errors).toEqual([]);
      await page.close();
      return look;
    };
    const plain = await looks("?embed=1");
    expect(plain).toEqual(await looks(""));
    const shared = await looks("?embed=1&size=betweenness&color=community");
    expect(shared).toEqual(await looks("?size=betweenness&color=community"));
    // The shared view is another look: some sizes and some colours differ from the first one.
    expect(shared.filter(([id, size]) => plain.find(([other]) => other === id)![1] !== size).length).toBeGreaterThan(3);
    expect(shared.filter(([id, , color]) => plain.find(([other]) => other === id)![2] !== color).length).toBeGreaterThan(3);
  });

  it("keys the actors' colours under the chips: their kinds by default, a shared view's communities", async () => {
    /** The key's entries as a reader sees them: each swatch's colour and its name. */
    const keyOf = async (query: string) => {
      const { page, errors } = await open(browser, query);
      await settled(page);
      const entries = await page.locator(".embed-legend .node-key li").evaluateAll((items) =>
        items.map((item) => ({
          color: getComputedStyle(item.querySelector(".swatch")!).backgroundColor,
          label: item.textContent ?? "",
        })),
      );
      const colorOf = (id: string) => page.evaluate((actor) => window.entente!.nodeColor(actor)!, id);
      const drawn = { russia: await colorOf("russia"), nato: await colorOf("nato"), putin: await colorOf("putin") };
      expect(errors).toEqual([]);
      await page.close();
      return { entries, drawn };
    };
    /** "#rrggbb" as getComputedStyle writes it. */
    const rgb = (color: string) => `rgb(${hex(color).join(", ")})`;

    const kinds = await keyOf("?embed=1");
    expect(kinds.entries.map((entry) => entry.label)).toEqual(["State", "Organization", "Person", "Armed group", "Region"]);
    // The swatch a reader matches a disc against is that disc's colour.
    expect(kinds.entries.find((entry) => entry.label === "State")!.color).toBe(rgb(kinds.drawn.russia));
    expect(kinds.entries.find((entry) => entry.label === "Organization")!.color).toBe(rgb(kinds.drawn.nato));
    expect(kinds.entries.find((entry) => entry.label === "Person")!.color).toBe(rgb(kinds.drawn.putin));

    const communities = await keyOf("?embed=1&color=community");
    expect(communities.entries.length).toBeGreaterThan(1);
    // Each community is named by its members, the actors in none keyed last (Russia among them here,
    // with no ally in the article): every colour drawn has its entry.
    expect(communities.entries.at(-1)!.label).toBe("in no community");
    for (const drawn of Object.values(communities.drawn)) expect(communities.entries.map((entry) => entry.color)).toContain(rgb(drawn));
    for (const entry of communities.entries) expect(entry.label).toMatch(/\p{L}/u);
    expect(communities.entries.map((entry) => entry.label)).not.toContain("State");
  });

  it("?embed=1&types=tension shows only the tensions, and the legend still filters", async () => {
    const { page } = await open(browser, "?embed=1&types=tension");
    await settled(page);
    const tensions = dataset.relations.filter((r) => r.type === "tension").map((r) => r.id).sort();
    expect((await page.evaluate(() => window.entente!.shown().relations)).sort()).toEqual(tensions);
    expect(await page.locator(".embed-legend input[data-type=tension]").isChecked()).toBe(true);
    expect(await page.locator(".embed-legend input[data-type=cooperation]").isChecked()).toBe(false);
    await page.locator(".embed-legend label[data-type=cooperation]").click();
    const cooperation = dataset.relations.filter((r) => r.type === "cooperation").length;
    expect(await page.evaluate(() => window.entente!.shown().relations.length)).toBe(tensions.length + cooperation);
    // The embed keeps its own parameters in its address, and the attribution's link follows the view.
    expect(new URL(page.url()).searchParams.get("embed")).toBe("1");
    const full = new URL((await page.locator("a.attribution-full").getAttribute("href"))!);
    expect(full.searchParams.get("types")).toBe("cooperation,tension");
    await page.close();
  });

  it("a tap on a node shows a compact card, and a relation in it shows its evidence", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 700 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}?embed=1&lang=en`);
    await settled(page);
    const russia = await nodePoint(page, "russia");
    await page.touchscreen.tap(russia.x, russia.y);
    const card = page.locator("#card");
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.locator("h2").innerText()).toBe("Russia");
    await card.locator(".relation-link").first().click();
    await expect.poll(() => card.locator("article.relation").count()).toBe(1);
    const quote = (await card.locator("blockquote").first().innerText()).trim();
    const russias = dataset.relations.filter((r) => r.source === "russia" || r.target === "russia").flatMap((r) => r.evidence.map((e) => e.quote));
    expect(russias).toContain(quote);
    // Fits a 320 px phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });

  it("does not zoom on a plain wheel until clicked, and says how to zoom", async () => {
    const { page } = await open(browser, "?embed=1");
    await settled(page);
    const before = await page.evaluate(() => window.entente!.nodePosition("france"));
    const box = (await page.locator("#graph").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await expect.poll(() => page.locator(".scroll-hint").isVisible()).toBe(true);
    expect(await page.locator(".scroll-hint").innerText()).toContain("Ctrl + scroll");
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => window.entente!.nodePosition("france"))).toEqual(before);
    // Ctrl + wheel zooms.
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, -400);
    await page.keyboard.up("Control");
    await expect.poll(() => page.evaluate(() => window.entente!.nodePosition("france"))).not.toEqual(before);
    await page.close();
  });

  it("honours theme=dark and height", async () => {
    const { page } = await open(browser, "?embed=1&theme=dark&height=300");
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect((await page.locator(".embed-stage").boundingBox())!.height).toBeCloseTo(300, 0);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(35, 37, 41)");
    expect(new URL(page.url()).searchParams.get("theme")).toBe("dark");
    await page.close();
  });

  it("in Persian is right to left", async () => {
    const { page } = await open(browser, "?embed=1&lang=fa");
    await settled(page);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["fa", "rtl"]);
    expect(await page.locator(".embed-title").innerText()).toContain("اعلام آمادگی روسیه");
    await page.close();
  });
});

describe("share and export", () => {
  it("the dialog gives the link and the iframe code of the current view", async () => {
    const { page } = await open(browser, "?types=tension,conflict&selected=turkey");
    await settled(page);
    await page.locator("#share-open").click();
    expect(await page.locator("#share-dialog").isVisible()).toBe(true);
    const link = await page.locator("#share-link").inputValue();
    expect(link).toBe(page.url());
    const code = await page.locator("#share-code").inputValue();
    const src = /src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, "&");
    const url = new URL(src);
    expect(url.searchParams.get("embed")).toBe("1");
    expect(url.searchParams.get("types")).toBe("tension,conflict");
    expect(src).toContain("types=tension,conflict");
    expect(code).toContain('loading="lazy"');
    expect(code).toMatch(/title="Russia declares readiness[^"]*"/);
    expect(code).toContain('height="520"');
    expect(code).toContain(`src="${new URL("embed.js", baseUrl()).href}"`);
    await page.keyboard.press("Escape");
    expect(await page.locator("#share-dialog").isVisible()).toBe(false);
    await page.close();
  });

  it("exports an SVG that parses and contains every visible label, the legend and the source", async () => {
    const { page } = await open(browser, "?types=tension,conflict");
    await settled(page);
    await page.locator("#share-open").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-svg").click()]);
    expect(download.suggestedFilename()).toBe("entente.svg");
    const svg = readFileSync((await download.path())!, "utf8");
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        labels: [...doc.querySelectorAll("text.label")].map((t) => t.textContent),
        circles: doc.querySelectorAll("circle.node").length,
        text: doc.documentElement.textContent ?? "",
      };
    }, svg);
    expect(parsed.error).toBeNull();
    const shown = await page.evaluate(() => window.entente!.shown().actors);
    const labels = shown.map((id) => dataset.actors.find((a) => a.id === id)!.label.en!);
    expect(parsed.circles).toBe(shown.length);
    expect([...parsed.labels].sort()).toEqual([...labels].sort());
    expect(parsed.text).toContain("Tension");
    expect(parsed.text).toContain("https://p.dw.com/p/1HDEF");
    await page.close();
  });

  it("exports an SVG whose legend keys the communities when the actors are coloured by them", async () => {
    const { page } = await open(browser, "?color=community");
    await settled(page);
    const names = await page.locator("#legend .communities li .name").allInnerTexts();
    expect(names.length).toBeGreaterThan(1);
    await page.locator("#share-open").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-svg").click()]);
    const svg = readFileSync((await download.path())!, "utf8");
    const text = await page.evaluate((source) => new DOMParser().parseFromString(source, "image/svg+xml").documentElement.textContent ?? "", svg);
    for (const name of names) expect(text).toContain(name);
    // The kinds' key is not there: it would name colours the picture does not use.
    expect(text).not.toContain("Armed group");
    await page.close();
  });

  it("exports a PNG of the view", async () => {
    const { page } = await open(browser);
    await settled(page);
    await page.locator("#share-open").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-png").click()]);
    expect(download.suggestedFilename()).toBe("entente.png");
    const png = readFileSync((await download.path())!);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);
    // Taller than the graph: the title above it and the legend and source below travel with it.
    const height = png.readUInt32BE(20);
    const graph = (await page.locator("#graph").boundingBox())!;
    expect(height).toBeGreaterThan(graph.height + 60);
    await page.close();
  });
});
