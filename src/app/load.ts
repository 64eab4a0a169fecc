/** Fetches a dataset and validates it. Every failure comes back as problems, never as a throw. */
import { parseDatasetJson, type Dataset } from "../core/dataset";
import { error, type Result } from "../core/problems";
import type { Translate } from "../core/i18n";

export async function loadDataset(url: string, t: Translate, timeoutMs = 20_000): Promise<Result<Dataset>> {
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
  return parseDatasetJson(body);
}
