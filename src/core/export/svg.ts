/**
 * "Export the current view as SVG": a pure string builder, so it runs the same
 * in the app, in a worker and in unit tests. Every string in a scene may come
 * from an untrusted dataset, so nothing reaches the output unescaped.
 *
 * Layout, top to bottom, all bands as wide as the graph area:
 *   header  (title, wrapped)            — absent when the title is empty
 *   graph   (scene.width × scene.height, clipped, so zoomed-in views stay inside)
 *   legend  (title, then items in rows that wrap) — absent when there is nothing to show
 *   footer  (source line, wrapped)
 */
import { controlPoint } from "./control-point";

export interface SvgNode {
  id: string;
  x: number;
  y: number;
  /** Radius in px, as sigma's node size. */
  size: number;
  color: string;
  label: string;
}

export interface SvgEdge {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
  directed: boolean;
  /**
   * Sigma-style curvature: 0 is straight; otherwise the quadratic control point
   * sits at midpoint + curvature × (dy, −dx), in this y-down space. That is the
   * side sigma draws on screen: its shader's (−dy, dx) normal lives in WebGL's
   * y-up viewport, which mirrors to (dy, −dx) once y points down.
   * Example: (0,0)→(100,0) with curvature 0.5 has its control point at (50,−50).
   */
  curvature: number;
  dashed: boolean;
}

export interface SvgLegendItem {
  kind: "node" | "edge";
  color: string;
  label: string;
  dashed?: boolean;
}

export interface SvgScene {
  /** The graph area in px; node and edge coordinates are in this space (y down). */
  width: number;
  height: number;
  background: string;
  textColor: string;
  fontFamily: string;
  title: string;
  sourceLine: string;
  legendTitle: string;
  legend: SvgLegendItem[];
  nodes: SvgNode[];
  edges: SvgEdge[];
  /** Text direction of the title, legend and source line. */
  dir: "ltr" | "rtl";
  /** xml:lang of the document. */
  lang: string;
}

export const SVG_FALLBACK_COLOR = "#888888";

/** Arrowhead length and width, in multiples of the edge width (marker units are stroke widths). */
export const ARROW_RATIO = 3;

const PAD = 16;
const TITLE = { size: 18, line: 24 };
const LEGEND_TITLE = { size: 13, line: 20 };
const LEGEND_ITEM = { size: 12, line: 22, swatch: 18, gap: 6, spacing: 16 };
const SOURCE = { size: 11, line: 16 };
const LABEL = { size: 12, offset: 3 };
const GRAPH_CLIP_ID = "entente-graph-clip";

// ---------------------------------------------------------------------------
// Untrusted input

/** XML 1.0 forbids C0 controls (bar tab, LF, CR), lone surrogates and U+FFFE/U+FFFF; C1 controls are dropped too, being invisible. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/gu;

function clean(text: unknown): string {
  return typeof text === "string" ? text.replace(XML_INVALID, "") : "";
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Safe for both text content and double-quoted attribute values. */
function escape(text: unknown): string {
  return clean(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? "");
}

// Only hex lengths CSS understands (3, 4, 6, 8) are accepted: "#12345" would render as black, not as intended.
const HEX_COLOR = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;
const NAMED_COLOR = /^[a-z]{3,20}$/;

export function safeColor(color: unknown): string {
  return typeof color === "string" && (HEX_COLOR.test(color) || NAMED_COLOR.test(color)) ? color : SVG_FALLBACK_COLOR;
}

function finite(...values: unknown[]): boolean {
  return values.every((v) => typeof v === "number" && Number.isFinite(v));
}

/** Two decimals keep files small; sub-pixel precision beyond that is invisible. */
function num(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---------------------------------------------------------------------------
// Text measurement: no canvas here, so widths are estimated generously.
// Overestimating only wraps a little early; underestimating would overlap.

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f300
  );
}

export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += isWide(char.codePointAt(0) ?? 0) ? 1 : 0.6;
  return em * fontSize;
}

