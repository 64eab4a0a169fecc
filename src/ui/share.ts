/**
 * "Share / embed": the link to the current view, the iframe code for an
 * article, and the view as a PNG or SVG file for pages that cannot run scripts.
 */
import { buildSvg } from "../core/export/svg";
import { datasetId } from "../core/graph";
import type { Mounted } from "../app/mount";
import { drawnScene } from "../render/scene";
import { h } from "./dom";
import { text, type UiContext } from "./context";
import type { NodeKeyEntry } from "./node-key";
import { sourceName } from "./source";

const EMBED_HEIGHT = 520;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The code a newsroom pastes: an iframe that reserves its height, and the host script that resizes it. */
export function embedCode(pageUrl: string, title: string): string {
  const page = new URL(pageUrl);
  // Put embed=1 first and leave the rest as written, so commas stay readable.
  const rest = page.search.slice(1).split("&").filter((p) => p !== "" && !p.startsWith("embed="));
  const src = `${page.origin}${page.pathname}?${["embed=1", ...rest].join("&")}`;
  const script = new URL("embed.js", page).href;
  return (
    `<iframe data-entente src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" loading="lazy" ` +
    `width="100%" height="${EMBED_HEIGHT}" style="border:0;width:100%;height:${EMBED_HEIGHT}px;display:block"></iframe>\n` +
    `<script async src="${escapeAttribute(script)}"></script>`
  );
}

function download(name: string, blob: Blob): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function copyButton(label: string, copied: string, source: () => string): HTMLButtonElement {
  const button = h("button", { type: "button", className: "tool-button" }, label);
  button.addEventListener("click", () => {
    void navigator.clipboard
      .writeText(source())
      .then(() => {
        button.textContent = copied;
        setTimeout(() => (button.textContent = label), 2000);
      })
      .catch(() => undefined);
  });
  return button;
}

