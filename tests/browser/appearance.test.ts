/** Size and colour as a reader changes them: by evidence, by betweenness, by community of allies; and time played back. */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { stillNodePosition } from "../../scripts/still";
import { baseUrl, colorDistance, hex, lookAtGraph, nodePoint, open, openOn, settled, useBrowser, type OpenPage, type Rgb } from "./harness";

let browser: Browser;
useBrowser((launched) => (browser = launched));

const sizeOf = (page: Page, id: string) => page.evaluate((node) => window.entente!.nodeSize(node), id);

describe("appearance", () => {
  it("draws hostile relations dashed and friendly ones solid, so colour is not the only cue", async () => {
    // Only Russia–NATO (tension, straight) and France–NATO (membership, straight) are drawn.
    const { page, errors } = await open(browser, "?types=tension,membership&focus=nato");
    await settled(page);
    const along = async (from: string, to: string, color: string) => {
      const [a, b] = await page.evaluate(([x, y]) => [window.entente!.nodePosition(x!), window.entente!.nodePosition(y!)], [from, to]);
      // Between the two discs, away from the labels.
      const points = Array.from({ length: 80 }, (_, i) => {
        const t = 0.25 + (0.5 * i) / 79;
        return { x: a!.x + (b!.x - a!.x) * t, y: a!.y + (b!.y - a!.y) * t };
      });
      const { colors } = await lookAtGraph(page, points);
      // Inked: clearly off the background, and nearer the relation's colour than the background is.
      const background: Rgb = [247, 247, 245];
      const inked = colors.map((c) => colorDistance(c, background) > 100 && colorDistance(c, hex(color)) < colorDistance(background, hex(color)));
      const changes = inked.filter((v, i) => i > 0 && v !== inked[i - 1]).length;
      return { share: inked.filter(Boolean).length / inked.length, changes };
    };
    const tension = await along("russia", "nato", "#D55E00");
    expect(tension.share).toBeGreaterThan(0.3);
    expect(tension.share).toBeLessThan(0.85);
    expect(tension.changes).toBeGreaterThanOrEqual(6);
    const membership = await along("france", "nato", "#0072B2");
    expect(membership.share).toBeGreaterThan(0.95);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("clears a 2D layer only once something was drawn on it, and then as sigma does", async () => {
    const { page, errors } = await open(browser);
    await settled(page);
    // An own clearRect stands in for the canvas's until something is drawn on it (render/shared-canvas.ts).
    const skipping = () =>
      page.evaluate(() =>
        Object.fromEntries(
          ["labels", "hovers", "edgeLabels"].map((layer) => {
            const canvas = document.querySelector<HTMLCanvasElement>(`#graph canvas.sigma-${layer}`)!;
            return [layer, Object.prototype.hasOwnProperty.call(canvas.getContext("2d"), "clearRect")];
          }),
        ),
      );
    // The labels are drawn from the first frame; the relations' labels never; the hover layer not before a pointer comes.
    expect(await skipping()).toEqual({ labels: false, hovers: true, edgeLabels: true });
    const [russia, france] = [await nodePoint(page, "russia"), await nodePoint(page, "france")];
    const box = (await page.locator("#graph").boundingBox())!;
    /** Pixels drawn on the hover layer within 6 px of a point of the page. */
    const hoverInk = (point: { x: number; y: number }) =>
      page.evaluate(
        ([x, y]) => {
          const canvas = document.querySelector<HTMLCanvasElement>("#graph canvas.sigma-hovers")!;
          const ratio = canvas.width / canvas.clientWidth;
          const pixels = canvas.getContext("2d")!.getImageData(Math.round((x! - 6) * ratio), Math.round((y! - 6) * ratio), Math.round(12 * ratio), Math.round(12 * ratio)).data;
          let inked = 0;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) inked++;
          return inked;
        },
        [point.x - box.x, point.y - box.y],
      );
    await page.mouse.move(russia.x, russia.y);
    await expect.poll(() => hoverInk(russia)).toBeGreaterThan(50);
    expect(await skipping()).toEqual({ labels: false, hovers: false, edgeLabels: true });
    // On to France: Russia's highlight is cleared away.
    await page.mouse.move(france.x, france.y);
    await expect.poll(() => hoverInk(france)).toBeGreaterThan(50);
    expect(await hoverInk(russia)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws the relations behind the actors, on the one canvas they share", async () => {
    const { page, errors } = await open(browser);
    await settled(page);
    const canvases = await page.evaluate(() => ({
      webgl: [...document.querySelectorAll<HTMLCanvasElement>("#graph canvas")].filter((c) => c.getContext("2d") === null).length,
      shared: document.querySelector("#graph canvas.sigma-edges") === document.querySelector("#graph canvas.sigma-nodes"),
      depth: document.querySelector<HTMLCanvasElement>("#graph canvas.sigma-nodes")!.getContext("webgl2")!.getContextAttributes()!.depth,
    }));
    // The relations' and the actors' layers are one canvas, the graph's only WebGL canvas, with no depth
    // buffer (sigma tests no depth; a software WebGL took 50-75 ms more to make one).
    expect(canvases).toEqual({ webgl: 1, shared: true, depth: false });
    // Russia's and France's relations, straight or curved, leave from their discs' middles: the discs
    // cover them there.
    const [russia, france] = await page.evaluate(() => [window.entente!.nodePosition("russia")!, window.entente!.nodePosition("france")!]);
    const { colors } = await lookAtGraph(page, [russia, france], undefined, { exact: true });
    expect(colorDistance(colors[0]!, hex("#4477AA"))).toBeLessThan(12);
    expect(colorDistance(colors[1]!, hex("#4477AA"))).toBeLessThan(12);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws a head where a straight relation is one-way and none where it is mutual", async () => {
    // France → NATO (membership, one-way) and Hollande – Putin (cooperation, mutual): both straight,
    // drawn by the one program of a small graph.
    const open = (page: Page) => openOn(page, "?types=membership,cooperation");
    await expectHeadOnlyOneWay(open, ["france", "nato", "#0072B2"], ["hollande", "putin", "#009E73"]);
  });

  it("draws the same with one program a shape, in a graph of more than 300 relations", async () => {
    const body = JSON.stringify(middling());
    const open = async (page: Page) => {
      await page.route(`${MIDDLING}/**`, (route) =>
        route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }),
      );
      return openOn(page, `?data=${encodeURIComponent(`${MIDDLING}/middling.json`)}&types=oneway,mutual`);
    };
    await expectHeadOnlyOneWay(open, ["a0", "a1", "#0072B2"], ["a2", "a3", "#009E73"]);
  });

  it("sizes nodes by betweenness and keeps it in the URL", async () => {
    const { page } = await open(browser);
    await settled(page);
    // By number of relations, Russia is as large as France.
    expect(await sizeOf(page, "russia")).toBe(18);
    await page.locator("#size-by").selectOption("betweenness");
    expect(new URL(page.url()).searchParams.get("size")).toBe("betweenness");
    // France lies between the most actors: the largest node. Syria lies between none: the smallest.
    await expect.poll(() => sizeOf(page, "france")).toBe(18);
    expect(await sizeOf(page, "syria")).toBe(6);
    // Russia lies between fewer actors than France: it shrinks.
    expect(await sizeOf(page, "russia")).toBeLessThan(18);
    await page.close();
  });

  it("colours actors by community of allies, and the legend lists the communities", async () => {
    const { page } = await open(browser, "?color=community");
    await settled(page);
    expect(await page.locator("#color-by").inputValue()).toBe("community");
    const communities = await page.locator(".communities li").allInnerTexts();
    expect(communities).toHaveLength(3);
    expect(communities.join(" ")).toContain("France");
    expect(communities.join(" ")).toContain("NATO");
    // The actors in no community are keyed too, last, in their grey.
    expect(communities[2]).toContain("in no community");
    const swatch = await page.locator(".communities li").last().locator(".swatch").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(swatch).toBe("rgb(154, 154, 154)");
    // France, the UK and the USA share a colour; Russia, with no friendly tie, is grey.
    const at = (id: string) => page.evaluate((node) => window.entente!.nodePosition(node)!, id);
    const look = await lookAtGraph(page, [await at("france"), await at("uk"), await at("russia")]);
    expect(colorDistance(look.colors[0]!, look.colors[1]!)).toBeLessThan(30);
    expect(colorDistance(look.colors[2]!, hex("#9a9a9a"))).toBeLessThan(40);
    await page.close();
  });

  it("shows an actor's relations by sign and its rank", async () => {
    const { page } = await open(browser, "?selected=russia");
    await settled(page);
    const numbers = await page.locator("#details .actor-numbers").innerText();
    expect(numbers).toMatch(/\d+ friendly · \d+ neutral · \d+ hostile/);
    expect(numbers).toContain("Rank 1 of 13 by number of relations");
    // Russia is in three triangles: one balanced (NATO, Turkey), two mixed (with France).
    expect(await page.locator("#details .actor-balance").innerText()).toBe("In triangles: 1 balanced, 0 unbalanced, 2 mixed");
    await page.close();
  });
});

