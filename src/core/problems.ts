/** Errors are values: where the problem is and what is wrong, in words a reader can act on. */
import { en, type SharedKey } from "./i18n/en";

export type Severity = "error" | "warning";

/** What fills a message's {placeholders}: numbers are written in the reader's digits. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** A sentence from the catalogue, not yet in any language. */
export interface Message {
  readonly key: SharedKey;
  readonly values?: MessageValues;
}

export interface Problem {
  /** A JSON path such as `relations[3].source`; empty for the document itself. */
  readonly path: string;
  /** Always English: logs, tests and copied text read the same whatever the reader's language. */
  readonly message: string;
  readonly severity: Severity;
  /** The catalogue sentence the message was rendered from, so the UI can show it in the reader's language. */
  readonly key?: SharedKey;
  readonly values?: MessageValues;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Writes a path as `relations[3].evidence[0].quote`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const name = String(segment);
      out += /^[A-Za-z_$][\w$]*$/.test(name)
        ? `${out ? "." : ""}${name}`
        : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

export function msg(key: SharedKey, values?: MessageValues): Message {
  return values === undefined ? { key } : { key, values };
}

/**
 * The English text of a message. Numbers are written as they are, without
 * grouping, so that `message` stays what the core always wrote ("row 1234").
 */
export function english(message: Message): string {
  const text = en[message.key] as string;
  const values = message.values;
  const [one = "", other = one] = text.split("|");
  const n = values?.n;
  const form = !text.includes("|") ? text : typeof n === "number" && n === 1 ? one : other;
  return form.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = values?.[name];
    return value === undefined ? match : String(value);
  });
}

/**
 * The key and values are not enumerable: a problem compares, prints and
 * serialises as the {path, message, severity} it has always been, and only
 * code that asks for the key (the UI, to translate) sees it. Structured clone
 * drops them too, so a problem that crosses to another thread goes as
 * `plainProblem(p)`.
 */
function problem(path: string, message: string | Message, severity: Severity): Problem {
  if (typeof message === "string") return { path, message, severity };
  const built: Problem = { path, message: english(message), severity };
  Object.defineProperty(built, "key", { value: message.key });
  if (message.values !== undefined) Object.defineProperty(built, "values", { value: message.values });
  return built;
}

/** A problem with its key and values as ordinary fields, for postMessage. */
export function plainProblem(p: Problem): Problem {
  if (p.key === undefined) return { path: p.path, message: p.message, severity: p.severity };
  const plain = { path: p.path, message: p.message, severity: p.severity, key: p.key };
  return p.values === undefined ? plain : { ...plain, values: p.values };
}

/** A plain string is for text from outside (a parser's own reason); everything else is a catalogue message. */
export function error(path: string, message: string | Message): Problem {
  return problem(path, message, "error");
}

export function warning(path: string, message: string | Message): Problem {
  return problem(path, message, "warning");
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
