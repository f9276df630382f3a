// Timing for the growth and round-two tests, which compare costs only with a reference run in the
// same test (never with a fixed budget). What is measured is the process's CPU time, not the
// clock: on a shared machine another process can take the CPU for tens of milliseconds at any
// moment, which the clock counts and CPU time does not.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// A collection before each batch, so that no batch pays for the garbage of the one before.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Milliseconds of CPU one call of `fn` takes, over a batch of calls of at least `minMs` in all. */
function cpuPerCall(fn: () => unknown, minMs: number): number {
  gc();
  const start = process.cpuUsage();
  let calls = 0;
  let used = 0;
  do {
    fn();
    calls++;
    const spent = process.cpuUsage(start);
    used = (spent.user + spent.system) / 1000;
  } while (used < minMs);
  return used / calls;
}

/**
 * The least CPU time per call of each of `a` and `b`, in milliseconds, over five batches of each
 * taken in turn (after one warm-up call each); a batch repeats a quick call until it has used
 * 50 ms, so that timer resolution and one-off pauses do not decide the answer.
 */
export function bestTimes(a: () => unknown, b: () => unknown): [number, number] {
  a();
  b();
  const best: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let i = 0; i < 5; i++) {
    best[0] = Math.min(best[0], cpuPerCall(a, 50));
    best[1] = Math.min(best[1], cpuPerCall(b, 50));
  }
  return best;
}

/** How many times the CPU time of `a` is that of `b` (the best batches of each). */
export function timeRatio(a: () => unknown, b: () => unknown): number {
  const [ta, tb] = bestTimes(a, b);
  return ta / tb;
}