describe("time played back", () => {
  it("steps the period through the dates, relations appearing in order", async () => {
    const timeline = readFileSync(new URL("../fixtures/timeline-dataset.json", import.meta.url), "utf8");
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route("https://fixtures.entente.test/**", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: timeline, headers: { "access-control-allow-origin": "*" } }),
    );
    await page.goto(`${baseUrl()}?data=${encodeURIComponent("https://fixtures.entente.test/timeline.json")}`);
    await settled(page);
    const seen: number[] = [];
    await page.locator("#time-play").click();
    for (let i = 0; i < 40 && seen[seen.length - 1] !== 4; i++) {
      const n = await page.evaluate(() => window.entente!.shown().relations.length);
      if (seen[seen.length - 1] !== n) seen.push(n);
      await page.waitForTimeout(150);
    }
    expect(seen).toEqual([1, 2, 3, 4]);
    // At the end the period opens again and the button is ready to play once more.
    await expect.poll(() => page.locator("#time-play").getAttribute("aria-pressed"), { timeout: 5_000 }).toBe("false");
    expect(new URL(page.url()).searchParams.has("to")).toBe(false);
    await page.close();
  });

  it("shows lasting relations while they last: they appear and end", async () => {
    const body = JSON.stringify({
      meta: { title: { en: "Spans" }, source: { publisher: { en: "Test" }, language: "en" } },
      actors: [
        { id: "a", kind: "state", label: { en: "A" } },
        { id: "b", kind: "state", label: { en: "B" } },
        { id: "c", kind: "state", label: { en: "C" } },
      ],
      relationTypes: [{ id: "tension", label: { en: "Tension" }, sign: -1, directed: false, color: "#D55E00" }],
      relations: [
        { id: "ab", source: "a", target: "b", type: "tension", date: "2020-01-01", endDate: "2020-01-02", evidence: [{ quote: "q", reportedBy: "T" }] },
        { id: "bc", source: "b", target: "c", type: "tension", date: "2020-01-03", evidence: [{ quote: "q", reportedBy: "T" }] },
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route("https://fixtures.entente.test/**", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }),
    );
    await page.goto(`${baseUrl()}?data=${encodeURIComponent("https://fixtures.entente.test/spans.json")}`);
    await settled(page);
    const seen: string[] = [];
    await page.locator("#time-play").click();
    for (let i = 0; i < 40 && seen[seen.length - 1] !== "ab,bc"; i++) {
      const shown = (await page.evaluate(() => window.entente!.shown().relations)).sort().join(",");
      if (seen[seen.length - 1] !== shown) seen.push(shown);
      await page.waitForTimeout(150);
    }
    expect(seen).toEqual(["ab", "bc", "ab,bc"]);
    await page.close();
  });
});

