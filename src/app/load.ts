/** Fetches a dataset and validates it. Every failure comes back as problems, never as a throw. */
import type { Dataset } from "../core/dataset";
import { error, type Result } from "../core/problems";
import type { Translate } from "../core/i18n";

/**
 * `trusted`: the dataset bundled with the app, which the test suite validates on
 * every run; it is parsed without loading the validator, which keeps the
 * schema library out of the embed's first download.
 */
export async function loadDataset(url: string, t: Translate, options: { trusted?: boolean; timeoutMs?: number } = {}): Promise<Result<Dataset>> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const fail = (reason: string): Result<Dataset> => ({
    ok: false,
    problems: [error("", t("load.failed", { url, reason }))],
  });
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return fail(t("load.network"));
  }
  if (!response.ok) return fail(t("load.httpStatus", { status: String(response.status) }));
  const body = await response.text().catch(() => null);
  if (body === null) return fail(t("load.network"));
  if (/^\s*</.test(body)) return fail(t("load.notJson"));
  if (options.trusted) {
    try {
      return { ok: true, value: JSON.parse(body) as Dataset, problems: [] };
    } catch {
      return fail(t("load.notJson"));
    }
  }
  const { parseDatasetJson } = await import("../core/dataset/validate");
  return parseDatasetJson(body);
}
