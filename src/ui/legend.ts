import { ACTOR_KINDS, type ActorKind } from "../core/dataset";
import type { MessageKey } from "../core/i18n";
import { KIND_COLORS } from "../render/appearance";
import { h, replace } from "./dom";
import { text, type UiContext } from "./context";

/** The legend: actor kinds present in the data, and every relation type with its sign. */
export function renderLegend(root: HTMLElement, ctx: UiContext): void {
  const { dataset } = ctx.data;
  const kinds = new Set<ActorKind>(dataset.actors.map((a) => a.kind));
  const used = new Set(dataset.relations.map((r) => r.type));
  replace(
    root,
    h("h2", { className: "legend-title" }, ctx.t("legend.title")),
    h("h3", {}, ctx.t("legend.actors")),
    h(
      "ul",
      { className: "legend-list" },
      ...ACTOR_KINDS.filter((k) => kinds.has(k)).map((kind) =>
        h(
          "li",
          {},
          h("span", { className: "swatch node", style: { backgroundColor: KIND_COLORS[kind] }, attrs: { "aria-hidden": "true" } }),
          ctx.t(`kind.${kind}` as MessageKey),
        ),
      ),
    ),
    h("h3", {}, ctx.t("legend.relations")),
    h(
      "ul",
      { className: "legend-list" },
      ...dataset.relationTypes
        .filter((type) => used.has(type.id))
        .map((type) =>
          h(
            "li",
            { dataset: { type: type.id } },
            h("span", {
              className: `swatch edge sign${type.sign < 0 ? "-hostile" : type.sign > 0 ? "-friendly" : "-neutral"}`,
              style: { backgroundColor: type.color },
              attrs: { "aria-hidden": "true" },
            }),
            h("span", {}, text(ctx, type.label)),
            type.directed ? h("span", { className: "arrow", attrs: { "aria-hidden": "true" } }, ctx.t("relation.arrow")) : null,
            h("span", { className: "sign" }, ctx.t(`sign.${type.sign}` as MessageKey)),
          ),
        ),
    ),
    h("p", { className: "legend-note" }, ctx.t("legend.directed")),
    h("p", { className: "legend-note hint" }, ctx.t("hint.interaction")),
  );
}
