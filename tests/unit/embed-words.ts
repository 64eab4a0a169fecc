/**
 * The words the embed may show: every catalogue key that the code the embed's page can load uses
 * (its entry point and every module it reaches, lazily loaded ones included, the full app's entry
 * and what only it reaches left out), and every problem's sentence (a dataset's problems are told
 * in the embed too).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

/** Relative modules a file imports, statically or not (`import("./x")`, `new URL("./x.worker.ts", …)` included). */
function importsOf(file: string): string[] {
  // A type's import loads nothing.
  const text = readFileSync(file, "utf8").replace(/\b(import|export)\s+type\s[^;]*?from\s+"[^"]+"/g, "");
  const specifiers = [
    ...text.matchAll(/\bfrom\s+"(\.[^"]+)"/g),
    ...text.matchAll(/\bimport\s*\(\s*"(\.[^"]+)"\s*\)/g),
    ...text.matchAll(/\bimport\s+"(\.[^"]+)"/g),
    ...text.matchAll(/new URL\(\s*"(\.[^"]+\.ts)"/g),
  ].map((match) => match[1]!);
  return specifiers
    .map((specifier) => specifier.replace(/\?.*$/, ""))
    .filter((specifier) => !/\.(css|json)$/.test(specifier))
    .map((specifier) => {
      const path = resolve(dirname(file), specifier);
      if (path.endsWith(".ts")) return path;
      // A folder's module is its index.
      return existsSync(`${path}.ts`) ? `${path}.ts` : resolve(path, "index.ts");
    });
}

/** The source files the page's one script can load when it is an embed: all but what only the full app reaches. */
export function embedModules(): string[] {
  const full = resolve(SRC, "app/full.ts");
  const seen = new Set<string>();
  const todo = [resolve(SRC, "app/boot.ts")];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file) || file === full) continue;
    seen.add(file);
    todo.push(...importsOf(file));
  }
  return [...seen];
}

/** The keys of `keys` that `files` use: written out whole, or as the start of a template (`kind.${kind}`). */
export function keysUsed(files: readonly string[], keys: readonly string[]): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const key of keys) if (text.includes(`"${key}"`)) used.add(key);
    for (const [, prefix] of text.matchAll(/`([\w.-]+\.)\$\{/g)) for (const key of keys) if (key.startsWith(prefix!)) used.add(key);
  }
  return used;
}

/** The embed's modules but the catalogues themselves, which name every sentence they hold. */
export function embedCode(): string[] {
  return embedModules().filter((file) => !file.includes("/core/i18n/"));
}

/** The keys the embed may need, of all the catalogue's: what its code uses, and every problem's sentence. */
export function embedKeys(keys: readonly string[]): Set<string> {
  const used = keysUsed(embedCode(), keys);
  for (const key of keys) if (key.startsWith("problem.")) used.add(key);
  return used;
}
