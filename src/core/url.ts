/**
 * The view as URL parameters. Parsing never throws: an unknown or invalid
 * value is dropped with a notice the UI can show.
 */
import { isLang, type Lang } from "./i18n";
import { warning, type Problem } from "./problems";

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
  const query = new URLSearchParams(search);
  const params: ViewParams = {};
  const notices: Problem[] = [];
  const lang = query.get("lang");
  if (lang !== null) {
    if (isLang(lang)) params.lang = lang;
    else notices.push(warning("lang", `unknown language "${lang}": use fa or en`));
  }
  const data = query.get("data");
  if (data !== null && data !== "") {
    const url = resolveHttpUrl(data, base);
    if (url) params.data = url;
    else notices.push(warning("data", `"${data}" is not an http or https address`));
  }
  return { params, notices };
}

export function resolveHttpUrl(value: string, base: string): string | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function withParam(href: string, name: string, value: string | undefined): string {
  const url = new URL(href);
  if (value === undefined) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  return url.href;
}
