/**
 * Bringing one's own data, as a person does: drop a file on the page or pick
 * it with the button; a broken file lists its problems and the graph stays.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { open, openOn, settled, useBrowser } from "./harness";

const CSV = [
  "source,target,type,date,quote,reportedBy",
  "atlantis,borduria,tension,2021-05-01,Atlantis and Borduria recalled their envoys.,Example Wire",
  "atlantis,carpathia,cooperation,2021-05-02,Atlantis and Carpathia signed a pact.,Example Wire",
  "borduria,carpathia,conflict,2021-05-03,Borduria shelled the border.,Example Wire",
].join("\n");

let browser: Browser;
useBrowser((launched) => (browser = launched));

async function drop(page: Page, name: string, text: string, type = "text/plain"): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type }));
      return transfer;
    },
    { name, text, type },
  );
  await page.dispatchEvent("body", "dragenter", { dataTransfer });
  await page.dispatchEvent("body", "dragover", { dataTransfer });
  await page.dispatchEvent("body", "drop", { dataTransfer });
}

describe("opening a file", () => {
  it("dropping a CSV shows its graph", async () => {
    const { page, errors } = await open(browser);
    await settled(page);
    await drop(page, "relations.csv", CSV, "text/csv");
    await expect.poll(() => page.evaluate(() => window.entente!.nodeCount()), { timeout: 20_000 }).toBe(3);
    await settled(page);
    expect(await page.evaluate(() => window.entente!.edgeCount())).toBe(3);
    const summary = (await page.locator("#summary").innerText()).replace(/\s+/g, " ");
    expect(summary).toContain("3 actors · 3 relations");
    expect(await page.locator("#legend").innerText()).toContain("Tension");
    // The address no longer points at the old dataset.
    expect(new URL(page.url()).searchParams.has("data")).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the Open file button reads a file too", async () => {
    const { page } = await open(browser);
    await settled(page);
    await page.setInputFiles("#file-input", { name: "relations.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await expect.poll(() => page.evaluate(() => window.entente!.nodeCount()), { timeout: 20_000 }).toBe(3);
    await page.close();
  });

  it("a broken file lists its problems, with where they are, and the graph stays as it was", async () => {
    const { page } = await open(browser, "?types=tension&selected=russia");
    await settled(page);
    const before = {
      view: await page.evaluate(() => window.entente!.view()),
      shown: await page.evaluate(() => window.entente!.shown()),
      url: page.url(),
    };
    const broken = '{\n  "meta": {\n    "title": { "en": "x" }\n  },\n  "actors": [\n}';
    await drop(page, "broken.json", broken, "application/json");
    const panel = page.locator("#import-panel");
    await expect.poll(() => panel.getAttribute("data-state"), { timeout: 20_000 }).toBe("failed");
    const text = await panel.innerText();
    expect(text).toContain("broken.json could not be opened");
    expect(text).toMatch(/line 6, column 1/);
    expect(text).toContain("Nothing was changed");
    expect(await page.evaluate(() => window.entente!.view())).toEqual(before.view);
    expect(await page.evaluate(() => window.entente!.shown())).toEqual(before.shown);
    expect(page.url()).toBe(before.url);
    expect(await page.locator("#details h2").innerText()).toBe("Russia");
    await panel.getByRole("button", { name: "Close" }).click();
    expect(await panel.isHidden()).toBe(true);
    await page.close();
  });

  it("a file over the size limit is refused with its size, and the graph stays", async () => {
    const { page } = await open(browser);
    await settled(page);
    const huge = join(mkdtempSync(join(tmpdir(), "entente-")), "huge.csv");
    writeFileSync(huge, Buffer.alloc(51 * 1024 * 1024, 0x61));
    await page.setInputFiles("#file-input", huge);
    const panel = page.locator("#import-panel");
    await expect.poll(() => panel.getAttribute("data-state"), { timeout: 20_000 }).toBe("failed");
    expect(await panel.innerText()).toContain("The file is 51 MB; Entente opens files up to 50 MB.");
    expect(await page.evaluate(() => window.entente!.nodeCount())).toBe(13);
    rmSync(dirname(huge), { recursive: true, force: true });
    await page.close();
  });

  it("a big import can be cancelled, and the graph, filters and view stay as they were", async () => {
    const { page } = await open(browser, "?types=tension&selected=actor:turkey");
    await settled(page);
    const before = await page.evaluate(() => ({ view: window.entente!.view(), url: location.href, nodes: window.entente!.nodeCount() }));
    // Big enough (about 6 MB, 120,000 rows) that parsing lasts well past the click on Cancel.
    const rows = Array.from({ length: 120_000 }, (_, i) => `a${i % 900},b${(i * 7) % 900},tension,2021-05-01,Row ${i} of a big file.,Example Wire`);
    await drop(page, "big.csv", ["source,target,type,date,quote,reportedBy", ...rows].join("\n"), "text/csv");
    const panel = page.locator("#import-panel");
    await expect.poll(() => panel.getAttribute("data-state"), { timeout: 20_000 }).toBe("working");
    expect(await panel.locator("progress").count()).toBe(1);
    await panel.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => panel.isHidden(), { timeout: 10_000 }).toBe(true);
    // Long enough for a finished import to have replaced the graph, had it not been stopped.
    await page.waitForTimeout(3000);
    const after = await page.evaluate(() => ({ view: window.entente!.view(), url: location.href, nodes: window.entente!.nodeCount() }));
    expect(after).toEqual(before);
    await page.close();
  });

  it("a dense import arrives from the worker in parts, shows its relations once laid out, one line per pair of actors", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The layout worker is held until the test lets it go, to see the page while the layout runs.
    await page.addInitScript(() => {
      const Real = window.Worker;
      const held: (() => void)[] = [];
      let holding = true;
      (window as unknown as { __releaseLayout: () => void }).__releaseLayout = () => {
        holding = false;
        for (const send of held.splice(0)) send();
      };
      window.Worker = class extends Real {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          if (!String(url).includes("layout")) return;
          const post = this.postMessage.bind(this) as (message: unknown, transfer: Transferable[]) => void;
          this.postMessage = ((message: unknown, transfer: Transferable[] = []) => {
            if (holding) held.push(() => post(message, transfer));
            else post(message, transfer);
          }) as Worker["postMessage"];
        }
      };
    });
    const { errors } = await openOn(page, "");
    await settled(page);
    // 40,000 relations among 100 actors: every pair has several relations of different types.
    const types = ["cooperation", "tension", "conflict", "support"];
    const rows: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const a = i % 100;
      const b = (a + 1 + ((i * 37) % 99)) % 100;
      rows.push(`n${a},n${b},${types[(i >> 3) % 4]},2021-05-${String(1 + (i % 28)).padStart(2, "0")},Event ${i}.,Example Wire`);
    }
    // What the progress panel says along the way.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __said: string[] }).__said = seen;
      const panel = document.querySelector("#import-panel")!;
      new MutationObserver(() => seen.push(panel.textContent ?? "")).observe(panel, { subtree: true, childList: true, characterData: true });
    });
    await drop(page, "dense.csv", ["source,target,type,date,quote,reportedBy", ...rows].join("\n"), "text/csv");
    await expect.poll(() => page.evaluate(() => window.entente!.edgeCount()), { timeout: 60_000 }).toBe(40_000);
    expect(await page.evaluate(() => window.entente!.nodeCount())).toBe(100);
    // While the layout runs, the actors show without their relations, and the status says why.
    expect(await page.evaluate(() => window.entente!.drawnEdges())).toBe(0);
    expect(await page.locator("#status").innerText()).toContain("its relations appear once the actors are in place");
    expect(await page.locator("body").getAttribute("data-state")).not.toBe("settled");
    // A reader who hides the tensions in the very moment the relations appear (the same task):
    // the lines are then repainted before sigma has placed them in its drawing.
    await page.evaluate(() => {
      new MutationObserver((_records, observer) => {
        if (document.body.dataset.state !== "settled") return;
        observer.disconnect();
        document.querySelector<HTMLElement>(".filter-row[data-type=tension] label")!.click();
      }).observe(document.body, { attributes: true, attributeFilter: ["data-state"] });
    });
    await page.evaluate(() => (window as unknown as { __releaseLayout: () => void }).__releaseLayout());
    await settled(page);
    await expect.poll(() => page.evaluate(() => window.entente!.view().types?.includes("tension"))).toBe(false);
    // Each unordered pair is drawn once: every pair with a relation the filters show has its line, and no other.
    const pairs = new Set(rows.filter((row) => row.split(",")[2] !== "tension").map((row) => row.split(",").slice(0, 2).sort().join(" ")));
    await expect.poll(() => page.evaluate(() => window.entente!.drawnEdges())).toBe(pairs.size);
    // The dataset crossed from the worker in parts, the panel saying so while they arrived.
    const said = await page.evaluate(() => (window as unknown as { __said: string[] }).__said);
    expect(said.some((text) => text.includes("Preparing dense.csv"))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("on a large graph each pair's line shows a relation the filters let through, and a chosen relation shows on its pair", async () => {
    const { page, errors } = await open(browser);
    await settled(page);
    // 6,000 relations (a large graph, drawn one line per pair) among 60 actors, in four types.
    const types = ["cooperation", "tension", "conflict", "support"];
    const rows = Array.from({ length: 6000 }, (_, i) => {
      const a = i % 60;
      const b = (a + 1 + ((i * 13) % 59)) % 60;
      return { a: `n${a}`, b: `n${b}`, type: types[(i >> 2) % 4]! };
    });
    const csv = ["id,source,target,type,quote,reportedBy", ...rows.map((r, i) => `e${i},${r.a},${r.b},${r.type},Event ${i}.,Example Wire`)].join("\n");
    await drop(page, "large.csv", csv, "text/csv");
    await expect.poll(() => page.evaluate(() => window.entente!.edgeCount()), { timeout: 60_000 }).toBe(6000);
    await settled(page);
    const pairsOf = (kept: typeof rows) => new Set(kept.map((r) => [r.a, r.b].sort().join(" "))).size;
    await expect.poll(() => page.evaluate(() => window.entente!.drawnEdges()), { timeout: 20_000 }).toBe(pairsOf(rows));

    // Only the tensions: a pair without one has no line, and every line shows a tension.
    await page.locator(".filter-row[data-type=tension]").hover();
    const processed = await page.evaluate(() => window.entente!.processed());
    await page.locator(".filter-row[data-type=tension] .only").click();
    const tensions = rows.filter((r) => r.type === "tension");
    await expect.poll(() => page.evaluate(() => window.entente!.drawnEdges())).toBe(pairsOf(tensions));
    // The lines that changed were repainted in place: sigma did not index the whole graph again.
    expect(await page.evaluate(() => window.entente!.processed())).toBe(processed);
    const { drawn, shown } = await page.evaluate(() => ({ drawn: window.entente!.drawnRelations(), shown: window.entente!.shown().relations }));
    expect(new Set(shown).size).toBe(tensions.length);
    expect(drawn.every((id) => shown.includes(id))).toBe(true);

    // A relation chosen in the table is the one its pair's line shows, though another tension of its pair
    // comes first (of equal weight, the first is the pair's line otherwise).
    const pairOf = (r: (typeof rows)[number]) => [r.a, r.b].sort().join(" ");
    const cooperating = new Set(rows.filter((r) => r.type === "cooperation").map(pairOf));
    const seen = new Set<string>();
    // (Of a pair that also cooperates: see the last step.)
    const second = rows.findIndex((r) => {
      if (r.type !== "tension" || !cooperating.has(pairOf(r))) return false;
      if (seen.has(pairOf(r))) return true;
      seen.add(pairOf(r));
      return false;
    });
    const id = `e${second}`;
    expect(await page.evaluate((chosen) => window.entente!.drawnRelations().includes(chosen), id)).toBe(false);
    await page.locator("#table-open").click();
    await page.locator(`#table-view tbody tr[data-relation="${id}"] .relation-link`).click();
    await expect.poll(() => page.evaluate(() => window.entente!.view().selected)).toEqual({ kind: "relation", id });
    await expect.poll(() => page.evaluate((chosen) => window.entente!.drawnRelations().includes(chosen), id)).toBe(true);
    expect(await page.evaluate(() => window.entente!.drawnEdges())).toBe(pairsOf(tensions));

    // Only the cooperations, the tension still chosen: its pair shows a cooperation, not the hidden tension.
    await page.locator(".filter-row[data-type=cooperation]").hover();
    await page.locator(".filter-row[data-type=cooperation] .only").click();
    const cooperations = rows.filter((r) => r.type === "cooperation");
    await expect.poll(() => page.evaluate(() => window.entente!.drawnEdges())).toBe(pairsOf(cooperations));
    const after = await page.evaluate(() => ({ drawn: window.entente!.drawnRelations(), shown: window.entente!.shown().relations }));
    expect(after.drawn.every((relation) => after.shown.includes(relation))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a large graph whose layout worker dies says so and draws its relations where its actors are", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The layout's worker dies as soon as it is given work; the import's works.
    await page.addInitScript(() => {
      const Real = window.Worker;
      window.Worker = class extends Real {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          if (!String(url).includes("layout")) return;
          this.postMessage = (() => {
            setTimeout(() => this.onerror?.(new ErrorEvent("error", { message: "the layout worker died" })), 10);
          }) as Worker["postMessage"];
        }
      };
    });
    const { errors } = await openOn(page, "?lang=en");
    await settled(page);
    const rows = Array.from({ length: 6000 }, (_, i) => `n${i % 60},n${((i % 60) + 1 + (i % 59)) % 60},cooperation,Event ${i}.,Example Wire`);
    await drop(page, "large.csv", ["source,target,type,quote,reportedBy", ...rows].join("\n"), "text/csv");
    await expect.poll(() => page.evaluate(() => window.entente!.edgeCount()), { timeout: 60_000 }).toBe(6000);
    await expect.poll(() => page.locator("#status").innerText(), { timeout: 20_000 }).toContain("the layout worker died");
    await expect.poll(() => page.evaluate(() => window.entente!.drawnEdges())).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("many warnings show five at first and the rest on request, in a notice that scrolls rather than covering the graph", async () => {
    for (const [lang, more] of [["en", "Show 7 more"], ["fa", "نمایش ۷ مورد دیگر"]] as const) {
      const { page, errors } = await open(browser, `?lang=${lang}`);
      await settled(page);
      // Twelve relations of an actor with itself: each one a warning, the data still loads.
      const rows = Array.from({ length: 12 }, (_, i) => `n${i},n${i},tension,Row ${i}.,Example Wire`);
      await drop(page, "selves.csv", ["source,target,type,quote,reportedBy", "a,b,cooperation,A and B.,Example Wire", ...rows].join("\n"), "text/csv");
      await expect.poll(() => page.evaluate(() => window.entente!.edgeCount()), { timeout: 20_000 }).toBe(13);
      const notices = page.locator("#notices");
      await expect.poll(() => notices.isVisible()).toBe(true);
      expect(await notices.locator("li").count()).toBe(5);
      await notices.getByRole("button", { name: more }).click();
      // The rest come in quietly: a screen reader does not read out every one of them.
      expect(await notices.getAttribute("aria-live")).toBe("off");
      expect(await notices.locator("li").count()).toBe(12);
      expect(await notices.getByRole("button", { name: more }).count()).toBe(0);
      // The keyboard's place is the first notice the button brought.
      expect(await page.evaluate(() => document.activeElement === document.querySelectorAll("#notices li")[5])).toBe(true);
      // However many, the notice stays within part of the graph's height and scrolls.
      const [notice, graph] = await Promise.all([notices.boundingBox(), page.locator("#graph").boundingBox()]);
      expect(notice!.height).toBeLessThanOrEqual(graph!.height * 0.5);
      expect(await notices.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("a file of no known format says which formats it opens", async () => {
    const { page } = await open(browser);
    await settled(page);
    await drop(page, "notes.bin", "just some words");
    const panel = page.locator("#import-panel");
    await expect.poll(() => panel.getAttribute("data-state"), { timeout: 20_000 }).toBe("failed");
    expect(await panel.innerText()).toContain("Entente JSON, CSV, GEXF, GraphML and GDELT");
    expect(await page.evaluate(() => window.entente!.nodeCount())).toBe(13);
    await page.close();
  });

  it("a GEXF file keeps its colours and layout, and the relation type can come from another attribute", async () => {
    const { page } = await open(browser);
    await settled(page);
    const gexf = readFileSync(new URL("../fixtures/import/tiny.gexf", import.meta.url), "utf8");
    await drop(page, "tiny.gexf", gexf, "application/xml");
    await expect.poll(() => page.evaluate(() => window.entente!.nodeCount()), { timeout: 20_000 }).toBe(4);
    await settled(page);
    const choice = page.locator("#type-attribute");
    await expect.poll(() => choice.isVisible()).toBe(true);
    const options = await choice.locator("option").allInnerTexts();
    expect(options).toContain("type");
    expect(options).toContain("label");
    await choice.selectOption("label");
    // Edge labels are now the relation types: "jet downed" appears in the legend.
    await expect.poll(() => page.locator("#legend").innerText(), { timeout: 20_000 }).toContain("jet downed");
    await page.close();
  });
});

describe("ways out", () => {
  for (const format of ["json", "gexf"] as const) {
    it(`the current view exported as ${format.toUpperCase()} opens again as the same graph`, async () => {
      const { page } = await open(browser, "?types=tension,conflict");
      await settled(page);
      const shown = await page.evaluate(() => window.entente!.shown());
      await page.locator("#share-open").click();
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`#export-${format}`).click()]);
      const text = readFileSync((await download.path())!, "utf8");
      await page.keyboard.press("Escape");
      await drop(page, download.suggestedFilename(), text);
      await expect.poll(() => page.evaluate(() => window.entente!.nodeCount()), { timeout: 20_000 }).toBe(shown.actors.length);
      await settled(page);
      expect(await page.evaluate(() => window.entente!.edgeCount())).toBe(shown.relations.length);
      expect((await page.evaluate(() => window.entente!.shown().relations)).sort()).toEqual([...shown.relations].sort());
      // The evidence travels with the relations.
      await page.locator("#search").fill("Turkey");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#details blockquote").count()).toBeGreaterThan(0);
      expect(await page.locator("#details blockquote").first().innerText()).toMatch(/[\u0600-\u06FF]/);
      await page.close();
    });
  }

  it("the whole dataset exports as two CSV files, relations and actors", async () => {
    const { page } = await open(browser, "?types=tension");
    await settled(page);
    await page.locator("#share-open").click();
    await page.locator("#export-scope-all").check();
    const downloads: string[] = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    await page.locator("#export-csv").click();
    await expect.poll(() => downloads.sort()).toEqual(["entente-actors.csv", "entente-relations.csv"]);
    await page.close();
  });
});

const REAL = new URL("../../../shared/fixtures/real/", import.meta.url);

describe("real files made by Gephi and others", () => {
  if (!existsSync(REAL)) {
    it("were not run: ../shared/fixtures/real is absent", () => {
      console.warn("browser compatibility test not run: ../shared/fixtures/real is absent");
      expect(existsSync(REAL)).toBe(false);
    });
    return;
  }
  // The largest node size (a radius in pixels at the first zoom): thousands of actors get smaller discs, so that the whole graph is not one blob.
  for (const [name, nodes, edges, largest] of [
    ["les-miserables.gexf", 77, 254, 18],
    ["airlines.graphml", 235, 2101, 18],
    ["power-grid.gexf", 4941, 6594, 5],
  ] as const) {
    it(`${name} opens and is drawn with ${nodes} actors and ${edges} relations, its largest node of size ${largest} at first`, async () => {
      const { page, errors } = await open(browser);
      await settled(page);
      await page.setInputFiles("#file-input", { name, mimeType: "application/xml", buffer: readFileSync(new URL(name, REAL)) });
      await expect.poll(() => page.evaluate(() => window.entente!.nodeCount()), { timeout: 40_000 }).toBe(nodes);
      expect(await page.evaluate(() => window.entente!.edgeCount())).toBe(edges);
      await page.waitForSelector("body[data-state=settled]", { timeout: 120_000 });
      await expect.poll(() => page.evaluate(() => window.entente!.drawnEdges())).toBeGreaterThan(0);
      const sizes = await page.evaluate(() => window.entente!.shown().actors.map((id) => window.entente!.nodeSize(id) ?? 0));
      expect(Math.max(...sizes)).toBeCloseTo(largest, 6);
      expect(Math.min(...sizes)).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);
  }
});

describe("problems in the reader's language", () => {
  it("a broken CSV dropped on the Persian page lists its problems in Persian, with Persian places", async () => {
    const { page, errors } = await open(browser, "?lang=fa");
    await settled(page);
    await drop(page, "broken.csv", "source,target,colour\natlantis,borduria,red\n", "text/csv");
    const panel = page.locator("#import-panel");
    await expect.poll(() => panel.getAttribute("data-state"), { timeout: 20_000 }).toBe("failed");
    const text = await panel.innerText();
    expect(text).toContain("broken.csv باز نشد");
    expect(text).toContain('ستون‌های لازم "type" نیستند (سطر عنوان: source, target, colour)');
    expect(text).toContain("ستون ناشناختهٔ «colour» نادیده گرفته شد");
    expect(text).toContain("ردیف ۱، ستون «colour»");
    expect(text).not.toContain("missing required");
    expect(text).not.toContain("row 1");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a bad address parameter is told in Persian", async () => {
    const { page, errors } = await open(browser, "?lang=fa&kinds=xyz");
    await settled(page);
    const notices = page.locator("#notices");
    expect(await notices.isVisible()).toBe(true);
    const text = await notices.innerText();
    expect(text).toContain("نوع بازیگر ناشناختهٔ «xyz»");
    expect(text).not.toContain("unknown actor kind");
    expect(errors).toEqual([]);
    await page.close();
  });
});
