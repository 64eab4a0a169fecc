/**
 * Writes the dataset format's JSON Schema, generated from the zod schema, to
 * data/schema.json (`npm run schema`). A unit test fails when the file is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { datasetJsonSchema } from "../src/core/dataset/schema";

export const SCHEMA_PATH = fileURLToPath(new URL("../data/schema.json", import.meta.url));

/** The file's exact text: pretty JSON with a trailing newline. */
export function schemaText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, schemaText());
  console.log(`wrote ${SCHEMA_PATH}`);
}
