import type { Focus } from "../core/view/types";
import { bidi, h, replace } from "./dom";
import { actorLabel, type UiContext } from "./context";

/** Says that only a neighbourhood is shown, with the way back to everything. */
export function renderFocusBar(root: HTMLElement, ctx: UiContext, focus: Focus | null, clear: () => void): void {
  if (!focus) {
    root.hidden = true;
    replace(root);
    return;
  }
  root.hidden = false;
  const depth = ctx.t("focus.depth", { n: focus.depth });
  const [before, after = ""] = ctx.t("focus.active", { actor: "\u0000", depth }).split("\u0000");
  replace(
    root,
    h("span", {}, before, bidi(actorLabel(ctx, focus.actor)), after),
    " ",
    h("button", { type: "button", className: "mini", on: { click: clear } }, ctx.t("focus.clear")),
  );
}
