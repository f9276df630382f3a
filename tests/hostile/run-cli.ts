import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The built CLI (npm test builds first); SENATE_CLI points the suites at another build. */
export const CLI = resolve(process.env.SENATE_CLI ?? "dist/cli.js");

const RSS_PRELOAD = resolve("tests/hostile/rss.cjs");

/** What one run of the CLI did, and what it cost. */
export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time of the spawned process, in milliseconds. */
  ms: number;
  /** Peak resident memory, in MiB (undefined when the process died before recording it). */
  rssMiB: number | undefined;
  timedOut: boolean;
}

export interface CliOptions {
  cwd?: string;
  stdin?: string | Uint8Array;
  /** Heap cap for the run, so that a memory blow-up fails the run instead of swapping. */
  maxOldSpaceMiB?: number;
  timeoutMs?: number;
  env?: Record<string, string>;
}

/** Runs `node dist/cli.js …args` with a heap cap and a timeout, measuring wall time and peak memory. */
export function runCli(args: string[], options: CliOptions = {}): CliRun {
  const scratch = mkdtempSync(join(tmpdir(), "senate-rss-"));
  const rssFile = join(scratch, "rss");
  const start = performance.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${options.maxOldSpaceMiB ?? 256}`, "--require", RSS_PRELOAD, CLI, ...args], {
    cwd: options.cwd,
    input: options.stdin ?? "",
    encoding: "utf8",
    timeout: options.timeoutMs ?? 10_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", SENATE_RSS_FILE: rssFile, ...options.env },
  });
  const ms = performance.now() - start;
  const rssMiB = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) / 1024 : undefined;
  rmSync(scratch, { recursive: true, force: true });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms, rssMiB, timedOut };
}
