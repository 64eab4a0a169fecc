/**
 * Work done a step at a time while the page has nothing else to do, each task short enough not to
 * hold up a click, a frame or a message (see the benchmark's longest-task figure).
 */

/** The most one idle task spends on steps (the browser gives an idle period up to 50 ms). */
const TASK_BUDGET_MS = 25;
/** Where the browser has no idle callbacks, the pause between tasks. */
const FALLBACK_PAUSE_MS = 50;

/**
 * Calls `step` in the page's idle periods, as many times in each as fit its time and a budget, until
 * it returns true (the work is done) or `signal` is aborted. A step should take a few milliseconds:
 * each task makes one at least, and another only while the last one's time still fits.
 */
export function whileIdle(step: () => boolean, signal: AbortSignal): void {
  const run = (deadline?: IdleDeadline) => {
    if (signal.aborted) return;
    const start = performance.now();
    for (;;) {
      const before = performance.now();
      if (step()) return;
      const took = performance.now() - before;
      const left = Math.min(TASK_BUDGET_MS - (performance.now() - start), deadline?.timeRemaining() ?? 0);
      if (!(left > took) || signal.aborted) break;
    }
    schedule();
  };
  const schedule = () => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(run);
    else setTimeout(run, FALLBACK_PAUSE_MS);
  };
  schedule();
}
