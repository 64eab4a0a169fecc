import type { Problem } from "../core/problems";
import { h, replace, showPanel } from "./dom";
import type { Translate } from "../core/i18n";

/** Shows why a dataset cannot be shown: each problem with where it is and what is wrong. */
export function renderProblems(root: HTMLElement, problems: readonly Problem[], t: Translate, heading?: string): void {
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const item = (p: Problem) =>
    h("li", { className: p.severity }, h("code", { dir: "ltr" }, p.path || t("problems.document")), " ", h("span", { dir: "auto" }, p.message));
  root.hidden = false;
  replace(
    root,
    h("h2", {}, heading ?? t("problems.title")),
    errors.length > 0 ? h("p", {}, t("problems.intro", { n: errors.length })) : null,
    errors.length > 0 ? h("ul", { className: "problem-list" }, ...errors.map(item)) : null,
    warnings.length > 0 ? h("h3", {}, t("problems.warnings")) : null,
    warnings.length > 0 ? h("ul", { className: "problem-list" }, ...warnings.map(item)) : null,
  );
}

export interface NoticeGroup {
  title: string;
  problems: readonly Problem[];
}

/** Harmless problems (an ignored URL parameter, a dataset warning): a notice the reader can dismiss. */
export function renderNotices(root: HTMLElement, groups: readonly NoticeGroup[], t: Translate): void {
  const shown = groups.filter((g) => g.problems.length > 0);
  showPanel(
    root,
    shown.length === 0
      ? null
      : [
          ...shown.flatMap((group) => [
            h("p", {}, group.title),
            h(
              "ul",
              {},
              ...group.problems.map((n) =>
                h("li", {}, h("code", { dir: "ltr" }, n.path || t("problems.document")), " ", h("span", { dir: "auto" }, n.message)),
              ),
            ),
          ]),
          h("button", { type: "button", className: "dismiss", on: { click: () => renderNotices(root, [], t) } }, t("notices.dismiss")),
        ],
  );
}
