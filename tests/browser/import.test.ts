/**
 * Bringing one's own data, as a person does: drop a file on the page or pick
 * it with the button; a broken file lists its problems and the graph stays.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, open, settled } from "./harness";

const CSV = [
  "source,target,type,date,quote,reportedBy",
  "atlantis,borduria,tension,2021-05-01,Atlantis and Borduria recalled their envoys.,Example Wire",
  "atlantis,carpathia,cooperation,2021-05-02,Atlantis and Carpathia signed a pact.,Example Wire",
  "borduria,carpathia,conflict,2021-05-03,Borduria shelled the border.,Example Wire",
].join("\n");

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

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
});
