import type { Problem } from "../core/problems";
import { h, replace, showPanel } from "./dom";
import type { Translate } from "../core/i18n";

/** What is wrong, in the reader's language when the core gave a catalogue key; else the core's own (English) words. */
export function problemText(p: Problem, t: Translate): string {
  return p.key ? t(p.key, p.values) : p.message;
}

const LINE = /^line (\d+), column (\d+)$/;
/** "row 7", "row 7, column \"type\"", optionally after a file's name: "actors.csv, row 4, column \"kind\"". */
const ROW = /^(?:(.*), )?row (\d+)(?:, column "(.*)")?$/s;

/**
 * Where the problem is, for a reader. The importers write places in a file
 * as "line 12, column 4" or "row 7, column \"type\"" (see core/import/types.ts);
 * those are said in the reader's language. Anything else is a JSON path or a
 * URL parameter, and stays as written: `localized` is then false.
 */
export function problemPlace(p: Problem, t: Translate): { text: string; localized: boolean } {
  if (p.path === "") return { text: t("problems.document"), localized: true };
  const line = LINE.exec(p.path);
  if (line) return { text: t("problem.at.line", { line: Number(line[1]), column: Number(line[2]) }), localized: true };
  const row = ROW.exec(p.path);
  if (row) {
    const [, file, number, column] = row;
    const at =
      column === undefined
        ? t("problem.at.row", { row: Number(number) })
        : t("problem.at.rowColumn", { row: Number(number), column });
    return { text: file === undefined ? at : t("problem.at.inFile", { file, at }), localized: true };
  }
  return { text: p.path, localized: false };
}

/** One problem as a list item: its place (a JSON path stays left-to-right code) and what is wrong. */
export function problemItem(p: Problem, t: Translate, className?: string): HTMLLIElement {
  const place = problemPlace(p, t);
  return h(
    "li",
    className === undefined ? {} : { className },
    h("code", { dir: place.localized ? "auto" : "ltr" }, place.text),
    " ",
    h("span", { dir: "auto" }, problemText(p, t)),
  );
}

/** Shows why a dataset cannot be shown: each problem with where it is and what is wrong. */
export function renderProblems(root: HTMLElement, problems: readonly Problem[], t: Translate, heading?: string): void {
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const item = (p: Problem) => problemItem(p, t, p.severity);
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

/** How many notices of a group show at first: a GDELT export can bring hundreds of warnings, which covered the graph. */
export const NOTICES_PREVIEW = 5;

/**
 * A group's list: its first few notices, then a button for the rest. The rest are added quietly:
 * the notice is a live region, and a screen reader would otherwise read out every one of them.
 */
function noticeList(root: HTMLElement, problems: readonly Problem[], t: Translate): HTMLElement[] {
  const list = h("ul", {}, ...problems.slice(0, NOTICES_PREVIEW).map((n) => problemItem(n, t)));
  const rest = problems.length - NOTICES_PREVIEW;
  if (rest <= 0) return [list];
  const more: HTMLButtonElement = h(
    "button",
    {
      type: "button",
      className: "more",
      on: {
        click: () => {
          root.setAttribute("aria-live", "off");
          more.remove();
          const added = problems.slice(NOTICES_PREVIEW).map((n) => problemItem(n, t));
          list.append(...added);
          // The button is gone: the keyboard's place moves to the first notice it brought.
          added[0]!.tabIndex = -1;
          added[0]!.focus();
        },
      },
    },
    t("notices.more", { n: rest }),
  );
  return [list, more];
}

/** Harmless problems (an ignored URL parameter, a dataset warning): a notice the reader can dismiss. */
export function renderNotices(root: HTMLElement, groups: readonly NoticeGroup[], t: Translate): void {
  const shown = groups.filter((g) => g.problems.length > 0);
  // New notices are announced again (a list expanded before had silenced the region).
  root.removeAttribute("aria-live");
  showPanel(
    root,
    shown.length === 0
      ? null
      : [
          ...shown.flatMap((group) => [h("p", {}, group.title), ...noticeList(root, group.problems, t)]),
          h("button", { type: "button", className: "dismiss", on: { click: () => renderNotices(root, [], t) } }, t("notices.dismiss")),
        ],
  );
}

/** A notice of one or more plain sentences (no problem list), dismissible like the others. */
export function renderMessage(root: HTMLElement, sentences: readonly string[], t: Translate): void {
  root.removeAttribute("aria-live");
  showPanel(root, [
    ...sentences.map((sentence) => h("p", {}, sentence)),
    h("button", { type: "button", className: "dismiss", on: { click: () => showPanel(root, null) } }, t("notices.dismiss")),
  ]);
}
