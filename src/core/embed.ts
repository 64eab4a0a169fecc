/** The embed's own URL parameters (besides the view's): `embed=1`, `theme` and `height`. */
import { msg, warning, type Problem } from "./problems";

export type ThemeName = "light" | "dark";

export interface EmbedParams {
  theme: ThemeName;
  /** Height of the graph area in CSS pixels; null: the embed's default. */
  height: number | null;
  /** The same parameters written back, so the embed's own URL keeps them. */
  query: string;
}

export const EMBED_HEIGHT = { min: 200, max: 2000 } as const;

export function parseEmbedParams(search: string): { params: EmbedParams; notices: Problem[] } {
  const query = new URLSearchParams(search);
  const notices: Problem[] = [];
  let theme: ThemeName = "light";
  const rawTheme = query.get("theme");
  if (rawTheme === "light" || rawTheme === "dark") theme = rawTheme;
  else if (rawTheme !== null) notices.push(warning("theme", msg("problem.url.theme", { value: rawTheme })));
  let height: number | null = null;
  const rawHeight = query.get("height");
  if (rawHeight !== null) {
    const n = Number(rawHeight);
    if (/^\d+$/.test(rawHeight) && n >= EMBED_HEIGHT.min && n <= EMBED_HEIGHT.max) height = n;
    else notices.push(warning("height", msg("problem.url.height", { value: rawHeight, ...EMBED_HEIGHT })));
  }
  const out = new URLSearchParams({ embed: "1" });
  if (theme !== "light") out.set("theme", theme);
  if (height !== null) out.set("height", String(height));
  return { params: { theme, height, query: out.toString() }, notices };
}
