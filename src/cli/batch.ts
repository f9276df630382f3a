import { constants } from "node:os";
import { terminalName } from "../model/escape.js";

// The loop over many files that `assess`, `validate` and `diff` share. Each item is done and written
// before the next is read, so memory does not grow with the batch. Between items the event loop runs
// once: that is when Node delivers a signal (Ctrl-C) or reports a closed pipe, which a synchronous
// loop would never see. A signal stops the loop after the item in hand, and the command cleans up.

/** Progress appears only on a terminal, and only when there are enough files to wait for. */
export const PROGRESS_AFTER = 20;
/** A terminal needs no more than ten updates a second. */
const PROGRESS_EVERY_MS = 100;
const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** Watches for Ctrl-C (and SIGTERM) until stopped; `signal` is the first one that arrived. */
export interface SignalWatch {
  readonly signal: NodeJS.Signals | undefined;
  stop(): void;
}

/** Starts watching for signals. Install it before any temporary file is made, so none can be left by one. */
export function watchSignals(): SignalWatch {
  let seen: NodeJS.Signals | undefined;
  const on = (signal: NodeJS.Signals) => {
    seen ??= signal;
  };
  for (const s of SIGNALS) process.on(s, on);
  return {
    get signal() {
      return seen;
    },
    stop: () => {
      for (const s of SIGNALS) process.off(s, on);
    },
  };
}

/** The conventional exit code for a process stopped by a signal: 128 plus its number (130 for Ctrl-C). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 2);
}

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** The progress line: how far, how fast, about how long is left, and the file in hand. */
export function progressLine(command: string, done: number, total: number, elapsedMs: number, name: string): string {
  const rate = done > 0 && elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const pace = rate > 0 ? ` (${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} files/s, about ${duration((total - done) / rate)} left)` : "";
  return `senate ${command}: ${done + 1}/${total}${pace} ${terminalName(name)}`;
}

/** Where a batch reports to. */
export interface BatchOptions {
  command: string;
  signals: SignalWatch;
  /** The terminal's progress line (undefined clears it); absent when standard error is not a terminal. */
  progress?: ((line: string | undefined) => void) | undefined;
  /** Milliseconds on a monotonic clock. */
  clock?: () => number;
}

/**
 * Calls `work` for each item in turn, letting the event loop run between items. Returns the signal
 * that stopped it, or undefined when every item was done. `clear` lets the work write to standard
 * error without the progress line in the way.
 */
export async function eachItem<T>(
  items: readonly T[],
  name: (item: T) => string,
  work: (item: T, index: number, clear: () => void) => void,
  options: BatchOptions,
): Promise<NodeJS.Signals | undefined> {
  const clock = options.clock ?? (() => performance.now());
  const show = options.progress && items.length > PROGRESS_AFTER ? options.progress : undefined;
  const start = clock();
  let shown: number | undefined;
  const clear = () => {
    if (shown !== undefined) show?.(undefined);
  };
  try {
    for (const [i, item] of items.entries()) {
      await new Promise((next) => setImmediate(next));
      if (options.signals.signal) return options.signals.signal;
      const now = clock();
      if (show && (shown === undefined || now - shown >= PROGRESS_EVERY_MS)) {
        show(progressLine(options.command, i, items.length, now - start, name(item)));
        shown = now;
      }
      work(item, i, clear);
    }
    return options.signals.signal;
  } finally {
    clear();
  }
}
