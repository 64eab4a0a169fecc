/**
 * The first, narrower URL reader, kept while the app still imports it:
 * lang and data only, with their notices, on top of the view parser.
 */
import type { Lang } from "./i18n";
import type { Problem } from "./problems";
import { parseView } from "./view/url";

export { resolveHttpUrl, withParam } from "./view/url";

export interface ViewParams {
  lang?: Lang;
  /** Address of a dataset to show instead of the bundled one. */
  data?: string;
}

export interface ParsedParams {
  params: ViewParams;
  notices: Problem[];
}

/** `base` resolves relative dataset addresses (the page's own address in the app). */
export function parseViewParams(search: string, base: string): ParsedParams {
  const { view, notices } = parseView(search, base);
  const params: ViewParams = {};
  if (view.lang !== null) params.lang = view.lang;
  if (view.data !== null) params.data = view.data;
  return { params, notices: notices.filter((n) => n.path === "lang" || n.path === "data") };
}
