/**
 * Where JSON text first goes wrong. JSON.parse's messages differ between
 * engines and often give no position at all (V8: `Unexpected token '}', … is
 * not valid JSON`), so a small scanner finds the offset itself. Only called
 * once JSON.parse has failed; never throws.
 */
import type { SharedKey } from "../i18n/en";
import type { MessageValues } from "../problems";

/** What went wrong, as a catalogue sentence that also takes the {line} and {column}. */
export interface JsonSyntaxReason {
  key: Extract<SharedKey, `problem.json.${string}`>;
  values?: MessageValues;
}
export interface JsonSyntaxError {
  /** Offset into the text, in UTF-16 code units. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  reason: JsonSyntaxReason;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly reason: JsonSyntaxReason,
  ) {}
}

const ESCAPES = '"\\/bfnrt';
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

export function locateJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (reason?: JsonSyntaxReason): never => {
    if (i >= text.length) throw new Stop(text.length, { key: "problem.json.unexpectedEnd" });
    throw new Stop(i, reason ?? { key: "problem.json.unexpected", values: { char: JSON.stringify(text[i]) } });
  };
  const space = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const word = (w: string): void => {
    for (const ch of w) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = (): void => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail({ key: "problem.json.controlCharacter" });
      if (c !== 0x5c) {
        i++;
        continue;
      }
      i++; // the backslash
      const e = text[i];
      if (e === "u") {
        for (let k = 1; k <= 4; k++) {
          if (!/[0-9a-fA-F]/.test(text[i + k] ?? "")) {
            i += k;
            fail({ key: "problem.json.badUnicodeEscape" });
          }
        }
        i += 5;
      } else if (e !== undefined && ESCAPES.includes(e)) i++;
      else fail({ key: "problem.json.badEscape" });
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === "{") {
          space();
          if (text[i] !== '"') fail({ key: "problem.json.expectedName" });
          string();
          space();
          if (text[i] !== ":") fail({ key: "problem.json.expectedColon" });
          i++;
        }
        value();
        space();
        if (text[i] === ",") i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail({ key: "problem.json.expectedCommaOr", values: { close } });
      }
    }
    if (c === '"') return string();
    if (c === "t") return word("true");
    if (c === "f") return word("false");
    if (c === "n") return word("null");
    if (c === "-" || isDigit(text[i])) return number();
    fail();
  };
  const digits = (): void => {
    if (!isDigit(text[i])) fail({ key: "problem.json.expectedDigit" });
    while (isDigit(text[i])) i++;
  };
  const number = (): void => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else digits();
    if (text[i] === ".") {
      i++;
      digits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits();
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return undefined;
  } catch (stop) {
    if (!(stop instanceof Stop)) return undefined; // too deep to scan: the caller says what it can
    const before = text.slice(0, stop.offset);
    const line = before.split("\n").length;
    const column = stop.offset - before.lastIndexOf("\n");
    return { offset: stop.offset, line, column, reason: stop.reason };
  }
}
