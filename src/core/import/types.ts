/**
 * Importers turn a file a user has into an Entente dataset, or into a list of
 * problems that say where the file is wrong. Pure: text in, a result out.
 */
import type { Dataset } from "../dataset/schema";
import type { Problem } from "../problems";

export type ImportFormat = "entente-json" | "csv" | "gexf" | "graphml" | "gdelt";

export interface ImportFile {
  /** The file's name (its extension helps detection); may be "" for pasted text or a URL without one. */
  name: string;
  text: string;
}

export interface ImportOptions {
  /** CSV: an optional actors file (id,kind,label_en,label_fa) to go with the relations file. */
  actors?: ImportFile;
  /** GEXF and GraphML: the edge attribute to use as the relation type (default: "type", else "label", else one type for all). */
  typeAttribute?: string;
  /** The dataset's title; without it, the file's own title, else the file's name. */
  title?: string;
}

export type ImportResult =
  | { ok: true; format: ImportFormat; dataset: Dataset; problems: readonly Problem[]; /** GEXF/GraphML: edge attributes that could serve as the relation type. */ typeCandidates?: readonly string[] }
  | { ok: false; format: ImportFormat | null; problems: readonly Problem[] };

/**
 * Problem paths for files that are not JSON say where a person looks:
 * "line 12, column 4" for XML and JSON text, "row 7" or "row 7, column \"type\"" for CSV and GDELT rows
 * (rows counted from 1, the header row included for CSV, as a spreadsheet shows them).
 */
export type ProblemLocation = string;
