/** One way in for every format: detect it, import it, and say what went wrong where. */
import { parseDatasetJson } from "../dataset/validate";
import { error, msg } from "../problems";
import { importCsv } from "./csv";
import { detectFormat } from "./detect";
import { importGdelt } from "./gdelt";
import type { ImportFile, ImportFormat, ImportOptions, ImportResult } from "./types";
import { importGexf, importGraphml } from "./xml-graph";

export type { ImportFile, ImportFormat, ImportOptions, ImportResult } from "./types";
export { detectFormat } from "./detect";

export function importFile(file: ImportFile, options: ImportOptions = {}, format?: ImportFormat): ImportResult {
  const chosen = format ?? detectFormat(file.name, file.text);
  switch (chosen) {
    case "entente-json": {
      const result = parseDatasetJson(file.text);
      return result.ok
        ? { ok: true, format: chosen, dataset: result.value, problems: result.problems }
        : { ok: false, format: chosen, problems: result.problems };
    }
    case "csv":
      return importCsv(file, options);
    case "gdelt":
      return importGdelt(file, options);
    case "gexf":
      return importGexf(file, options);
    case "graphml":
      return importGraphml(file, options);
    case null:
      return {
        ok: false,
        format: null,
        problems: [error("", msg("problem.import.unknownFormat"))],
      };
  }
}
