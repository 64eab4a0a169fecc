/** Errors are values: where the problem is and what is wrong, in words a reader can act on. */
export type Severity = "error" | "warning";

export interface Problem {
  /** A JSON path such as `relations[3].source`; empty for the document itself. */
  readonly path: string;
  readonly message: string;
  readonly severity: Severity;
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

export function error(path: string, message: string): Problem {
  return { path, message, severity: "error" };
}

export function warning(path: string, message: string): Problem {
  return { path, message, severity: "warning" };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
