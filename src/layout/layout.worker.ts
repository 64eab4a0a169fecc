/// <reference lib="webworker" />
/**
 * The layout worker: runs the force simulation in time slices off the main
 * thread and posts positions after each slice, until the layout settles.
 */
import { LayoutRun } from "./run";
import type { FromWorker, ToWorker } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const SLICE_MS = 12;
let run: LayoutRun | null = null;
let finalOnly = false;
let scheduled = false;

function post(message: FromWorker): void {
  if (message.type === "positions") self.postMessage(message, [message.positions.buffer]);
  else self.postMessage(message);
}

function loop(): void {
  scheduled = false;
  if (!run) return;
  run.step(finalOnly ? 250 : SLICE_MS, () => performance.now());
  const settled = run.settled;
  if (!finalOnly || settled) {
    post({ type: "positions", positions: run.positions(), alpha: run.alpha, settled });
  }
  if (!settled) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(loop, 0);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    switch (message.type) {
      case "start":
        run = new LayoutRun(message);
        finalOnly = message.finalOnly ?? false;
        // A layout that starts settled (laid out on the page already) waits for a drag to warm it.
        if (!run.settled) schedule();
        break;
      case "pin":
        // A drag is followed live even when only the final layout is shown otherwise.
        finalOnly = false;
        run?.pin(message.index, message.x, message.y);
        schedule();
        break;
      case "release":
        run?.release(message.index);
        schedule();
        break;
      case "reheat":
        run?.reheat(message.alpha);
        schedule();
        break;
      case "stop":
        run = null;
        break;
    }
  } catch (cause) {
    post({ type: "error", message: cause instanceof Error ? cause.message : String(cause) });
  }
};
