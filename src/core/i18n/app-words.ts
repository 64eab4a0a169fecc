/** The full app's own words in both languages, for its entry point to add (see addAppWords). */
import { enApp, type AppKey } from "./en-app";
import { faApp } from "./fa-app";
import type { Lang } from "./lang";

export const appWords: Readonly<Record<Lang, Readonly<Record<AppKey, string>>>> = { en: enApp, fa: faApp };
