/**
 * Odd but valid data, drawn and explored in the browser: actors and relations
 * named like Object.prototype's properties, a self relation, a lone actor, a
 * label of 10,000 characters, right-to-left and emoji text.
 */
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nodePoint, openOn, settled, useBrowser } from "./harness";

let browser: Browser;
useBrowser((launched) => (browser = launched));

const ORIGIN = "https://fixtures.entente.test";
const LONG = `${"Ω".repeat(9_990)} long end`;
const evidence = [{ quote: "Reported.", reportedBy: "Example Wire" }];
const odd = {
  meta: { title: { en: "Odd names" }, source: { publisher: { en: "Example Wire" }, language: "en" } },
  actors: [
    { id: "__proto__", kind: "state", label: { en: "Proto" } },
    { id: "constructor", kind: "state", label: { en: "Maker" } },
    { id: "toString", kind: "organization", label: { en: "🇫🇷 Texte 🕊️" } },
    { id: "hasOwnProperty", kind: "person", label: { en: "ایران עברית" } },
    { id: "long", kind: "region", label: { en: LONG } },
    { id: "alone", kind: "person", label: { en: "Nobody's friend" } },
  ],
  relationTypes: [
    { id: "ally", label: { en: "Ally" }, sign: 1, directed: false, color: "#009E73" },
    { id: "__proto__", label: { en: "Proto type" }, sign: -1, directed: true, color: "#D55E00" },
  ],
  relations: [
    { id: "constructor", source: "__proto__", target: "constructor", type: "ally", evidence },
    { id: "valueOf", source: "toString", target: "__proto__", type: "__proto__", evidence },
    { id: "__proto__", source: "hasOwnProperty", target: "hasOwnProperty", type: "__proto__", evidence },
    { id: "long-rel", source: "long", target: "constructor", type: "ally", evidence },
  ],
};

describe("odd but valid data in the browser", () => {
  it("draws and explores actors and relations named __proto__, constructor and toString, and nothing leaks onto Object.prototype", async () => {
    const fresh = await browser.newPage();
    await fresh.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(odd), headers: { "access-control-allow-origin": "*" } }),
    );
    const { page, errors } = await openOn(fresh, `?data=${encodeURIComponent(`${ORIGIN}/odd.json`)}`);
    await settled(page);
    expect(await page.evaluate(() => [window.entente!.nodeCount(), window.entente!.edgeCount()])).toEqual([6, 4]);
    // Every actor is drawn where the automation says, the prototype names included.
    for (const id of ["__proto__", "constructor", "toString", "hasOwnProperty", "long", "alone"]) {
      expect(await page.evaluate((node) => window.entente!.nodePosition(node) !== null, id), id).toBe(true);
    }
    const proto = await nodePoint(page, "__proto__");
    await page.mouse.click(proto.x, proto.y);
    await expect.poll(() => page.locator("#details h2").innerText()).toBe("Proto");
    expect(await page.evaluate(() => window.entente!.view().selected)).toEqual({ kind: "actor", id: "__proto__" });
    // Its relations, by their odd types, are listed; one leads to the relation named "valueOf".
    await page.locator("#details .relation-link").filter({ hasText: "Texte" }).click();
    expect(await page.evaluate(() => window.entente!.view().selected)).toEqual({ kind: "relation", id: "valueOf" });
    // Filter by the type named __proto__: only its two relations stay.
    await page.locator(".filter-row[data-type='__proto__'] label").click({ modifiers: [] });
    const shown = await page.evaluate(() => window.entente!.shown().relations.sort());
    expect([["constructor", "long-rel"], ["__proto__", "valueOf"]]).toContainEqual(shown);
    // The long label is cut short in the panel, and whole in its title.
    const long = await nodePoint(page, "long");
    await page.mouse.click(long.x, long.y);
    await expect.poll(() => page.evaluate(() => window.entente!.view().selected)).toEqual({ kind: "actor", id: "long" });
    const heading = page.locator("#details h2");
    await expect.poll(() => heading.getAttribute("title")).toBe(LONG);
    const box = await heading.boundingBox();
    const panel = await page.locator("#details").boundingBox();
    expect(box!.width).toBeLessThanOrEqual(panel!.width);
    // Nothing was set on Object.prototype by the graph library or the renderer.
    expect(await page.evaluate(() => Object.keys(Object.getPrototypeOf({}) as object).length + Object.getOwnPropertyNames(Object.prototype).filter((k) => !["constructor", "__defineGetter__", "__defineSetter__", "hasOwnProperty", "__lookupGetter__", "__lookupSetter__", "isPrototypeOf", "propertyIsEnumerable", "toString", "valueOf", "__proto__", "toLocaleString"].includes(k)).length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
