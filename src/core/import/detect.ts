/** Which importer a file needs: by its content first, its name second. */
import type { ImportFormat } from "./types";

const EXTENSIONS: Record<string, ImportFormat> = {
  json: "entente-json",
  csv: "csv",
  gexf: "gexf",
  graphml: "graphml",
};

/** GDELT 2.0 event exports: tab-separated rows of 61 fields, the first a numeric event id and the second a YYYYMMDD date. */
function looksLikeGdelt(head: string): boolean {
  const line = head.split(/\r?\n/, 1)[0] ?? "";
  const fields = line.split("\t");
  return fields.length >= 55 && /^\d+$/.test(fields[0] ?? "") && /^\d{8}$/.test(fields[1] ?? "");
}

export function detectFormat(name: string, text: string): ImportFormat | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("{")) return "entente-json";
  if (head.startsWith("<")) {
    if (/<gexf[\s>]/i.test(head)) return "gexf";
    if (/<graphml[\s>]/i.test(head)) return "graphml";
  }
  if (looksLikeGdelt(head)) return "gdelt";
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === "tsv" || extension === "txt") return looksLikeGdelt(head) ? "gdelt" : "csv";
  if (extension && EXTENSIONS[extension]) return EXTENSIONS[extension]!;
  // Something with a header row and commas, semicolons or tabs reads as CSV.
  if (/^[^\n]*[,;\t][^\n]*\n/.test(head)) return "csv";
  return null;
}
