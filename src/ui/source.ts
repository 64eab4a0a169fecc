import { formatDate } from "../core/i18n";
import { text, type UiContext } from "./context";

/** "DW Persian, 26 November 2015", or just the publisher when the data has no date. */
export function sourceName(ctx: UiContext): string {
  const source = ctx.data.dataset.meta.source;
  const publisher = text(ctx, source.publisher);
  if (source.published === undefined) return publisher;
  return `${publisher}${ctx.lang === "fa" ? "، " : ", "}${formatDate(source.published, ctx.lang)}`;
}
