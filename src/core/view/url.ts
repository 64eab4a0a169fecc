/**
 * The view as URL query parameters. Parsing is syntactic and never throws:
 * a bad value is dropped with a notice the UI can show; whether ids exist in
 * the dataset is reconcileView's business, once the dataset is loaded.
 */
import { ACTOR_KINDS, isIsoDate, type ActorKind } from "../dataset/kinds";
import { isLang } from "../i18n";
import { msg, warning, type Problem } from "../problems";
import { datasetAddress, decodeComponent, encodeComponent, rawParams } from "./query";
import { DEFAULT_VIEW, type FocusDepth, type HiddenMode, type ViewState } from "./types";

export interface ParsedView {
  view: ViewState;
  notices: Problem[];
}

/** `base` resolves a relative dataset address (the page's own address in the app). */
export function parseView(search: string, base: string): ParsedView {
  const params = rawParams(search);
  const notices: Problem[] = [];
  const view: ViewState = { ...DEFAULT_VIEW };
  const text = (name: string): string | undefined => {
    const raw = params.get(name);
    return raw === undefined ? undefined : decodeComponent(raw);
  };
  const list = (name: string): string[] | undefined => {
    const raw = params.get(name);
    if (raw === undefined) return undefined;
    const items = raw.split(",").map((item) => decodeComponent(item).trim());
    return [...new Set(items.filter((item) => item !== ""))];
  };

  const lang = text("lang");
  if (lang !== undefined) {
    if (isLang(lang)) view.lang = lang;
    else notices.push(warning("lang", msg("problem.url.lang", { value: lang })));
  }

  const data = text("data");
  if (data !== undefined && data !== "") {
    const url = datasetAddress(search, base);
    if (url) view.data = url;
    else notices.push(warning("data", msg("problem.url.data", { value: data })));
  }

  const types = list("types");
  if (types !== undefined) view.types = types;

  const kinds = list("kinds");
  if (kinds !== undefined) {
    view.kinds = kinds.filter((kind): kind is ActorKind => {
      if (isActorKind(kind)) return true;
      notices.push(warning("kinds", msg("problem.url.kind", { value: kind, kinds: ACTOR_KINDS.join(", ") })));
      return false;
    });
  }

  const date = (name: "from" | "to"): string | null => {
    const value = text(name)?.trim();
    if (!value) return null;
    if (isIsoDate(value)) return value;
    notices.push(warning(name, msg("problem.url.date", { value })));
    return null;
  };
  view.from = date("from");
  view.to = date("to");
  if (view.from !== null && view.to !== null && view.from > view.to) {
    notices.push(warning("from", msg("problem.url.swapped", { from: view.from, to: view.to })));
    [view.from, view.to] = [view.to, view.from];
  }

  const focus = text("focus")?.trim();
  if (focus) {
    const depth = text("depth");
    let focusDepth: FocusDepth = 1;
    if (depth === "2") focusDepth = 2;
    else if (depth !== undefined && depth !== "1") notices.push(warning("depth", msg("problem.url.depth", { value: depth })));
    view.focus = { actor: focus, depth: focusDepth };
  }

  // Provisionally an actor: only the dataset can tell an actor id from a relation id.
  const selected = text("selected")?.trim();
  if (selected) view.selected = { kind: "actor", id: selected };

  const hidden = text("hidden");
  if (hidden !== undefined) {
    if (isHiddenMode(hidden)) view.hidden = hidden;
    else notices.push(warning("hidden", msg("problem.url.hidden", { value: hidden })));
  }

  const size = text("size");
  if (size !== undefined) {
    if (size === "degree" || size === "weighted" || size === "betweenness") view.size = size;
    else notices.push(warning("size", msg("problem.url.size", { value: size })));
  }
  const color = text("color");
  if (color !== undefined) {
    if (color === "kind" || color === "community") view.color = color;
    else notices.push(warning("color", msg("problem.url.color", { value: color })));
  }

  return { view, notices };
}

/**
 * The canonical query string: fixed parameter order, defaults left out, ""
 * for the default view. Commas between ids stay plain so links read well.
 * A relation selection is written as a bare id, like an actor's; reconcileView
 * tells them apart again.
 */
export function serializeView(view: ViewState): string {
  const parts: string[] = [];
  const add = (name: string, value: string) => parts.push(`${name}=${value}`);
  if (view.lang !== null) add("lang", encodeComponent(view.lang));
  if (view.data !== null) add("data", encodeComponent(view.data));
  if (view.types !== null) add("types", view.types.map(encodeComponent).join(","));
  if (view.kinds !== null) add("kinds", view.kinds.map(encodeComponent).join(","));
  if (view.from !== null) add("from", encodeComponent(view.from));
  if (view.to !== null) add("to", encodeComponent(view.to));
  if (view.focus !== null) {
    add("focus", encodeComponent(view.focus.actor));
    if (view.focus.depth !== 1) add("depth", String(view.focus.depth));
  }
  if (view.selected !== null) add("selected", encodeComponent(view.selected.id));
  if (view.hidden !== DEFAULT_VIEW.hidden) add("hidden", view.hidden);
  if (view.size !== DEFAULT_VIEW.size) add("size", view.size);
  if (view.color !== DEFAULT_VIEW.color) add("color", view.color);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

export function withParam(href: string, name: string, value: string | undefined): string {
  const url = new URL(href);
  if (value === undefined) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  return url.href;
}

function isActorKind(value: string): value is ActorKind {
  return (ACTOR_KINDS as readonly string[]).includes(value);
}

function isHiddenMode(value: string): value is HiddenMode {
  return value === "hide" || value === "fade";
}
