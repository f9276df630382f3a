import { execFileSync, spawnSync } from "node:child_process";

/**
 * Whether coreutils' mkfifo is on PATH. Node has no API that makes a named pipe, and a machine with
 * only Node and npm (scripts/fresh-machine.sh) has no mkfifo, so the tests that need one skip there;
 * `.ci/run`'s main test run has it and runs them.
 */
export const HAVE_MKFIFO = spawnSync("mkfifo", ["--version"], { stdio: "ignore" }).status === 0;

/** Makes a named pipe at `path` (only call when HAVE_MKFIFO). */
export function mkfifo(path: string): void {
  execFileSync("mkfifo", [path]);
}
