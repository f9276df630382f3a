import { writeText } from "./io.js";

/** What a command may know of its surroundings: run.ts fills it from `process`, tests fill it by hand. */
export interface CliEnv {
  /** Standard output is a terminal (colour is then allowed). */
  isTTY: boolean;
  /** NO_COLOR is set. */
  noColor: boolean;
  /** The instant waiver expiry is judged against. */
  now: Date;
  /** $GITHUB_STEP_SUMMARY, when set. */
  stepSummary?: string | undefined;
  /**
   * Shows a transient progress line on standard error (undefined clears it). Present only when
   * standard error is a terminal, so progress never lands in a log or a pipe.
   */
  progress?: ((line: string | undefined) => void) | undefined;
  /** Writes to standard output at once (a command that streams uses it; run() collects it when absent). */
  out?: ((text: string) => void) | undefined;
  /** Writes to standard error at once. */
  err?: ((text: string) => void) | undefined;
}

/** The environment a streaming command gets from run(): somewhere to write as it goes. */
export type StreamEnv = CliEnv & { out: (text: string) => void; err: (text: string) => void };

/** The environment of the running process. */
export function processEnv(): CliEnv {
  let stdoutGone = false;
  return {
    isTTY: process.stdout.isTTY === true,
    noColor: "NO_COLOR" in process.env && process.env.NO_COLOR !== "",
    now: new Date(),
    stepSummary: process.env.GITHUB_STEP_SUMMARY,
    progress: process.stderr.isTTY
      ? (line) => {
          process.stderr.write(line === undefined ? "\r\u001b[K" : `\r\u001b[K${line.slice(0, (process.stderr.columns || 80) - 1)}`);
        }
      : undefined,
    // Standard output is written synchronously, straight to its file descriptor, so a slow reader slows
    // the run rather than letting reports pile up in memory. Once a reader has gone (senate assess … |
    // head), what is left for it is dropped: the run still finishes, so its exit code is still that of
    // the worst file.
    out: (text) => {
      if (stdoutGone) return;
      try {
        writeText(1, text);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
        stdoutGone = true;
      }
    },
    err: (text) => {
      if (!process.stderr.destroyed) process.stderr.write(text);
    },
  };
}