function splitToFit(word: string, maxWidth: number, fontSize: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const char of word) {
    if (piece && estimateTextWidth(piece + char, fontSize) > maxWidth) {
      pieces.push(piece);
      piece = "";
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy word wrap; words wider than a line (long URLs) are broken by character. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (maxWidth <= 0) return words.length ? [words.join(" ")] : [];
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (estimateTextWidth(candidate, fontSize) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const pieces = splitToFit(word, maxWidth, fontSize);
    line = pieces.pop() ?? "";
    lines.push(...pieces);
  }
  if (line) lines.push(line);
  return lines;
}

function truncateToFit(text: string, maxWidth: number, fontSize: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && estimateTextWidth(`${chars.join("")}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join("")}…`;
}

// ---------------------------------------------------------------------------
// Pieces

interface TextStyle {
  size: number;
  color: string;
  rtl: boolean;
  weight?: number;
}

/**
 * One line of band text. With direction="rtl", text-anchor="start" anchors the
 * right-hand end at x, so callers pass the right edge as x for rtl text.
 */
function bandText(content: string, x: number, y: number, style: TextStyle): string {
  const dir = style.rtl ? ' direction="rtl"' : "";
  const weight = style.weight ? ` font-weight="${style.weight}"` : "";
  return (
    `<text x="${num(x)}" y="${num(y)}" font-size="${style.size}"${weight} fill="${style.color}"` +
    ` text-anchor="start"${dir}>${escape(content)}</text>`
  );
}

/** Baseline that centres a line of `size` text in a band row of height `line` starting at `top`. */
function baseline(top: number, line: number, size: number): number {
  return top + line / 2 + size * 0.35;
}

function markerElement(id: string, color: string): string {
  // SVG 1.1 markers cannot take the stroke colour of the edge using them (context-stroke is SVG 2), hence one per colour.
  // refX 0: the arrow's base sits on the (shortened) line end, so the round line cap hides inside the head.
  return (
    `<marker id="${id}" viewBox="0 0 10 10" refX="0" refY="5" markerUnits="strokeWidth"` +
    ` markerWidth="${ARROW_RATIO}" markerHeight="${ARROW_RATIO}" orient="auto">` +
    `<path d="M 0 0 L 10 5 L 0 10 z" fill="${color}"/></marker>`
  );
}

/**
 * Edges arrive centre to centre. Nodes are drawn over them, so an arrowhead at
 * the centre would be hidden: directed edges are cut back by the target node's
 * radius (when a node sits at the end point) plus the arrow's length, so the tip
 * touches the node's rim, as in sigma.
 */
function edgeElement(edge: SvgEdge, color: string, markerId: string | undefined, radiusAt: Map<string, number>): string {
  const { x1, y1, curvature } = edge;
  let { x2, y2 } = edge;
  const width = Math.max(0, edge.width);
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  const { x: cx, y: cy } = controlPoint({ x: x1, y: y1 }, { x: x2, y: y2 }, curvature);

  if (markerId !== undefined && length > 0) {
    const trim = (radiusAt.get(pointKey(x2, y2)) ?? 0) + ARROW_RATIO * width;
    // The head arrives along the tangent at the end: the chord when straight, control point → end when curved.
    const tx = curvature === 0 ? dx : x2 - cx;
    const ty = curvature === 0 ? dy : y2 - cy;
    const tangent = Math.hypot(tx, ty);
    if (tangent > 0 && trim < length) {
      x2 -= (tx / tangent) * trim;
      y2 -= (ty / tangent) * trim;
    }
  }

  const stroke =
    ` stroke="${color}" stroke-width="${num(width)}" stroke-linecap="round"` +
    (edge.dashed ? ' stroke-dasharray="6 4"' : "") +
    (markerId !== undefined ? ` marker-end="url(#${markerId})"` : "");
  if (curvature === 0) {
    return `<line class="edge" x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}"${stroke}/>`;
  }
  const d = `M ${num(x1)} ${num(y1)} Q ${num(cx)} ${num(cy)} ${num(x2)} ${num(y2)}`;
  return `<path class="edge" d="${d}" fill="none"${stroke}/>`;
}

function pointKey(x: number, y: number): string {
  return `${round2(x)},${round2(y)}`;
}

interface LegendLayout {
  height: number;
  render(top: number): string[];
}

function layoutLegend(scene: SvgScene, width: number, textColor: string, rtl: boolean): LegendLayout {
  const title = clean(scene.legendTitle).trim();
  const inner = Math.max(0, width - 2 * PAD);
  const labelRoom = inner - LEGEND_ITEM.swatch - LEGEND_ITEM.gap;
  const items = (Array.isArray(scene.legend) ? scene.legend : []).map((item) => {
    const label = truncateToFit(clean(item.label).replace(/\s+/g, " ").trim(), labelRoom, LEGEND_ITEM.size);
    const span = LEGEND_ITEM.swatch + LEGEND_ITEM.gap + estimateTextWidth(label, LEGEND_ITEM.size);
    return { item, label, span };
  });

  // Rows: offsets measured from the row's leading edge (left for ltr, right for rtl).
  const rows: { offset: number; entry: (typeof items)[number] }[][] = [];
  let row: (typeof rows)[number] = [];
  let used = 0;
  for (const entry of items) {
    if (row.length && used + LEGEND_ITEM.spacing + entry.span > inner) {
      rows.push(row);
      row = [];
    }
    const offset = row.length ? used + LEGEND_ITEM.spacing : 0;
    row.push({ offset, entry });
    used = offset + entry.span;
  }
  if (row.length) rows.push(row);

  if (!title && rows.length === 0) return { height: 0, render: () => [] };
  const height = PAD / 2 + (title ? LEGEND_TITLE.line : 0) + rows.length * LEGEND_ITEM.line + PAD / 2;

  return {
    height,
    render(top) {
      const out: string[] = [];
      let y = top + PAD / 2;
      const lead = rtl ? width - PAD : PAD;
      if (title) {
        const style = { size: LEGEND_TITLE.size, color: textColor, rtl, weight: 600 };
        out.push(bandText(title, lead, baseline(y, LEGEND_TITLE.line, LEGEND_TITLE.size), style));
        y += LEGEND_TITLE.line;
      }
      for (const items of rows) {
        const mid = y + LEGEND_ITEM.line / 2;
        for (const { offset, entry } of items) {
          // Swatch first in reading order: leftmost for ltr, rightmost for rtl.
          const swatchLeft = rtl ? lead - offset - LEGEND_ITEM.swatch : lead + offset;
          const textX = rtl ? swatchLeft - LEGEND_ITEM.gap : swatchLeft + LEGEND_ITEM.swatch + LEGEND_ITEM.gap;
          const color = safeColor(entry.item.color);
          if (entry.item.kind === "edge") {
            const dash = entry.item.dashed ? ' stroke-dasharray="6 4"' : "";
            out.push(
              `<line class="legend-swatch" x1="${num(swatchLeft + 1)}" y1="${num(mid)}" x2="${num(swatchLeft + LEGEND_ITEM.swatch - 1)}"` +
                ` y2="${num(mid)}" stroke="${color}" stroke-width="2" stroke-linecap="round"${dash}/>`,
            );
          } else {
            out.push(
              `<circle class="legend-swatch" cx="${num(swatchLeft + LEGEND_ITEM.swatch / 2)}" cy="${num(mid)}" r="5"` +
                ` fill="${color}" stroke="#ffffff" stroke-width="1"/>`,
            );
          }
          const style = { size: LEGEND_ITEM.size, color: textColor, rtl };
          out.push(bandText(entry.label, textX, baseline(y, LEGEND_ITEM.line, LEGEND_ITEM.size), style));
        }
        y += LEGEND_ITEM.line;
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------

export function buildSvg(scene: SvgScene): string {
  const width = finite(scene.width) ? Math.max(0, scene.width) : 0;
  const graphHeight = finite(scene.height) ? Math.max(0, scene.height) : 0;
  const rtl = scene.dir === "rtl";
  const textColor = safeColor(scene.textColor);
  const inner = Math.max(0, width - 2 * PAD);
  const lead = rtl ? width - PAD : PAD;

  const titleLines = wrapText(clean(scene.title), inner, TITLE.size);
  const headerHeight = titleLines.length ? PAD + titleLines.length * TITLE.line + PAD / 2 : 0;
  const legend = layoutLegend(scene, width, textColor, rtl);
  const sourceLines = wrapText(clean(scene.sourceLine), inner, SOURCE.size);
  const footerHeight = sourceLines.length ? PAD / 2 + sourceLines.length * SOURCE.line + PAD : PAD / 2;
  const legendTop = headerHeight + graphHeight;
  const footerTop = legendTop + legend.height;
  const totalHeight = footerTop + footerHeight;

  const nodes = (Array.isArray(scene.nodes) ? scene.nodes : []).filter((n) => finite(n.x, n.y, n.size));
  const edges = (Array.isArray(scene.edges) ? scene.edges : []).filter((e) =>
    finite(e.x1, e.y1, e.x2, e.y2, e.width, e.curvature),
  );

  const radiusAt = new Map<string, number>();
  for (const node of nodes) {
    const key = pointKey(node.x, node.y);
    radiusAt.set(key, Math.max(radiusAt.get(key) ?? 0, node.size));
  }

  // Marker ids are generated, never derived from data, so no dataset string can land inside url(#…).
  const markers = new Map<string, string>();
  for (const edge of edges) {
    const color = safeColor(edge.color);
    if (edge.directed && !markers.has(color)) markers.set(color, `entente-arrow-${markers.size}`);
  }

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${num(width)}" height="${num(totalHeight)}"` +
      ` viewBox="0 0 ${num(width)} ${num(totalHeight)}" xml:lang="${escape(scene.lang)}" font-family="${escape(scene.fontFamily)}">`,
    "<defs>",
    `<clipPath id="${GRAPH_CLIP_ID}"><rect x="0" y="0" width="${num(width)}" height="${num(graphHeight)}"/></clipPath>`,
    ...Array.from(markers, ([color, id]) => markerElement(id, color)),
    "</defs>",
    `<rect class="background" x="0" y="0" width="${num(width)}" height="${num(totalHeight)}" fill="${safeColor(scene.background)}"/>`,
    `<g class="graph" transform="translate(0 ${num(headerHeight)})" clip-path="url(#${GRAPH_CLIP_ID})">`,
    '<g class="edges">',
  ];

  for (const edge of edges) {
    const color = safeColor(edge.color);
    out.push(edgeElement(edge, color, edge.directed ? markers.get(color) : undefined, radiusAt));
  }
  out.push("</g>", '<g class="nodes">');
  for (const node of nodes) {
    out.push(
      `<circle class="node" cx="${num(node.x)}" cy="${num(node.y)}" r="${num(Math.max(0, node.size))}"` +
        ` fill="${safeColor(node.color)}" stroke="#ffffff" stroke-width="1"/>`,
    );
  }
  out.push("</g>", `<g class="labels" font-size="${LABEL.size}" fill="${textColor}">`);
  for (const node of nodes) {
    const label = clean(node.label);
    if (!label.trim()) continue;
    // dy rather than dominant-baseline: the latter is ignored by several SVG renderers.
    out.push(
      `<text class="label" x="${num(node.x + Math.max(0, node.size) + LABEL.offset)}" y="${num(node.y)}" dy="0.35em"` +
        ` paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round">${escape(label)}</text>`,
    );
  }
  out.push("</g>", "</g>");

  const titleStyle = { size: TITLE.size, color: textColor, rtl, weight: 700 };
  titleLines.forEach((line, i) => {
    out.push(bandText(line, lead, baseline(PAD + i * TITLE.line, TITLE.line, TITLE.size), titleStyle));
  });
  out.push(...legend.render(legendTop));
  const sourceStyle = { size: SOURCE.size, color: textColor, rtl };
  sourceLines.forEach((line, i) => {
    out.push(bandText(line, lead, baseline(footerTop + PAD / 2 + i * SOURCE.line, SOURCE.line, SOURCE.size), sourceStyle));
  });

  out.push("</svg>", "");
  return out.join("\n");
}
