/** The embed's legend: one chip per relation type, which doubles as its filter. */
import type { ViewState } from "../core/view";
import { h, replace } from "./dom";
import { text, type UiContext } from "./context";

export class CompactLegend {
  private readonly boxes = new Map<string, HTMLInputElement>();

  constructor(root: HTMLElement, ctx: UiContext, onTypes: (types: readonly string[] | null) => void) {
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
  }

  update(view: ViewState): void {
    for (const [id, box] of this.boxes) box.checked = view.types === null || view.types.includes(id);
  }
}
