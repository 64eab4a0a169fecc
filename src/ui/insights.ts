/**
 * The Insights panel: structural balance. "The enemy of my enemy is my
 * friend" tested on every triangle of friendly and hostile ties; the
 * unbalanced ones, most evidenced first, each in a sentence with its evidence.
 */
import { analyseBalance, describeTriangle, type Triangle } from "../core/analysis";
import { formatNumber } from "../core/i18n";
import type { Selection } from "../core/view/types";
import { closeButton, h, showPanel, type Child } from "./dom";
import { relationLine } from "./evidence";
import type { UiContext } from "./context";

export interface InsightsHandlers {
  highlight(group: { nodes: readonly string[]; edges: readonly string[] } | null): void;
  select(selection: Selection): void;
}

export class InsightsPanel {
  private visible: ReadonlySet<string> | undefined;
  private allied = false;
  private chosen: string | null = null;
  private shown = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: UiContext,
    private readonly handlers: InsightsHandlers,
  ) {}

  isOpen(): boolean {
    return this.shown;
  }

  toggle(): void {
    if (this.shown) this.close();
    else this.open();
  }

  open(): void {
    this.shown = true;
    this.render();
  }

  close(): void {
    this.shown = false;
    this.chosen = null;
    this.handlers.highlight(null);
    showPanel(this.root, null);
  }

  /** The filters changed: the analysis follows what is shown. */
  update(visibleRelations: ReadonlySet<string>): void {
    this.visible = visibleRelations;
    if (this.shown) this.render();
  }

  private render(): void {
    const { ctx } = this;
    const { t, lang } = ctx;
    const report = analyseBalance(ctx.data, { visibleRelations: this.visible, alliedByMembership: this.allied });
    const signed = report.balanced + report.unbalanced;
    const allied = h("input", { type: "checkbox", id: "insights-allied" });
    allied.checked = this.allied;
    allied.addEventListener("change", () => {
      this.allied = allied.checked;
      this.render();
    });
    const unbalanced = report.triangles.filter((tr) => tr.kind === "unbalanced");
    const mixed = report.triangles.filter((tr) => tr.kind === "mixed");
    const content: Child[] = [
      closeButton(t("details.close"), () => this.close()),
      h("h2", {}, t("insights.title")),
      h("p", { className: "insights-intro" }, t("insights.intro")),
      h(
        "p",
        { className: "insights-ratio", dataset: { balanced: String(report.balanced), unbalanced: String(report.unbalanced) } },
        signed === 0
          ? t("insights.none")
          : t("insights.ratio", {
              balanced: report.balanced,
              total: signed,
              percent: formatNumber(Math.round((report.ratio ?? 0) * 100), lang),
            }),
      ),
      h("label", { className: "insights-option" }, allied, t("insights.allied")),
      h("h3", {}, t("insights.unbalanced", { n: unbalanced.length })),
      unbalanced.length === 0 ? h("p", {}, t("insights.noneUnbalanced")) : h("ol", { className: "triangles unbalanced" }, ...unbalanced.map((tr) => this.item(tr))),
      mixed.length > 0 ? h("h3", {}, t("insights.mixed", { n: mixed.length })) : null,
      mixed.length > 0 ? h("ol", { className: "triangles mixed" }, ...mixed.map((tr) => this.item(tr))) : null,
    ];
    showPanel(this.root, content);
  }

  private item(triangle: Triangle): HTMLElement {
    const { ctx } = this;
    const key = triangle.actors.join("\u0000");
    const relations = triangle.ties.flatMap((tie) => tie.relations);
    const button = h(
      "button",
      {
        type: "button",
        className: "triangle-sentence",
        dataset: { actors: triangle.actors.join(" ") },
        attrs: { "aria-pressed": this.chosen === key ? "true" : "false" },
        on: {
          click: () => {
            this.chosen = this.chosen === key ? null : key;
            this.handlers.highlight(this.chosen ? { nodes: triangle.actors, edges: relations } : null);
            this.render();
          },
        },
      },
      describeTriangle(triangle, ctx.data, ctx.lang),
    );
    return h(
      "li",
      { className: this.chosen === key ? "chosen" : "" },
      button,
      h("p", { className: "triangle-evidence" }, ctx.t("insights.evidence", { n: triangle.evidence })),
      this.chosen === key
        ? h(
            "ul",
            { className: "triangle-relations" },
            ...relations.flatMap((id) => {
              const relation = ctx.data.relations.get(id);
              return relation
                ? [
                    h(
                      "li",
                      {},
                      h("button", { type: "button", className: "relation-link", on: { click: () => this.handlers.select({ kind: "relation", id }) } }, relationLine(ctx, relation)),
                    ),
                  ]
                : [];
            }),
          )
        : null,
    );
  }
}
