// Timing for the growth and round-two tests, which compare costs only with a reference run in the
// same test (never with a fixed budget: the machines are shared and noisy).

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// A collection before each timed run, so that no run pays for the garbage of the one before.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * The best of five timings of each of `a` and `b`, in milliseconds, taken in turn (after one
 * warm-up each) so that a busy spell on a shared machine slows both rather than one.
 */
export function bestTimes(a: () => unknown, b: () => unknown): [number, number] {
  a();
  b();
  const best: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let i = 0; i < 5; i++) {
    for (const k of [0, 1] as const) {
      gc();
      const start = performance.now();
      (k === 0 ? a : b)();
      best[k] = Math.min(best[k], performance.now() - start);
    }
  }
  return best;
}

/** How many times longer `a` takes than `b` (the best runs of each). */
export function timeRatio(a: () => unknown, b: () => unknown): number {
  const [ta, tb] = bestTimes(a, b);
  return ta / tb;
}
