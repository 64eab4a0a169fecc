import { afterEach, describe, expect, it, vi } from "vitest";
import { whileIdle } from "../../src/render/idle";

/** Idle callbacks run by hand, each given a deadline with `remaining` milliseconds left. */
function fakeIdle() {
  const waiting: ((deadline: IdleDeadline) => void)[] = [];
  vi.stubGlobal("requestIdleCallback", (callback: (deadline: IdleDeadline) => void) => waiting.push(callback));
  return {
    waiting,
    runNext(remaining: number) {
      waiting.shift()!({ didTimeout: false, timeRemaining: () => remaining });
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("whileIdle", () => {
  it("does nothing before the page is idle, then steps until the work says it is done", () => {
    const idle = fakeIdle();
    let steps = 0;
    whileIdle(() => ++steps === 3, new AbortController().signal);
    expect(steps).toBe(0);
    // No time left in each period: one step each, then the next period is asked for.
    idle.runNext(0);
    expect(steps).toBe(1);
    idle.runNext(0);
    idle.runNext(0);
    expect(steps).toBe(3);
    expect(idle.waiting).toHaveLength(0);
  });

  it("takes more steps in one period while the last step's time still fits, never past its budget", () => {
    const idle = fakeIdle();
    let now = 0;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    /** The next period, ending `length` ms from now by the same clock. */
    const period = (length: number) => {
      const end = now + length;
      idle.waiting.shift()!({ didTimeout: false, timeRemaining: () => Math.max(0, end - now) });
    };
    let steps = 0;
    // Each step takes 6 ms: a 25 ms budget fits four (a fifth would end past it).
    whileIdle(() => {
      now += 6;
      steps += 1;
      return false;
    }, new AbortController().signal);
    period(50);
    expect(steps).toBe(4);
    // A period of 13 ms fits two.
    period(13);
    expect(steps).toBe(6);
    expect(idle.waiting).toHaveLength(1);
  });

  it("stops, asking for no more periods, once aborted", () => {
    const idle = fakeIdle();
    const stop = new AbortController();
    let steps = 0;
    whileIdle(() => {
      steps += 1;
      return false;
    }, stop.signal);
    idle.runNext(0);
    stop.abort();
    idle.runNext(50);
    expect(steps).toBe(1);
    expect(idle.waiting).toHaveLength(0);
  });

  it("steps in timeouts where the browser has no idle callbacks", () => {
    vi.stubGlobal("requestIdleCallback", undefined);
    vi.useFakeTimers();
    let steps = 0;
    whileIdle(() => ++steps === 2, new AbortController().signal);
    expect(steps).toBe(0);
    vi.advanceTimersByTime(50);
    expect(steps).toBe(1);
    vi.advanceTimersByTime(50);
    expect(steps).toBe(2);
    vi.advanceTimersByTime(500);
    expect(steps).toBe(2);
  });
});
