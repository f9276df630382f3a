import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The built CLI (npm test builds first); SENATE_CLI points the suites at another build. */
export const CLI = resolve(process.env.SENATE_CLI ?? "dist/cli.js");

const USAGE_PRELOAD = resolve("tests/hostile/usage.cjs");

/** What one run of the CLI did, and what it cost. */
export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory, in MiB (undefined when the process died before recording it). */
  rssMiB: number | undefined;
  /** CPU time the process used, user and system, in milliseconds (undefined as for `rssMiB`). */
  cpuMs: number | undefined;
  timedOut: boolean;
}

export interface CliOptions {
  cwd?: string;
  stdin?: string | Uint8Array;
  /** Heap cap for the run, so that a memory blow-up fails the run instead of swapping. */
  maxOldSpaceMiB?: number;
  /** Kills a run that hangs; generous, so that a slow machine never trips it (default 60 s). */
  timeoutMs?: number;
  env?: Record<string, string>;
}

/** Runs `node dist/cli.js …args` with a heap cap and a timeout, measuring peak memory and CPU time. */
export function runCli(args: string[], options: CliOptions = {}): CliRun {
  const scratch = mkdtempSync(join(tmpdir(), "senate-usage-"));
  const usageFile = join(scratch, "usage.json");
  const r = spawnSync(process.execPath, [`--max-old-space-size=${options.maxOldSpaceMiB ?? 256}`, "--require", USAGE_PRELOAD, CLI, ...args], {
    cwd: options.cwd,
    input: options.stdin ?? "",
    encoding: "utf8",
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", SENATE_USAGE_FILE: usageFile, ...options.env },
  });
  const usage = existsSync(usageFile) ? (JSON.parse(readFileSync(usageFile, "utf8")) as { maxRSS: number; cpu: number }) : undefined;
  rmSync(scratch, { recursive: true, force: true });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  const rssMiB = usage && usage.maxRSS / 1024;
  const cpuMs = usage && usage.cpu / 1000;
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", rssMiB, cpuMs, timedOut };
}
