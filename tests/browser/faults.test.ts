/**
 * When things go wrong: a dataset address that is down, slow, sends HTML or
 * far too much; a worker that dies; a browser without WebGL. Each time the
 * reader is told what happened in plain words, and what was on screen stays.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, nodePoint, settled, useBrowser, withEnglish } from "./harness";

let browser: Browser;
useBrowser((launched) => (browser = launched));

const ORIGIN = "https://faults.entente.test";
const dataAt = (name: string) => `?data=${encodeURIComponent(`${ORIGIN}/${name}`)}`;

async function failedLoad(page: Page, name: string): Promise<string> {
  await page.goto(`${baseUrl()}${withEnglish(dataAt(name))}`);
  await page.waitForSelector("body[data-state=error]", { timeout: 45_000 });
  return page.locator("#problems").innerText();
}

describe("a dataset address that fails", () => {
  it("is down: the address could not be reached", async () => {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => route.abort("connectionrefused"));
    expect(await failedLoad(page, "down.json")).toContain("the address could not be reached");
    await page.close();
  });

  it("is too slow: it gives up and says how long it waited", async () => {
    const page = await browser.newPage();
    // The app waits 20 s; here time runs 40 times faster for its timeout, so the test waits half a second.
    await page.addInitScript(() => {
      const timeout = AbortSignal.timeout.bind(AbortSignal);
      AbortSignal.timeout = (ms: number) => timeout(ms / 40);
    });
    await page.route(`${ORIGIN}/**`, () => undefined);
    expect(await failedLoad(page, "slow.json")).toContain("the server did not answer within 20 seconds");
    await page.close();
  });

  it("sends a web page instead of JSON", async () => {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><h1>Login</h1>", headers: { "access-control-allow-origin": "*" } }),
    );
    expect(await failedLoad(page, "page.json")).toContain("the file is not JSON");
    await page.close();
  });

  it("sends far more than a dataset: it stops reading at 50 MB", async () => {
    const page = await browser.newPage();
    const huge = Buffer.alloc(60 * 1024 * 1024, 0x20);
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: huge, headers: { "access-control-allow-origin": "*" } }),
    );
    expect(await failedLoad(page, "huge.json")).toContain("the file is over 50 MB, the most Entente loads");
    await page.close();
  });
});

describe("a worker that dies", () => {
  it("the layout stops with a message and the graph stays drawn; an import fails with a message and the graph stays", async () => {
    const page = await browser.newPage();
    // Every worker the page starts dies as soon as it is given work.
    await page.addInitScript(() => {
      class DyingWorker extends EventTarget {
        onmessage: ((event: MessageEvent) => void) | null = null;
        onerror: ((event: ErrorEvent) => void) | null = null;
        postMessage(): void {
          setTimeout(() => {
            const event = new ErrorEvent("error", { message: "the worker died" });
            this.onerror?.(event);
            this.dispatchEvent(event);
          }, 10);
        }
        terminate(): void {}
      }
      (window as unknown as { Worker: unknown }).Worker = DyingWorker;
    });
    await page.goto(`${baseUrl()}?lang=en`);
    // The article is laid out before its first frame; its worker starts when an actor is dragged.
    await settled(page);
    const russia = await nodePoint(page, "russia");
    await page.mouse.move(russia.x, russia.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(russia.x + 10 * i, russia.y + 6 * i);
    await page.mouse.up();
    await expect.poll(() => page.locator("#status").innerText(), { timeout: 20_000 }).toContain("the worker died");
    expect(await page.evaluate(() => window.entente!.nodeCount())).toBe(13);
    expect(await page.evaluate(() => window.entente!.nodePosition("russia"))).not.toBeNull();
    await page.setInputFiles("#file-input", { name: "r.csv", mimeType: "text/csv", buffer: Buffer.from("source,target,type\na,b,tension\n") });
    const panel = page.locator("#import-panel");
    await expect.poll(() => panel.getAttribute("data-state"), { timeout: 20_000 }).toBe("failed");
    expect(await panel.innerText()).toContain("The importer stopped unexpectedly.");
    expect(await page.evaluate(() => window.entente!.nodeCount())).toBe(13);
    await page.close();
  });
});

describe("a browser without WebGL", () => {
  it("says so, and the table lists every relation, a row opening its evidence", async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        if (kind.startsWith("webgl") || kind === "experimental-webgl") return null;
        return (getContext as (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
      } as typeof getContext;
    });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${baseUrl()}?lang=en`);
    await page.waitForSelector("body[data-state=settled][data-graph=unavailable]", { timeout: 45_000 });
    expect(await page.locator("#notices").innerText()).toContain("WebGL is not available");
    const rows = page.locator("#table-view tbody tr");
    expect(await rows.count()).toBe(26);
    expect(await page.locator("#summary").innerText()).toContain("26 relations");
    // The relation's type is the button that opens it.
    await rows.filter({ hasText: "Turkey" }).first().locator(".relation-link").click();
    await expect.poll(() => page.locator("#details").isVisible()).toBe(true);
    expect(await page.locator("#details").innerText()).toContain("Turkey");
    expect(await page.locator("#details blockquote, #details .quote").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
