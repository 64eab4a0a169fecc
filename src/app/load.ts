/** Fetches a dataset and validates it. Every failure comes back as problems, never as a throw. */
import type { Dataset } from "../core/dataset";
import { error, type Result } from "../core/problems";
import type { Translate } from "../core/i18n";
import type { DatasetVerdict } from "../core/dataset/verdict";
import { CHECK_ASIDE_FROM, startChecker, type Checker } from "./checker";
import { fetchText, mayBeLarge, type Fetched } from "./fetch-text";
import { DATASET_TIMEOUT_MS, LOAD_SIZE_LIMIT } from "./preload";

export interface LoadOptions<T> {
  /**
   * The dataset bundled with the app, which the test suite validates on every run: it is parsed
   * without loading the validator, which keeps the schema library out of the embed's first download.
   */
  trusted?: boolean;
  timeoutMs?: number;
  sizeLimit?: number;
  /** The same request made earlier (see preload.ts), whose body is read here as if this had made it. */
  response?: Promise<Response> | null;
  /**
   * The text a worker fetched for the same address (see preload.ts): null if that worker failed, and
   * the page then fetches the address itself.
   */
  fetched?: Promise<Fetched | null> | null;
  /** A checker started with the early request or by the worker that fetched (see preload.ts); disposed of here, used or not. */
  checker?: Promise<Checker | null> | null;
  /**
   * Work on the parsed, not yet checked, text of a large dataset, done while a worker checks it
   * (building its graph): its result comes back as `built` when the parsed text is the dataset.
   * It must expect anything (it is given what the file holds), and a throw counts as null; it should
   * stop once `useful` says false (the verdict came, and its work will not be kept).
   */
  whileChecking?: (parsed: unknown, useful: () => boolean) => Promise<T | null>;
}

export type Loaded<T> = Result<Dataset> & {
  built?: T | null;
  /**
   * Where the dataset was kept on the worker's verdict on all of it but its relations (see
   * checkAside): the dataset to show once the whole is checked. Valid, the same one with its
   * warnings; invalid, its problems; or, where the check changed the relations (a trimmed string, a
   * dropped field), the dataset as checked, to be shown instead. It never rejects.
   */
  rest?: Promise<Result<Dataset>>;
};

/**
 * A large untrusted dataset is checked in a worker while the page parses the same text and goes on
 * with it (`whileChecking`): checking 40,000 relations took 0.3-0.4 s of the page's time, now spent
 * building their graph instead. Only a dataset the check leaves exactly as parsed is kept so; any
 * other (invalid, trimmed, with unknown fields) comes out as it always did.
 */
export async function loadDataset<T = never>(url: string, t: Translate, options: LoadOptions<T> = {}): Promise<Loaded<T>> {
  const used: { checker: Checker | null } = { checker: null };
  const letGo = () => {
    used.checker?.dispose();
    void options.checker?.then((early) => early?.dispose());
  };
  let loaded: Loaded<T> | undefined;
  try {
    loaded = await load(url, t, options, (checker) => (used.checker = checker));
    return loaded;
  } finally {
    // The worker's verdict on the whole is still to come where the dataset was kept on its part.
    if (loaded?.rest) void loaded.rest.finally(letGo);
    else letGo();
  }
}

/**
 * A worker to check a large text while the page builds from it: the one preload() started (with its
 * early request, or the worker that fetched the text), else one of its own, started as the text
 * comes in when the response may be large; none for the bundled dataset or when there is nothing to
 * build meanwhile.
 */
async function checkerFor<T>(response: Response | null, options: LoadOptions<T>): Promise<Checker | null> {
  if (options.trusted || !options.whileChecking) return null;
  if (options.checker) return options.checker;
  return response && mayBeLarge(response) ? startChecker() : null;
}

/** How long the page waits for the worker's verdict once its own work is done, before it checks the text itself. */
const CHECK_PATIENCE_MS = 10_000;

