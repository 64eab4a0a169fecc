/**
 * The embed's legend: one chip per relation type, which doubles as its filter, and a key to the
 * actors' colours (their kinds, or their communities of allies).
 */
import type { ViewState } from "../core/view";
import { h, replace } from "./dom";
import { text, type UiContext } from "./context";
import type { NodeKeyEntry } from "./node-key";

/** The most colours the key lists: a large graph has hundreds of communities, and an embed is small. */
export const NODE_KEY_LIMIT = 8;

export class CompactLegend {
  private readonly boxes = new Map<string, HTMLInputElement>();
  private readonly key: HTMLUListElement;

  constructor(
    root: HTMLElement,
    private readonly ctx: UiContext,
    onTypes: (types: readonly string[] | null) => void,
  ) {
    const types = ctx.data.dataset.relationTypes;
    const used = new Set(ctx.data.dataset.relations.map((r) => r.type));
    const shown = types.filter((type) => used.has(type.id));
    const emit = () => {
      const chosen = shown.filter((type) => this.boxes.get(type.id)?.checked).map((type) => type.id);
      onTypes(chosen.length === shown.length ? null : chosen);
    };
    replace(
      root,
      ...shown.map((type) => {
        const box = h("input", { type: "checkbox", dataset: { type: type.id }, on: { change: emit } });
        this.boxes.set(type.id, box);
        return h(
          "label",
          { className: "chip", dataset: { type: type.id } },
          box,
          h("span", {
            className: `swatch edge${type.sign < 0 ? " sign-hostile" : ""}`,
            style: { backgroundColor: type.color },
            attrs: { "aria-hidden": "true" },
          }),
          text(ctx, type.label),
        );
      }),
    );
    this.key = h("ul", { className: "node-key", hidden: true, attrs: { "aria-label": ctx.t("legend.actors") } });
    root.append(this.key);
  }

  /**
   * Lists what the actors' colours mean (see node-key.ts): the first NODE_KEY_LIMIT, how many more,
   * and the key to the actors in no community, always (they are often many).
   */
  showNodeKey(entries: readonly NodeKeyEntry[]): void {
    const { t } = this.ctx;
    const listed = entries.filter((entry) => !entry.alone);
    const more = listed.length - NODE_KEY_LIMIT;
    const item = (entry: NodeKeyEntry) =>
      h("li", {}, h("span", { className: "swatch node", style: { backgroundColor: entry.color }, attrs: { "aria-hidden": "true" } }), entry.label);
    replace(
      this.key,
      ...listed.slice(0, NODE_KEY_LIMIT).map(item),
      more > 0 ? h("li", { className: "more" }, t("legend.more", { n: more })) : null,
      ...entries.filter((entry) => entry.alone).map(item),
    );
    this.key.hidden = entries.length === 0;
  }

  update(view: ViewState): void {
    for (const [id, box] of this.boxes) box.checked = view.types === null || view.types.includes(id);
  }
}
