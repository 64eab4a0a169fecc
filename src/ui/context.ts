import type { DatasetLookup, LocalizedText } from "../core/dataset";
import { displayName, pickLanguage, pickText, shorten, undisguised } from "../core/dataset/text";
import { h } from "./dom";
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
  return (actor ? displayName(text(ctx, actor.label)) : "") || displayName(id) || id;
}

/** An actor's name as a panel heading: cut short when very long, the whole name in its title. */
export function heading(ctx: UiContext, label: LocalizedText): HTMLHeadingElement {
  const full = undisguised(text(ctx, label));
  const shown = shorten(full);
  const attrs: Record<string, string> = shown === full ? {} : { title: full };
  return h("h2", { lang: textLang(ctx, label) ?? ctx.lang, dir: "auto", attrs }, shown);
}