/**
 * A relation's drawn width, in pixels, at each pixel from its middle (or from where it comes on
 * screen) to its target's centre, on a
 * page `open` opens, zoomed in on the target: lines and heads are then drawn thicker (sigma scales
 * sizes with the zoom), so that a head stands out of the pixel grid. The page's console errors fail it.
 */
async function widths(open: (page: Page) => Promise<OpenPage>, from: string, to: string, color: string): Promise<number[]> {
  const { page, errors } = await open(await browser.newPage({ viewport: { width: 1280, height: 800 } }));
  await settled(page);
  const target = await nodePoint(page, to);
  await page.mouse.move(target.x, target.y);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
  const [a, b] = [await stillNodePosition(page, from), await stillNodePosition(page, to)];
  const length = Math.hypot(b!.x - a!.x, b!.y - a!.y);
  const [ux, uy] = [(b!.x - a!.x) / length, (b!.y - a!.y) / length];
  // Zoomed in, the relation's middle may be off the graph's box (how far depends on how the wheel's
  // steps came, which varies with the machine's speed): only the part on screen is measured.
  const box = (await page.locator("#graph").boundingBox())!;
  const onScreen = (along: number) => {
    const [x, y] = [a!.x + ux * along, a!.y + uy * along];
    return x >= 12 && y >= 12 && x <= box.width - 12 && y <= box.height - 12;
  };
  let start = length / 2;
  while (start < length && !onScreen(start)) start += 1;
  const steps = Math.floor(length - start);
  const points = Array.from({ length: steps }, (_, i) =>
    Array.from({ length: 41 }, (_, j) => {
      const [along, across] = [start + i, (j - 20) / 2];
      return { x: a!.x + ux * along - uy * across, y: a!.y + uy * along + ux * across };
    }),
  ).flat();
  const { colors } = await lookAtGraph(page, points, undefined, { exact: true });
  const background: Rgb = [247, 247, 245];
  // Nearer the relation's colour than halfway from the background: the line's own pixels, not the
  // faint rim of its antialiasing (which comes and goes with where it falls on the pixel grid).
  const inked = colors.map((c) => colorDistance(c, hex(color)) < colorDistance(background, hex(color)) / 2);
  expect(errors).toEqual([]);
  await page.close();
  return Array.from({ length: steps }, (_, i) => inked.slice(i * 41, i * 41 + 41).filter(Boolean).length / 2);
}