export class ShareDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly link: HTMLInputElement;
  private readonly code: HTMLTextAreaElement;
  private readonly scopeView = h("input", { type: "radio", id: "export-scope-view", attrs: { name: "export-scope", value: "view", checked: "" } });
  private readonly scopeAll = h("input", { type: "radio", id: "export-scope-all", attrs: { name: "export-scope", value: "all" } });

  constructor(
    private readonly ctx: UiContext,
    private readonly mounted: Mounted,
    /** What the actors' colours mean now (see node-key.ts). */
    private readonly nodeKey: () => readonly NodeKeyEntry[],
  ) {
    const { t } = ctx;
    this.link = h("input", { id: "share-link", type: "text", dir: "ltr", attrs: { readonly: "", "aria-labelledby": "share-link-label" } });
    this.code = h("textarea", { id: "share-code", dir: "ltr", attrs: { readonly: "", rows: "5", "aria-labelledby": "share-code-label" } });
    const select = (event: Event) => (event.target as HTMLInputElement).select();
    this.link.addEventListener("focus", select);
    this.code.addEventListener("focus", select);
    this.dialog = h(
      "dialog",
      { id: "share-dialog", className: "share-dialog", attrs: { "aria-labelledby": "share-title" } },
      h(
        "form",
        { attrs: { method: "dialog" } },
        h("h2", { id: "share-title" }, t("share.title")),
        h("h3", { id: "share-link-label" }, t("share.link")),
        h("div", { className: "share-row" }, this.link, copyButton(t("share.copy"), t("share.copied"), () => this.link.value)),
        h("h3", { id: "share-code-label" }, t("share.embed")),
        h("p", { className: "share-help" }, t("share.embedHelp")),
        this.code,
        h("div", { className: "share-row" }, copyButton(t("share.copyCode"), t("share.copied"), () => this.code.value)),
        h("h3", {}, t("share.export")),
        h(
          "div",
          { className: "share-row" },
          h("button", { type: "button", id: "export-png", className: "tool-button", on: { click: () => void this.png() } }, t("share.png")),
          h("button", { type: "button", id: "export-svg", className: "tool-button", on: { click: () => this.svg() } }, t("share.svg")),
        ),
        h("h3", {}, t("share.data")),
        h(
          "div",
          { className: "share-row", role: "radiogroup", attrs: { "aria-label": t("share.data") } },
          h("label", {}, this.scopeView, t("share.scopeView")),
          h("label", {}, this.scopeAll, t("share.scopeAll")),
        ),
        h(
          "div",
          { className: "share-row" },
          ...(["json", "csv", "gexf"] as const).map((format) =>
            h("button", { type: "button", id: `export-${format}`, className: "tool-button", on: { click: () => void this.data(format) } }, format.toUpperCase()),
          ),
        ),
        h("div", { className: "share-actions" }, h("button", { className: "tool-button", attrs: { value: "close" } }, t("share.close"))),
      ),
    );
    document.body.append(this.dialog);
  }

  destroy(): void {
    this.dialog.remove();
  }

  isOpen(): boolean {
    return this.dialog.open;
  }

  open(): void {
    const url = new URL(this.mounted.urlFor(), location.href).href;
    this.link.value = url;
    this.code.value = embedCode(url, `${this.title()} · ${this.ctx.t("app.name")}`);
    this.dialog.showModal();
  }

  private title(): string {
    return text(this.ctx, this.ctx.data.dataset.meta.title);
  }

  private sourceLine(): string {
    const source = this.ctx.data.dataset.meta.source;
    const line = this.ctx.t("summary.source", { source: sourceName(this.ctx) });
    return source.url ? `${line} · ${source.url}` : line;
  }

  /** The legend of what is shown: what the actors' colours mean (kinds or communities) and the relation types not filtered out. */
  private legend(): { kind: "node" | "edge"; color: string; label: string; dashed?: boolean }[] {
    const { ctx } = this;
    const shownTypes = this.mounted.store.get().types;
    return [
      ...this.nodeKey().map((entry) => ({ kind: "node" as const, ...entry })),
      ...ctx.data.dataset.relationTypes
        .filter((type) => shownTypes === null || shownTypes.includes(type.id))
        .map((type) => ({ kind: "edge" as const, color: type.color, label: text(ctx, type.label), dashed: type.sign < 0 })),
    ];
  }

  /** The SVG as a string: also what the tests read. */
  svgText(): string {
    const { ctx } = this;
    const types = ctx.data.types;
    const scene = drawnScene(this.mounted.renderer, (edge) => {
      const relation = ctx.data.relations.get(edge);
      return (relation && (types.get(relation.type)?.sign ?? 0) < 0) === true;
    });
    return buildSvg({
      ...scene,
      background: "#ffffff",
      textColor: "#1b1b1b",
      fontFamily: "Vazirmatn, sans-serif",
      title: this.title(),
      sourceLine: this.sourceLine(),
      legendTitle: ctx.t("legend.title"),
      legend: this.legend(),
      dir: ctx.lang === "fa" ? "rtl" : "ltr",
      lang: ctx.lang,
    });
  }

  /** The data itself, to open again here or in Gephi: the current view or the whole dataset. */
  private async data(format: "json" | "csv" | "gexf"): Promise<void> {
    const exports = await import("../core/export/dataset");
    const full = this.ctx.data.dataset;
    const shown = this.mounted.filtered();
    const dataset = this.scopeAll.checked ? full : exports.subsetDataset(full, shown);
    if (format === "json") {
      download("entente.json", new Blob([exports.toEntenteJson(dataset)], { type: "application/json" }));
    } else if (format === "csv") {
      const { relations, actors } = exports.toCsv(dataset, this.ctx.lang);
      download("entente-relations.csv", new Blob([relations], { type: "text/csv" }));
      download("entente-actors.csv", new Blob([actors], { type: "text/csv" }));
    } else {
      const graph = this.mounted.graph;
      const positions = new Map<string, { x: number; y: number }>();
      const colors = new Map<string, string>();
      graph.forEachNode((node, attributes) => {
        positions.set(datasetId(node), { x: attributes.x, y: attributes.y });
        if (attributes.color) colors.set(datasetId(node), attributes.color);
      });
      download("entente.gexf", new Blob([exports.toGexf(dataset, positions, colors)], { type: "application/xml" }));
    }
  }

  private svg(): void {
    download("entente.svg", new Blob([this.svgText()], { type: "image/svg+xml" }));
  }

  private async png(): Promise<void> {
    // Loaded on demand: most readers never export.
    const { composePng } = await import("../render/png");
    const blob = await composePng(this.mounted.renderer.sigma, {
      title: this.title(),
      sourceLine: this.sourceLine(),
      legend: this.legend(),
      dir: this.ctx.lang === "fa" ? "rtl" : "ltr",
      font: "Vazirmatn, sans-serif",
      background: "#ffffff",
      textColor: "#1b1b1b",
    });
    download("entente.png", blob);
  }
}
