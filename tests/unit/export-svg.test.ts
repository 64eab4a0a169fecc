/** The SVG export: a standalone, well-formed document that no dataset string can break out of. */
import { describe, expect, it } from "vitest";
import {
  ARROW_RATIO,
  buildSvg,
  SVG_FALLBACK_COLOR,
  type SvgEdge,
  type SvgNode,
  type SvgScene,
} from "../../src/core/export";

// ---------------------------------------------------------------------------
// A deliberately small XML checker: no XML parser is installed, and a checker
// that rejects more than XML does is fine for output we control.

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string): string {
  return raw.replace(/&([^;&]*)(;?)/g, (whole, name: string, semi: string) => {
    if (!semi) throw new Error(`bare & in ${JSON.stringify(raw)}`);
    const known = ENTITIES[name];
    if (known !== undefined) return known;
    if (/^#[0-9]+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    if (/^#x[0-9a-f]+$/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    throw new Error(`unknown entity ${whole}`);
  });
}

function parseXml(src: string): XmlElement {
  let pos = 0;
  const NAME = /[A-Za-z_:][-A-Za-z0-9_.:]*/y;
  const readName = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(src);
    if (!match) throw new Error(`expected a name at ${pos}`);
    pos = NAME.lastIndex;
    return match[0];
  };
  const skipSpace = (): boolean => {
    const start = pos;
    while (pos < src.length && " \t\n\r".includes(src[pos] ?? "")) pos++;
    return pos > start;
  };
  const expectText = (s: string): void => {
    if (!src.startsWith(s, pos)) throw new Error(`expected ${s} at ${pos}`);
    pos += s.length;
  };

  if (src.startsWith("<?xml")) {
    const end = src.indexOf("?>");
    if (end < 0) throw new Error("unterminated declaration");
    pos = end + 2;
  }
  const doc: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [doc];
  while (pos < src.length) {
    const top = stack[stack.length - 1]!;
    if (src[pos] !== "<") {
      const next = src.indexOf("<", pos);
      const end = next < 0 ? src.length : next;
      const raw = src.slice(pos, end);
      if (raw.includes(">")) throw new Error(`raw > in text at ${pos}`);
      top.text += decode(raw);
      pos = end;
      continue;
    }
    if (src.startsWith("</", pos)) {
      pos += 2;
      const name = readName();
      skipSpace();
      expectText(">");
      const open = stack.pop();
      if (!open || open === doc || open.name !== name) throw new Error(`</${name}> closes ${open?.name}`);
      continue;
    }
    pos++;
    const element: XmlElement = { name: readName(), attrs: {}, children: [], text: "" };
    for (;;) {
      const spaced = skipSpace();
      if (src.startsWith("/>", pos)) {
        pos += 2;
        top.children.push(element);
        break;
      }
      if (src[pos] === ">") {
        pos++;
        top.children.push(element);
        stack.push(element);
        break;
      }
      if (!spaced) throw new Error(`attributes must be separated at ${pos}`);
      const attr = readName();
      expectText('="');
      const end = src.indexOf('"', pos);
      if (end < 0) throw new Error("unterminated attribute");
      const raw = src.slice(pos, end);
      if (raw.includes("<")) throw new Error(`raw < in attribute ${attr}`);
      if (attr in element.attrs) throw new Error(`duplicate attribute ${attr}`);
      element.attrs[attr] = decode(raw);
      pos = end + 1;
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  if (doc.children.length !== 1 || doc.text.trim() !== "") throw new Error("need exactly one root element");
  return doc.children[0]!;
}

function findAll(root: XmlElement, match: (e: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (match(e)) found.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return found;
}

const byClass = (root: XmlElement, name: string): XmlElement[] => findAll(root, (e) => e.attrs.class === name);
const attrNumber = (e: XmlElement | undefined, name: string): number => Number(e?.attrs[name]);

// ---------------------------------------------------------------------------

function node(id: string, x: number, y: number, label = id, extra: Partial<SvgNode> = {}): SvgNode {
  return { id, x, y, size: 8, color: "#336699", label, ...extra };
}

function edge(id: string, from: [number, number], to: [number, number], extra: Partial<SvgEdge> = {}): SvgEdge {
  return {
    id,
    x1: from[0],
    y1: from[1],
    x2: to[0],
    y2: to[1],
    color: "#aa3333",
    width: 2,
    directed: false,
    curvature: 0,
    dashed: false,
    ...extra,
  };
}

function scene(extra: Partial<SvgScene> = {}): SvgScene {
  return {
    width: 800,
    height: 600,
    background: "#f7f7f5",
    textColor: "#222222",
    fontFamily: "Vazirmatn, sans-serif",
    title: "Who stands with whom",
    sourceLine: "Source: DW Persian, 26 November 2015 · https://p.dw.com/p/1HDEF",
    legendTitle: "Legend",
    legend: [
      { kind: "node", color: "#336699", label: "Country" },
      { kind: "edge", color: "#aa3333", label: "Opposes", dashed: true },
    ],
    nodes: [node("ir", 100, 100, "Iran"), node("sa", 300, 120, "Saudi Arabia")],
    edges: [edge("e1", [100, 100], [300, 120])],
    dir: "ltr",
    lang: "en",
    ...extra,
  };
}

const render = (s: SvgScene): XmlElement => parseXml(buildSvg(s));

describe("buildSvg: document", () => {
  it("is a well-formed standalone SVG 1.1 document", () => {
    const svg = buildSvg(scene({ lang: "fa", dir: "rtl" }));
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    const root = parseXml(svg);
    expect(root.name).toBe("svg");
    expect(root.attrs).toMatchObject({
      xmlns: "http://www.w3.org/2000/svg",
      version: "1.1",
      width: "800",
      "xml:lang": "fa",
      "font-family": "Vazirmatn, sans-serif",
    });
    expect(root.attrs.viewBox).toBe(`0 0 800 ${root.attrs.height}`);
  });

  it("the checker itself rejects what XML rejects", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow();
    expect(() => parseXml("<a>x & y</a>")).toThrow();
    expect(() => parseXml('<a b="1" b="2"/>')).toThrow();
    expect(() => parseXml('<a b="<"/>')).toThrow();
    expect(() => parseXml("<a>")).toThrow();
    expect(() => parseXml("<a/><b/>")).toThrow();
    expect(parseXml('<?xml version="1.0"?>\n<a x="&quot;"><b/>t&amp;</a>')).toEqual({
      name: "a",
      attrs: { x: '"' },
      children: [{ name: "b", attrs: {}, children: [], text: "" }],
      text: "t&",
    });
  });

  it("stacks the header, graph, legend and footer bands without overlap, in draw order", () => {
    const root = render(scene());
    const graph = findAll(root, (e) => e.attrs.class === "graph")[0]!;
    const header = Number(/^translate\(0 ([\d.]+)\)$/.exec(graph.attrs.transform ?? "")?.[1]);
    expect(header).toBeGreaterThan(0);
    const graphBottom = header + 600;
    expect(attrNumber(root, "height")).toBeGreaterThan(graphBottom);

    const [title, legendTitle, ...rest] = root.children.filter((e) => e.name === "text");
    expect(title?.text).toBe("Who stands with whom");
    expect(attrNumber(title, "y")).toBeLessThan(header);
    expect(legendTitle?.text).toBe("Legend");
    for (const e of [legendTitle, ...rest, ...byClass(root, "legend-swatch")]) {
      const y = attrNumber(e, "y") || attrNumber(e, "cy") || attrNumber(e, "y1");
      expect(y).toBeGreaterThan(graphBottom);
      expect(y).toBeLessThan(attrNumber(root, "height"));
    }
    expect(rest.at(-1)?.text).toBe("Source: DW Persian, 26 November 2015 · https://p.dw.com/p/1HDEF");

    // background, then the graph (edges < nodes < labels), then band text.
    expect(root.children.map((e) => e.attrs.class ?? e.name).slice(0, 3)).toEqual(["defs", "background", "graph"]);
    expect(graph.children.map((e) => e.attrs.class)).toEqual(["edges", "nodes", "labels"]);
    expect(graph.attrs["clip-path"]).toBe("url(#entente-graph-clip)");
  });

  it("wraps legend items into rows that stay inside the width", () => {
    const legend = Array.from({ length: 12 }, (_, i) => ({ kind: "edge" as const, color: "#123456", label: `Relation ${i}` }));
    const root = render(scene({ width: 400, legend }));
    const swatches = byClass(root, "legend-swatch");
    expect(swatches).toHaveLength(12);
    const rows = new Set(swatches.map((s) => s.attrs.y1));
    expect(rows.size).toBeGreaterThan(1);
    for (const s of swatches) {
      expect(attrNumber(s, "x1")).toBeGreaterThanOrEqual(16);
      expect(attrNumber(s, "x2")).toBeLessThanOrEqual(400 - 16);
    }
    const oneRow = render(scene({ width: 400, legend: legend.slice(0, 1) }));
    expect(attrNumber(root, "height") - attrNumber(oneRow, "height")).toBe((rows.size - 1) * 22);
  });

  it("rounds coordinates to two decimals", () => {
    const root = render(scene({ nodes: [node("a", 1.23456, -7.891, "A")], edges: [] }));
    const [circle] = byClass(root, "node");
    expect([circle?.attrs.cx, circle?.attrs.cy]).toEqual(["1.23", "-7.89"]);
    expect(byClass(root, "label")[0]?.attrs.x).toBe("12.23");
  });
});

describe("buildSvg: nodes and labels", () => {
  it("draws one circle and one haloed label per node, right of the node", () => {
    const root = render(scene());
    const circles = findAll(root, (e) => e.name === "circle" && e.attrs.class === "node");
    expect(circles).toHaveLength(2);
    expect(circles[0]?.attrs).toMatchObject({ cx: "100", cy: "100", r: "8", fill: "#336699", stroke: "#ffffff", "stroke-width": "1" });
    const labels = byClass(root, "label");
    expect(labels.map((l) => l.text)).toEqual(["Iran", "Saudi Arabia"]);
    expect(labels[1]?.attrs).toMatchObject({
      x: "311",
      y: "120",
      "paint-order": "stroke",
      stroke: "#ffffff",
      "stroke-width": "3",
    });
    expect(byClass(root, "labels")[0]?.attrs["font-size"]).toBe("12");
  });

  it("skips nodes and edges with non-finite numbers", () => {
    const root = render(
      scene({
        nodes: [node("ok", 1, 2, "Kept"), node("nan", Number.NaN, 2, "NaNx"), node("inf", 1, 2, "Infinite", { size: Infinity })],
        edges: [
          edge("ok", [0, 0], [10, 10]),
          edge("nan", [0, Number.NaN], [10, 10]),
          edge("w", [0, 0], [10, 10], { width: Number.POSITIVE_INFINITY }),
          edge("c", [0, 0], [10, 10], { curvature: Number.NaN }),
        ],
      }),
    );
    expect(byClass(root, "node")).toHaveLength(1);
    expect(byClass(root, "label").map((l) => l.text)).toEqual(["Kept"]);
    expect(byClass(root, "edge")).toHaveLength(1);
    expect(buildSvg(scene())).not.toMatch(/NaN|Infinity/);
  });
});

describe("buildSvg: edges", () => {
  it("draws straight edges as round-capped lines", () => {
    const root = render(scene({ edges: [edge("a", [0, 0], [100, 0])] }));
    const edges = byClass(root, "edge");
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({
      name: "line",
      attrs: { x1: "0", y1: "0", x2: "100", y2: "0", stroke: "#aa3333", "stroke-width": "2", "stroke-linecap": "round" },
    });
    expect(edges[0]?.attrs["marker-end"]).toBeUndefined();
    expect(edges[0]?.attrs["stroke-dasharray"]).toBeUndefined();
  });

  it("bends curved edges to sigma's on-screen side: control = midpoint + curvature × (dy, −dx)", () => {
    const root = render(
      scene({
        nodes: [],
        edges: [
          edge("up", [0, 0], [100, 0], { curvature: 0.5 }),
          edge("down", [0, 0], [100, 0], { curvature: -0.5 }),
          edge("diag", [10, 20], [30, 60], { curvature: 0.25 }),
        ],
      }),
    );
    const paths = byClass(root, "edge");
    expect(paths.map((p) => p.name)).toEqual(["path", "path", "path"]);
    expect(paths.map((p) => p.attrs.d)).toEqual([
      "M 0 0 Q 50 -50 100 0",
      "M 0 0 Q 50 50 100 0",
      // mid (20, 40) + 0.25 × (40, −20)
      "M 10 20 Q 30 35 30 60",
    ]);
    expect(paths[0]?.attrs.fill).toBe("none");
  });

  it("dashes dashed edges", () => {
    const root = render(scene({ edges: [edge("a", [0, 0], [9, 9], { dashed: true }), edge("b", [0, 0], [9, 9])] }));
    expect(byClass(root, "edge").map((e) => e.attrs["stroke-dasharray"])).toEqual(["6 4", undefined]);
  });

  it("gives directed edges an arrowhead marker defined once per colour", () => {
    const root = render(
      scene({
        nodes: [],
        edges: [
          edge("a", [0, 0], [100, 0], { directed: true, color: "#ff0000" }),
          edge("b", [0, 0], [0, 100], { directed: true, color: "#00ff00", curvature: 0.3 }),
          edge("c", [0, 0], [50, 50], { directed: true, color: "#ff0000" }),
          edge("d", [0, 0], [50, 50], { directed: false, color: "#0000ff" }),
        ],
      }),
    );
    const markers = findAll(root, (e) => e.name === "marker");
    expect(markers).toHaveLength(2);
    const fillOf = new Map(markers.map((m) => [`url(#${m.attrs.id})`, m.children[0]?.attrs.fill]));
    const edges = byClass(root, "edge");
    expect(edges.map((e) => fillOf.get(e.attrs["marker-end"] ?? ""))).toEqual(["#ff0000", "#00ff00", "#ff0000", undefined]);
    expect(edges[3]?.attrs["marker-end"]).toBeUndefined();
    expect(findAll(root, (e) => e.name === "defs")[0]?.children.filter((e) => e.name === "marker")).toHaveLength(2);
  });

  it("ends directed edges so the arrow's tip touches the target node's rim", () => {
    const root = render(
      scene({
        nodes: [node("t", 100, 0, "T", { size: 10 })],
        edges: [
          edge("to-node", [0, 0], [100, 0], { directed: true }),
          edge("to-nothing", [0, 0], [0, 100], { directed: true }),
          edge("undirected", [0, 0], [100, 0]),
        ],
      }),
    );
    const [toNode, toNothing, undirected] = byClass(root, "edge");
    // radius 10 + arrow 3 × width 2
    expect(attrNumber(toNode, "x2")).toBe(100 - 10 - ARROW_RATIO * 2);
    expect(attrNumber(toNothing, "y2")).toBe(100 - ARROW_RATIO * 2);
    expect(attrNumber(undirected, "x2")).toBe(100);
  });
});

describe("buildSvg: direction", () => {
  it("anchors rtl title, legend and source at the right edge and flows legend items right to left", () => {
    const root = render(scene({ dir: "rtl", lang: "fa", title: "چه کسی با کیست" }));
    const bandTexts = root.children.filter((e) => e.name === "text");
    expect(bandTexts.length).toBe(5);
    for (const t of bandTexts) expect(t.attrs).toMatchObject({ direction: "rtl", "text-anchor": "start" });
    const [title, legendTitle, , , source] = bandTexts;
    for (const t of [title, legendTitle, source]) expect(attrNumber(t, "x")).toBe(800 - 16);

    const [first, second] = byClass(root, "legend-swatch");
    expect(attrNumber(first, "cx")).toBe(800 - 16 - 9);
    expect(attrNumber(second, "x2")).toBeLessThan(attrNumber(first, "cx"));
    // each label sits left of its swatch
    expect(attrNumber(bandTexts[2], "x")).toBe(800 - 16 - 18 - 6);
  });

  it("anchors ltr band text at the left edge without a direction attribute", () => {
    const root = render(scene());
    const bandTexts = root.children.filter((e) => e.name === "text");
    for (const t of bandTexts) expect(t.attrs.direction).toBeUndefined();
    expect(attrNumber(bandTexts[0], "x")).toBe(16);
    const [first, second] = byClass(root, "legend-swatch");
    expect(attrNumber(first, "cx")).toBe(16 + 9);
    expect(attrNumber(second, "x1")).toBeGreaterThan(attrNumber(first, "cx"));
  });
});

describe("buildSvg: untrusted text", () => {
  const hostile = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "&amp;", "it's"];

  it("escapes labels, title, legend, source, lang and font so they stay text", () => {
    const svg = buildSvg(
      scene({
        title: hostile[0]!,
        sourceLine: hostile[1]!,
        legendTitle: hostile[2]!,
        legend: [{ kind: "node", color: "#123", label: hostile[3]! }],
        lang: '"><script>x</script>',
        fontFamily: "a\" onload=\"alert(1)",
        nodes: hostile.map((label, i) => node(`n${i}`, 10 * i, 10, label)),
      }),
    );
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<img");
    // Once text and attribute values are blanked out, only our own markup is left.
    const markup = svg.replace(/="[^"]*"/g, '=""').replace(/>[^<]*</g, "><");
    expect(markup).not.toMatch(/onerror|onload|script|img/);
    // Each string is used twice: once as a node label, once in the title, source or legend.
    for (const label of hostile) expect(svg.split(`>${escapeForTest(label)}</text>`)).toHaveLength(3);

    const root = parseXml(svg);
    expect(byClass(root, "label").map((l) => l.text)).toEqual(hostile);
    const allowed = new Set(["svg", "defs", "clipPath", "rect", "marker", "path", "g", "line", "circle", "text"]);
    for (const e of findAll(root, () => true)) {
      expect(allowed.has(e.name)).toBe(true);
      for (const attr of Object.keys(e.attrs)) expect(attr.startsWith("on")).toBe(false);
    }
    expect(root.attrs["xml:lang"]).toBe('"><script>x</script>');
    expect(root.attrs["font-family"]).toBe('a" onload="alert(1)');
    expect(svg).toContain(">&amp;amp;</text>");
  });

  it("falls back to grey for anything that is not a plain colour", () => {
    const bad = ["red;fill:url(javascript:alert(1))", "#12", "#12345", "url(#x)", "RED", "rgb(0,0,0)", "", "#ggg"];
    const root = render(
      scene({
        background: "expression(alert(1))",
        textColor: "#zzz",
        nodes: [...bad, "#abc", "#A1B2C3D4", "steelblue"].map((color, i) => node(`n${i}`, i, i, `n${i}`, { color })),
        edges: [edge("e", [0, 0], [1, 1], { color: "x\" y=\"1", directed: true })],
        legend: [{ kind: "edge", color: "<b>", label: "L" }],
      }),
    );
    expect(byClass(root, "node").map((c) => c.attrs.fill)).toEqual([
      ...bad.map(() => SVG_FALLBACK_COLOR),
      "#abc",
      "#A1B2C3D4",
      "steelblue",
    ]);
    expect(byClass(root, "background")[0]?.attrs.fill).toBe(SVG_FALLBACK_COLOR);
    expect(byClass(root, "labels")[0]?.attrs.fill).toBe(SVG_FALLBACK_COLOR);
    expect(byClass(root, "edge")[0]?.attrs.stroke).toBe(SVG_FALLBACK_COLOR);
    expect(findAll(root, (e) => e.name === "marker")[0]?.children[0]?.attrs.fill).toBe(SVG_FALLBACK_COLOR);
    expect(byClass(root, "legend-swatch")[0]?.attrs.stroke).toBe(SVG_FALLBACK_COLOR);
  });

  it("strips characters XML 1.0 does not allow, keeping tab, newline and carriage return", () => {
    const svg = buildSvg(
      scene({
        title: "Ti\u0001tle\uFFFE",
        nodes: [node("a", 0, 0, "Ir\u0000a\u0007n\uFFFF\uD800"), node("b", 5, 5, "A\tB\nC\rD \uD83C\uDF0D")],
      }),
    );
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u);
    const root = parseXml(svg);
    expect(byClass(root, "label").map((l) => l.text)).toEqual(["Iran", "A\tB\nC\rD \u{1F30D}"]);
    expect(root.children.find((e) => e.name === "text")?.text).toBe("Title");
  });
});

function escapeForTest(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
