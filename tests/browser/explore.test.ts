/**
 * Exploring as a reader does: filter by the legend, search in both scripts,
 * focus on a neighbourhood, use the keyboard, and share the view as a link.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, colorDistance, hex, lookAtGraph, open, settled, useBrowser } from "./harness";

interface RawDataset {
  actors: { id: string }[];
  relationTypes: { id: string; sign: number }[];
  relations: { id: string; source: string; target: string; type: string }[];
}
const dataset = JSON.parse(
  readFileSync(new URL("../../data/russia-france-coalition.json", import.meta.url), "utf8"),
) as RawDataset;
const total = dataset.relations.length;

let browser: Browser;
useBrowser((launched) => (browser = launched));

const shown = (page: Page) => page.evaluate(() => window.entente!.shown());
const view = (page: Page) => page.evaluate(() => window.entente!.view());
const summary = async (page: Page) => (await page.locator("#summary .summary").innerText()).replace(/\s+/g, " ");
const checked = (page: Page, selector: string) => page.locator(selector).isChecked();

describe("filters", () => {
  it("unchecking Tension removes the Russia–Turkey tension from the view, the counts and the URL", async () => {
    const { page, errors } = await open(browser);
    await settled(page);
    const positions = () => page.evaluate(() => ["russia", "turkey", "obama"].map((id) => window.entente!.nodePosition(id)));
    const before = await positions();
    expect((await shown(page)).relations).toContain("russia-turkey-tension-jet");
    const tensions = dataset.relations.filter((r) => r.type === "tension").length;
    await page.locator("#legend label", { hasText: "Tension" }).click();
    expect(await checked(page, "input[data-type=tension]")).toBe(false);
    const after = await shown(page);
    expect(after.relations).not.toContain("russia-turkey-tension-jet");
    expect(after.relations).toHaveLength(total - tensions);
    expect(await summary(page)).toContain(`${total - tensions} of ${total} relations`);
    // The legend still says how many tensions there are to bring back.
    expect(await page.locator(".filter-row[data-type=tension] .count").innerText()).toBe(String(tensions));
    const url = new URL(page.url());
    expect(url.searchParams.get("types")?.split(",")).not.toContain("tension");
    expect(url.searchParams.get("types")?.split(",")).toContain("conflict");
    // The hostile group is now only partly checked.
    expect(await page.locator("input[data-sign='-1']").evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
    // Filtering neither rebuilds the graph nor restarts the layout: nodes stay where they were.
    expect(await page.evaluate(() => window.entente!.layoutRunning())).toBe(false);
    expect(await positions()).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps only the hostile relations with one click", async () => {
    const { page } = await open(browser);
    await settled(page);
    await page.locator("fieldset.type-group[data-sign='-1'] legend .only").click();
    const hostile = new Set(dataset.relationTypes.filter((t) => t.sign < 0).map((t) => t.id));
    const expected = dataset.relations.filter((r) => hostile.has(r.type)).map((r) => r.id).sort();
    expect((await shown(page)).relations.sort()).toEqual(expected);
    expect(new URL(page.url()).searchParams.get("types")).toBe("tension,conflict");
    // Actors left with no hostile relation are hidden too.
    const actors = new Set(dataset.relations.filter((r) => hostile.has(r.type)).flatMap((r) => [r.source, r.target]));
    expect((await shown(page)).actors.sort()).toEqual([...actors].sort());
    expect(await summary(page)).toContain(`${actors.size} of ${dataset.actors.length} actors`);
    // "All" brings everything back and clears the parameter.
    await page.locator("button[data-action=all-types]").click();
    expect((await shown(page)).relations).toHaveLength(total);
    expect(new URL(page.url()).searchParams.has("types")).toBe(false);
    await page.close();
  });

  it("opens ?types=cooperation with only Cooperation checked", async () => {
    const { page } = await open(browser, "?types=cooperation");
    await settled(page);
    for (const type of dataset.relationTypes) {
      expect(await checked(page, `input[data-type=${type.id}]`), type.id).toBe(type.id === "cooperation");
    }
    const cooperation = dataset.relations.filter((r) => r.type === "cooperation");
    expect((await shown(page)).relations.sort()).toEqual(cooperation.map((r) => r.id).sort());
    expect(await summary(page)).toContain(`${cooperation.length} of ${total} relations`);
    await page.close();
  });

  it("filters by actor kind: without people, the leaders and their relations go", async () => {
    const { page } = await open(browser);
    await settled(page);
    await page.locator("input[data-kind=person]").uncheck();
    const { actors, relations } = await shown(page);
    for (const person of ["putin", "hollande", "merkel", "obama"]) expect(actors).not.toContain(person);
    expect(relations).not.toContain("putin-russia-leadership");
    expect(new URL(page.url()).searchParams.get("kinds")).toBe("state,organization,armed-group,region");
    await page.close();
  });

  it("fades what is filtered out when asked to, instead of hiding it", async () => {
    const { page } = await open(browser, "?types=tension&hidden=fade");
    await settled(page);
    expect(await checked(page, "input[name=hidden-mode][value=fade]")).toBe(true);
    // Obama has no tension: faded, his node is still drawn, in a pale colour. Russia has one: drawn in full.
    const at = (id: string) => page.evaluate((node) => window.entente!.nodePosition(node)!, id);
    const [obama, russia] = [await at("obama"), await at("russia")];
    const faded = await lookAtGraph(page, [obama, russia]);
    expect(colorDistance(faded.colors[0]!, hex("#eeeeec"))).toBeLessThan(20);
    expect(colorDistance(faded.colors[1]!, hex("#4477AA"))).toBeLessThan(40);
    // Hidden, he is not drawn at all: the background shows through.
    await page.locator("input[name=hidden-mode][value=hide]").check();
    expect(new URL(page.url()).searchParams.has("hidden")).toBe(false);
    await expect
      .poll(async () => colorDistance((await lookAtGraph(page, [obama])).colors[0]!, hex("#f7f7f5")))
      .toBeLessThan(12);
    await page.close();
  });
});

describe("time", () => {
  const timeline = readFileSync(new URL("../fixtures/timeline-dataset.json", import.meta.url), "utf8");
  const ORIGIN = "https://fixtures.entente.test";

  async function openTimeline(query = ""): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: timeline, headers: { "access-control-allow-origin": "*" } }),
    );
    await page.goto(`${baseUrl()}?data=${encodeURIComponent(`${ORIGIN}/timeline.json`)}${query}`);
    await settled(page);
    return page;
  }

  it("has no time slider when every relation has the same date", async () => {
    const { page } = await open(browser);
    await settled(page);
    expect(await page.locator("#filter-from").count()).toBe(0);
    await page.close();
  });

  it("limits the relations to a period with the range slider, and keeps it in the URL", async () => {
    const page = await openTimeline();
    const from = page.locator("#filter-from");
    const to = page.locator("#filter-to");
    expect(await from.isVisible()).toBe(true);
    // Keyboard: move the start one date later and the end one date earlier.
    await from.focus();
    await page.keyboard.press("ArrowRight");
    await to.focus();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(async () => (await shown(page)).relations.sort()).toEqual(["ad-member", "bc-tension"]);
    const url = new URL(page.url());
    expect([url.searchParams.get("from"), url.searchParams.get("to")]).toEqual(["2020-03-10", "2020-03-20"]);
    expect(await page.locator("output[for=filter-from]").innerText()).toBe("10 March 2020");
    expect(await summary(page)).toContain("2 of 4 relations");
    await page.close();
  });

  it("opens ?from=…&to=… with the slider set to that period", async () => {
    const page = await openTimeline("&from=2020-03-05&to=2020-03-31");
    expect((await shown(page)).relations.sort()).toEqual(["ac-tension", "ad-member", "bc-tension"]);
    expect(await page.locator("#filter-from").inputValue()).toBe("1");
    expect(await page.locator("#filter-to").inputValue()).toBe("3");
    await page.close();
  });
});

describe("search", () => {
  for (const query of ["روسیه", "russia", "Moscow", "روسيه"]) {
    it(`finds Russia by "${query}" and opens its panel`, async () => {
      const { page } = await open(browser);
      await settled(page);
      await page.keyboard.press("/");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("search");
      await page.keyboard.type(query);
      const first = page.locator("#search-suggestions li").first();
      await expect.poll(() => first.getAttribute("data-actor")).toBe("russia");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#details h2").innerText()).toBe("Russia");
      expect(new URL(page.url()).searchParams.get("selected")).toBe("russia");
      // The camera moves to Russia: its node ends up in the middle of what the details panel leaves free.
      const box = (await page.locator("#graph").boundingBox())!;
      const panel = (await page.locator("#details").boundingBox())!;
      await expect
        .poll(async () => {
          const p = await page.evaluate(() => window.entente!.nodePosition("russia")!);
          return Math.hypot(p.x - (panel.x - box.x) / 2, p.y - box.height / 2);
        })
        .toBeLessThan(5);
      await page.close();
    });
  }

  it("says when nothing matches", async () => {
    const { page } = await open(browser);
    await settled(page);
    await page.locator("#search").fill("Atlantis");
    await expect.poll(() => page.locator("#search-suggestions").innerText()).toBe("No actor matches");
    await page.close();
  });
});

describe("focus", () => {
  it("on Turkey with one step leaves Turkey and its neighbours only, and Escape returns to everything", async () => {
    const { page } = await open(browser, "?selected=turkey");
    await settled(page);
    await page.locator("#details button[data-depth='1']").click();
    const neighbours = new Set(["turkey"]);
    for (const r of dataset.relations) {
      if (r.source === "turkey") neighbours.add(r.target);
      if (r.target === "turkey") neighbours.add(r.source);
    }
    expect((await shown(page)).actors.sort()).toEqual([...neighbours].sort());
    expect(await view(page)).toMatchObject({ focus: { actor: "turkey", depth: 1 } });
    expect(new URL(page.url()).searchParams.get("focus")).toBe("turkey");
    expect(await page.locator("#focus-bar").innerText()).toContain("Turkey");
    await page.keyboard.press("Escape");
    expect((await shown(page)).actors).toHaveLength(dataset.actors.length);
    expect(await page.locator("#focus-bar").isHidden()).toBe(true);
    expect(new URL(page.url()).searchParams.has("focus")).toBe(false);
    await page.close();
  });

  it("with two steps reaches the neighbours' neighbours", async () => {
    const { page } = await open(browser, "?focus=syria&depth=2");
    await settled(page);
    // Syria's only neighbour is France; two steps reach France's neighbours too.
    const france = new Set(["syria", "france"]);
    for (const r of dataset.relations) {
      if (r.source === "france") france.add(r.target);
      if (r.target === "france") france.add(r.source);
    }
    expect((await shown(page)).actors.sort()).toEqual([...france].sort());
    await page.close();
  });
});

describe("the view in the URL", () => {
  it("a copied link reopens exactly the same view", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl()).origin });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}?lang=en`);
    await settled(page);
    await page.locator("input[data-kind=armed-group]").uncheck();
    await page.locator(".filter-row[data-type=mediation] label").click();
    await page.locator("#search").fill("turkey");
    await page.keyboard.press("Enter");
    await page.locator("#details button[data-depth='2']").click();
    await page.locator("#copy-link").click();
    await expect.poll(() => page.locator("#copy-link").innerText()).toBe("Link copied");
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    const before = { view: await view(page), shown: await shown(page) };

    const again = await context.newPage();
    await again.goto(link);
    await settled(again);
    expect(await view(again)).toEqual(before.view);
    expect((await shown(again)).actors.sort()).toEqual(before.shown.actors.sort());
    expect((await shown(again)).relations.sort()).toEqual(before.shown.relations.sort());
    expect(await again.locator("input[data-type=mediation]").isChecked()).toBe(false);
    expect(await again.locator("input[data-kind=armed-group]").isChecked()).toBe(false);
    expect(await again.locator("#details h2").innerText()).toBe("Turkey");
    await context.close();
  });

  it("Back returns to the previous selection", async () => {
    const { page } = await open(browser);
    await settled(page);
    await page.locator("#search").fill("France");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#details h2").innerText()).toBe("France");
    await page.locator("#search").fill("NATO");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#details h2").innerText()).toBe("NATO");
    await page.goBack();
    await expect.poll(() => page.locator("#details h2").innerText()).toBe("France");
    expect(new URL(page.url()).searchParams.get("selected")).toBe("france");
    await page.close();
  });

  it("Reset returns to the full view", async () => {
    const { page } = await open(browser, "?types=tension&kinds=state&focus=russia&selected=russia");
    await settled(page);
    await page.locator("#reset-view").click();
    expect((await shown(page)).relations).toHaveLength(total);
    // Only the language the reader chose stays.
    expect(new URL(page.url()).search).toBe("?lang=en");
    expect(await page.locator("#details").isHidden()).toBe(true);
    await page.close();
  });
});

describe("keyboard", () => {
  it("works the filters and the search without a mouse", async () => {
    const { page } = await open(browser);
    await settled(page);
    // Tab from the search reaches the toolbar, then the filters.
    await page.locator("#search").focus();
    const order: string[] = [];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? `${el.tagName.toLowerCase()}#${el.id}.${el.dataset.action ?? el.dataset.sign ?? ""}` : "";
      }));
    }
    expect(order.slice(0, 7)).toEqual([
      "button#insights-open.",
      "button#table-open.",
      "button#copy-link.",
      "button#share-open.",
      "button#reset-view.",
      "button#open-file.",
      "a#lang-switch.",
    ]);
    expect(order[7]).toBe("button#.all-types");
    // Space on a focused checkbox toggles it.
    await page.locator("input[data-type=conflict]").focus();
    await page.keyboard.press("Space");
    expect((await shown(page)).relations.some((id) => id.includes("conflict"))).toBe(false);
    // Arrow keys and Enter choose a suggestion.
    await page.locator("#search").focus();
    await page.keyboard.type("an");
    await page.keyboard.press("ArrowDown");
    const active = await page.locator("#search-suggestions li.active").getAttribute("data-actor");
    await page.keyboard.press("Enter");
    expect((await view(page)).selected).toEqual({ kind: "actor", id: active });
    await page.close();
  });
});
