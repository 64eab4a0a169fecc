/**
 * The table view: the same relations as the graph, following the filters,
 * for reading without a mouse or without sight. Columns sort; choosing a row
 * selects the relation in the graph, and a relation chosen in the graph is
 * marked in the table.
 */
import type { Relation } from "../core/dataset";
import { formatDate, type MessageKey } from "../core/i18n";
import type { Selection } from "../core/view/types";
import { bidi, h, replace } from "./dom";
import { actorLabel, text, type UiContext } from "./context";

type Column = "source" | "type" | "target" | "date" | "reportedBy" | "quote";
const COLUMNS: readonly Column[] = ["source", "type", "target", "date", "reportedBy", "quote"];

export class RelationTable {
  private sortBy: Column = "source";
  private ascending = true;
  private relations: readonly Relation[] = [];
  private selected: string | null = null;
  private readonly body = h("tbody");
  private readonly caption = h("caption");
  private readonly heads = new Map<Column, HTMLTableCellElement>();
  private open = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: UiContext,
    private readonly select: (selection: Selection) => void,
  ) {
    const { t } = ctx;
    const head = h(
      "tr",
      {},
      ...COLUMNS.map((column) => {
        const cell = h(
          "th",
          { attrs: { scope: "col", "aria-sort": "none" } },
          h("button", { type: "button", className: "sort", on: { click: () => this.sort(column) } }, t(`table.${column}` as MessageKey)),
        );
        this.heads.set(column, cell);
        return cell;
      }),
    );
    replace(root, h("table", { className: "relations-table" }, this.caption, h("thead", {}, head), this.body));
    root.hidden = true;
  }

  isOpen(): boolean {
    return this.open;
  }

  toggle(): void {
    this.open = !this.open;
    this.root.hidden = !this.open;
    if (this.open) {
      this.render();
      this.root.querySelector<HTMLButtonElement>("tbody button")?.focus();
    }
  }

  /** Follows the filters: exactly the relations the graph shows. */
  update(visible: ReadonlySet<string>, selection: Selection): void {
    this.relations = this.ctx.data.dataset.relations.filter((r) => visible.has(r.id));
    this.selected = selection?.kind === "relation" ? selection.id : null;
    if (this.open) this.render();
  }

  private sort(column: Column): void {
    if (this.sortBy === column) this.ascending = !this.ascending;
    else {
      this.sortBy = column;
      this.ascending = true;
    }
    this.render();
  }

  private value(relation: Relation, column: Column): string {
    const ctx = this.ctx;
    switch (column) {
      case "source":
        return actorLabel(ctx, relation.source);
      case "target":
        return actorLabel(ctx, relation.target);
      case "type": {
        const type = ctx.data.types.get(relation.type);
        return type ? text(ctx, type.label) : relation.type;
      }
      case "date":
        return relation.date ?? "";
      case "reportedBy":
        return [...new Set(relation.evidence.map((e) => e.reportedBy))].join(", ");
      case "quote":
        return relation.evidence[0]?.quote ?? "";
    }
  }

  private render(): void {
    const { t, lang } = this.ctx;
    const collator = new Intl.Collator(lang);
    const rows = [...this.relations].sort((a, b) => {
      const order = collator.compare(this.value(a, this.sortBy), this.value(b, this.sortBy));
      return (this.ascending ? order : -order) || collator.compare(a.id, b.id);
    });
    this.caption.textContent = t("table.caption", { n: rows.length });
    for (const [column, cell] of this.heads) {
      cell.setAttribute("aria-sort", column === this.sortBy ? (this.ascending ? "ascending" : "descending") : "none");
    }
    const quoteLang = this.ctx.data.dataset.meta.source.language;
    replace(
      this.body,
      ...rows.map((relation) => {
        const chosen = relation.id === this.selected;
        return h(
          "tr",
          { className: chosen ? "chosen" : "", dataset: { relation: relation.id }, attrs: chosen ? { "aria-current": "true" } : {} },
          h("td", {}, bidi(this.value(relation, "source"))),
          h(
            "td",
            {},
            h(
              "button",
              { type: "button", className: "relation-link", on: { click: () => this.select({ kind: "relation", id: relation.id }) } },
              this.value(relation, "type"),
            ),
          ),
          h("td", {}, bidi(this.value(relation, "target"))),
          h("td", { className: "date" }, relation.date ? formatDate(relation.date, lang) : ""),
          h("td", {}, bidi(this.value(relation, "reportedBy"))),
          h("td", { className: "quote", lang: quoteLang, dir: "auto" }, this.value(relation, "quote")),
        );
      }),
    );
    this.body.querySelector("tr.chosen")?.scrollIntoView({ block: "nearest" });
  }
}