type Drawn = [from: string, to: string, color: string];

/** A straight one-way relation widens into a head before its target; a straight mutual one keeps its width. */
async function expectHeadOnlyOneWay(open: (page: Page) => Promise<OpenPage>, oneWay: Drawn, mutual: Drawn): Promise<void> {
  const headed = headShape(await widths(open, ...oneWay));
  const plain = headShape(await widths(open, ...mutual));
  expect(headed.body).toBeGreaterThanOrEqual(3);
  expect(headed.widest).toBeGreaterThanOrEqual(1.5 * headed.body);
  expect(plain.body).toBeGreaterThanOrEqual(3);
  expect(plain.widest).toBeLessThanOrEqual(1.3 * plain.body);
}

/** The body's width (the median over the half of the line's half nearest its middle) and the widest it gets before the target's disc. */
function headShape(w: number[]): { body: number; widest: number } {
  const sorted = (values: number[]) => [...values].sort((x, y) => x - y);
  const body = sorted(w.slice(0, Math.floor(w.length / 2)))[Math.floor(w.length / 4)]!;
  // Where the target's disc starts: it is drawn over the relation, and reads as much wider where its
  // colour is near the relation's, or as no ink at all where it is not.
  const wide = w.findIndex((v, i) => i > w.length / 2 && v >= 3 * body);
  const rim = wide >= 0 ? wide : w.length - [...w].reverse().findIndex((v) => v > 0);
  // Two neighbours at least that wide, so that one odd sample of the pixel grid does not count;
  // 3 pixels short of the rim (a head is widest 2.5 thicknesses short of it).
  const end = w.slice(Math.floor(w.length / 2), rim - 3);
  return { body, widest: Math.max(...end.slice(1).map((v, i) => Math.min(v, end[i]!))) };
}

const MIDDLING = "https://middling.entente.test";

/**
 * 40 actors and 312 relations: a one-way relation a0 → a1 and a mutual one a2 – a3, each the only
 * relation of its pair (so straight), and 310 others among the other actors.
 */
function middling(): object {
  const others = Array.from({ length: 36 }, (_, i) => i + 4);
  const pairs = others.flatMap((i) => others.filter((j) => j > i).map((j) => [i, j] as const)).slice(0, 310);
  return {
    meta: { title: { en: "Middling" }, source: { publisher: { en: "Example Wire" }, language: "en" } },
    actors: Array.from({ length: 40 }, (_, i) => ({ id: `a${i}`, kind: "state", label: { en: `Actor ${i}` } })),
    relationTypes: [
      { id: "oneway", label: { en: "One way" }, sign: 1, directed: true, color: "#0072B2" },
      { id: "mutual", label: { en: "Mutual" }, sign: 1, directed: false, color: "#009E73" },
      { id: "other", label: { en: "Other" }, sign: 0, directed: false, color: "#999999" },
    ],
    relations: [
      { id: "r-oneway", source: "a0", target: "a1", type: "oneway", evidence: [{ quote: "One way.", reportedBy: "Example Wire" }] },
      { id: "r-mutual", source: "a2", target: "a3", type: "mutual", evidence: [{ quote: "Mutual.", reportedBy: "Example Wire" }] },
      ...pairs.map(([i, j]) => ({ id: `r${i}-${j}`, source: `a${i}`, target: `a${j}`, type: "other", evidence: [{ quote: "Other.", reportedBy: "Example Wire" }] })),
    ],
  };
}