async function load<T>(url: string, t: Translate, options: LoadOptions<T>, use: (checker: Checker) => void): Promise<Loaded<T>> {
  const timeoutMs = options.timeoutMs ?? DATASET_TIMEOUT_MS;
  const sizeLimit = options.sizeLimit ?? LOAD_SIZE_LIMIT;
  const fail = (reason: string): Result<Dataset> => ({
    ok: false,
    problems: [error("", t("load.failed", { url, reason }))],
  });
  const timedOut = () => fail(t("load.timeout", { seconds: Math.round(timeoutMs / 1000) }));
  let checking: Promise<Checker | null> = Promise.resolve(null);
  let validator: Promise<typeof import("../core/dataset/validate") | null> = Promise.resolve(null);
  /** Once the text is known to come: a checker for it, else the validator, loading while it comes in. */
  const getReady = (response: Response | null, checkWith: LoadOptions<T>) => {
    checking = checkerFor(response, checkWith);
    // At the page's very start the validator's chunk only slowed the app's own chunks: it is asked
    // for once the text is on its way, and only when no worker checks it.
    validator = checking.then((checker) => (options.trusted || checker ? null : import("../core/dataset/validate")));
    validator.catch(() => undefined);
  };
  // A worker may have fetched the text already, and be checking it (see preload.ts).
  let fetched = options.fetched ? await options.fetched : null;
  if (fetched) getReady(null, options);
  else {
    // The page reads the early request, or makes its own; a worker that failed to fetch took its checker with it.
    const request = options.response ?? fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const checkWith = options.fetched ? { ...options, checker: null } : options;
    fetched = await fetchText(request, sizeLimit, (response) => getReady(response, checkWith));
  }
  const checker = await checking;
  if (checker) use(checker);
  if (fetched.kind === "timeout") return timedOut();
  if (fetched.kind === "network") return fail(t("load.network"));
  if (fetched.kind === "status") return fail(t("load.httpStatus", { status: String(fetched.status) }));
  if (fetched.kind === "too big") return fail(t("load.tooBig", { limit: Math.round(sizeLimit / 1024 / 1024) }));
  const body = fetched.text;
  if (/^\s*</.test(body)) return fail(t("load.notJson"));
  if (options.trusted) {
    try {
      return { ok: true, value: JSON.parse(body) as Dataset, problems: [] };
    } catch {
      return fail(t("load.notJson"));
    }
  }
  /** The page's own check of the text. */
  const checkHere = async (): Promise<Result<Dataset>> => {
    const { parseDatasetJson } = (await validator) ?? (await import("../core/dataset/validate"));
    return parseDatasetJson(body);
  };
  if (checker && options.whileChecking && body.length >= CHECK_ASIDE_FROM) {
    const checked = await checkAside(body, checker, options.whileChecking, () =>
      checkHere().catch((cause: unknown) => fail(cause instanceof Error ? cause.message : String(cause))),
    );
    if (checked) return checked;
  }
  checker?.dispose();
  return checkHere();
}

/**
 * The worker's verdict, with `whileChecking`'s work on the page's own parse meanwhile; null when the
 * page must check the text itself (`checkHere`). `whileChecking` is told to stop (its `useful` says
 * false) as soon as a verdict says its work will not be kept.
 *
 * What it built is kept on the verdict on all but the relations, which comes first: the graph's
 * first frame shows no relation, and its relations are added only once the whole is checked (see
 * `rest`). Checking the relations took the worker 0.2-0.3 s more than the page took to build.
 */
async function checkAside<T>(
  body: string,
  checker: Checker,
  whileChecking: (parsed: unknown, useful: () => boolean) => Promise<T | null>,
  checkHere: () => Promise<Result<Dataset>>,
): Promise<Loaded<T> | null> {
  let keepable = true;
  const spoils = (judged: DatasetVerdict | null) => {
    if (!judged?.ok || !judged.sameAsParsed) keepable = false;
    return judged;
  };
  const verdicts = checker.judge(body);
  const part = verdicts.part.then(spoils);
  const verdict = verdicts.whole.then(spoils);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON: the page's own check says where it breaks.
    return null;
  }
  const built = await whileChecking(parsed, () => keepable).catch(() => null);
  const early = built === null ? undefined : await patiently(part);
  // No word from the worker on its first part: none is to be waited for on the whole.
  if (early === null) return null;
  if (early?.sameAsParsed) {
    const rest = patiently(verdict).then((judged) => {
      if (judged?.ok && judged.sameAsParsed) return { ok: true, value: parsed as Dataset, problems: judged.problems } as const;
      if (judged && !judged.ok) return { ok: false, problems: judged.problems } as const;
      return checkHere();
    });
    return { ok: true, value: parsed as Dataset, problems: [], built, rest };
  }
  const judged = await patiently(verdict);
  if (judged === null) return null;
  if (!judged.ok) return { ok: false, problems: judged.problems };
  // Trimmed strings or dropped fields: the checked dataset is not the parsed text.
  if (!judged.sameAsParsed) return null;
  return { ok: true, value: parsed as Dataset, problems: judged.problems, built };
}

/** A verdict, or null if none comes within CHECK_PATIENCE_MS. */
async function patiently(verdict: Promise<DatasetVerdict | null>): Promise<DatasetVerdict | null> {
  let patience: ReturnType<typeof setTimeout> | undefined;
  const judged = await Promise.race([verdict, new Promise<null>((resolve) => (patience = setTimeout(() => resolve(null), CHECK_PATIENCE_MS)))]);
  clearTimeout(patience);
  return judged;
}
