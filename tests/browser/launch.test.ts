/**
 * The Chromium the tests, the screenshots and the benchmark launch (scripts/chromium.ts): it builds
 * none of the address bar's unseen popups beside the page, and it keeps every feature Playwright
 * turns off, though Chromium reads only the last `--disable-features` it is given.
 */
import { readFileSync, readdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PLAYWRIGHT_DISABLED_FEATURES } from "../../scripts/chromium";
import { baseUrl, useBrowser } from "./harness";

let browser: Browser;
useBrowser((launched) => (browser = launched));

/** The command lines of this process's children: the browser this file launched is one of them. */
function childCommandLines(): string[][] {
  const lines: string[][] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent's pid is the fourth field of stat, after the name in parentheses (which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent !== process.pid) continue;
      lines.push(readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean));
    } catch {
      // A process that ended meanwhile.
    }
  }
  return lines;
}

describe("the browser launched for tests and the benchmark", () => {
  it("opens a page with no other page beside it: the address bar's popups are not built", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl()}?lang=en`);
      await page.waitForSelector("body[data-state=settled]", { timeout: 30_000 });
      const session = await browser.newBrowserCDPSession();
      const { targetInfos } = (await session.send("Target.getTargets")) as { targetInfos: { type: string; url: string }[] };
      await session.detach();
      expect(targetInfos.filter((target) => target.url.startsWith("chrome://")).map((target) => target.url)).toEqual([]);
      expect(targetInfos.filter((target) => target.type === "page")).toHaveLength(1);
    } finally {
      await page.close();
    }
  });

  it("turns off every feature Playwright turns off, in the one list Chromium reads", () => {
    const browserLine = childCommandLines().find((args) => args.includes("--remote-debugging-pipe"));
    if (!browserLine) throw new Error("the launched browser's command line was not found among this process's children");
    const lists = browserLine.filter((arg) => arg.startsWith("--disable-features=")).map((arg) => arg.slice("--disable-features=".length).split(","));
    expect(lists.length).toBeGreaterThanOrEqual(2);
    const read = lists.at(-1)!;
    // What Playwright passes first, whatever its version: each must be in the list Chromium reads.
    const dropped = lists.slice(0, -1).flat().filter((feature) => feature && !read.includes(feature));
    expect(dropped, "add these to PLAYWRIGHT_DISABLED_FEATURES in scripts/chromium.ts").toEqual([]);
    expect(read).toEqual(expect.arrayContaining([...PLAYWRIGHT_DISABLED_FEATURES, "WebUIOmniboxPopup", "WebUIOmniboxAimPopup"]));
  });
});
