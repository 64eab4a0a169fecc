import type { DatasetLookup, LocalizedText } from "../core/dataset";
import { pickLanguage, pickText } from "../core/dataset/text";
import type { Lang, Translate } from "../core/i18n";

/** What every panel needs to speak: the data, the reader's language and the words. */
export interface UiContext {
  readonly data: DatasetLookup;
  readonly lang: Lang;
  readonly t: Translate;
}

export function text(ctx: UiContext, value: LocalizedText | undefined): string {
  return pickText(value, ctx.lang, ctx.data.dataset.meta.source.language);
}

export function textLang(ctx: UiContext, value: LocalizedText | undefined): string | undefined {
  return pickLanguage(value, ctx.lang, ctx.data.dataset.meta.source.language);
}

export function actorLabel(ctx: UiContext, id: string): string {
  const actor = ctx.data.actors.get(id);
  return actor ? text(ctx, actor.label) : id;
}
