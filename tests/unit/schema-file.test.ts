/** data/schema.json is generated from the zod schema and must not drift from it. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { datasetJsonSchema } from "../../src/core/dataset/schema";
import { SCHEMA_PATH, schemaText } from "../../scripts/write-schema";

const fileText = readFileSync(SCHEMA_PATH, "utf8");
const file = JSON.parse(fileText) as Record<string, unknown>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every subschema with a `pattern`, keyed by its path in the schema. */
function patterns(node: Json, path = "#"): Map<string, string> {
  const found = new Map<string, string>();
  if (node && typeof node === "object" && !Array.isArray(node)) {
    if (typeof node.pattern === "string") found.set(path, node.pattern);
    for (const [key, child] of Object.entries(node)) for (const [p, v] of patterns(child, `${path}/${key}`)) found.set(p, v);
  } else if (Array.isArray(node)) node.forEach((child, i) => patterns(child, `${path}/${i}`).forEach((v, p) => found.set(p, v)));
  return found;
}

function patternAt(path: string): RegExp {
  const source = patterns(file as Json).get(path);
  if (source === undefined) throw new Error(`no pattern at ${path}`);
  return new RegExp(source, "u");
}

describe("data/schema.json", () => {
  it("is exactly the freshly generated schema", () => {
    expect(file, "data/schema.json is stale: run npm run schema").toEqual(datasetJsonSchema());
    expect(fileText, "data/schema.json is stale: run npm run schema").toBe(schemaText());
  });

  it("is pretty JSON with a trailing newline", () => {
    expect(fileText.endsWith("}\n")).toBe(true);
    expect(fileText.endsWith("\n\n")).toBe(false);
    expect(fileText.split("\n")[1]).toBe('  "$schema": "https://json-schema.org/draft/2020-12/schema",');
  });

  it("is a draft 2020-12 object schema requiring meta, actors, relationTypes and relations", () => {
    expect(file.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(file.type).toBe("object");
    expect(file.required).toEqual(["meta", "actors", "relationTypes", "relations"]);
    expect(file.title).toBe("Entente dataset");
    expect(Object.keys(file.properties as object)).toEqual(["$schema", "meta", "actors", "relationTypes", "relations"]);
  });

  it("defines LocalizedText once, with at least one language-code key", () => {
    expect(file.$defs).toEqual({
      LocalizedText: {
        type: "object",
        propertyNames: { type: "string", pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$" },
        additionalProperties: { type: "string", minLength: 1 },
        minProperties: 1,
        description: "Text for readers, keyed by language code (fa, en, …).",
      },
    });
  });

  it("has patterns that compile as ECMAScript regular expressions", () => {
    const all = patterns(file as Json);
    expect(all.size).toBeGreaterThan(0);
    for (const [path, source] of all) expect(() => new RegExp(source, "u"), path).not.toThrow();
  });

  it("allows only http and https addresses, as the validator does", () => {
    const url = patternAt("#/properties/meta/properties/source/properties/url");
    expect(["https://p.dw.com/p/1HDEF", "http://example.org", "HTTPS://example.org"].every((u) => url.test(u))).toBe(true);
    expect(["javascript:alert(1)", "data:,x", "ftp://example.org", "example.org"].some((u) => url.test(u))).toBe(false);
  });

  it("allows only calendar dates, as the validator does", () => {
    const date = patternAt("#/properties/meta/properties/source/properties/published");
    expect(["2015-11-26", "2016-02-29", "2000-02-29"].every((d) => date.test(d))).toBe(true);
    expect(["2015-02-30", "2015-02-29", "1900-02-29", "26/11/2015", "2015-13-01", "2015-11-26T00:00"].some((d) => date.test(d))).toBe(false);
  });

  it("requires each part of an actor, relation type and relation that the validator requires", () => {
    const items = (name: string) => ((file.properties as Record<string, { items: { required: string[] } }>)[name]?.items.required ?? []);
    expect(items("actors")).toEqual(["id", "kind", "label"]);
    expect(items("relationTypes")).toEqual(["id", "label", "sign", "directed", "color"]);
    expect(items("relations")).toEqual(["id", "source", "target", "type", "evidence"]);
  });
});
