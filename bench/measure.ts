// Timing whole processes: wall time from the harness, peak resident memory from GNU time when it is
// installed, otherwise from a preloaded hook that records process.resourceUsage().maxRSS at exit.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const GNU_TIME = "/usr/bin/time";
export const HAS_GNU_TIME = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%M", "true"]).status === 0;
const RSS_FILE = join(tmpdir(), `senate-bench-rss-${process.pid}`);
const RSS_HOOK = resolve("bench/maxrss.cjs");

/** One run of a command: wall seconds, peak RSS in MiB (when measured), and exit code. */
export interface Run {
  seconds: number;
  rssMiB: number | undefined;
  code: number | null;
}

/** Runs a command with standard output discarded (or sent to `stdout`, a file descriptor). */
export function runOnce(argv: string[], options: { memory?: boolean; stdout?: number } = {}): Run {
  const memory = options.memory === true;
  const [cmd, args, env] =
    memory && HAS_GNU_TIME
      ? [GNU_TIME, ["-f", "%M", "-o", RSS_FILE, ...argv], process.env]
      : memory
        ? [argv[0] as string, argv.slice(1), { ...process.env, NODE_OPTIONS: `--require ${RSS_HOOK}`, SENATE_BENCH_RSS: RSS_FILE }]
        : [argv[0] as string, argv.slice(1), process.env];
  rmSync(RSS_FILE, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { stdio: ["ignore", options.stdout ?? "ignore", "pipe"], env, maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let rssMiB: number | undefined;
  if (memory && existsSync(RSS_FILE)) {
    const kb = Number(readFileSync(RSS_FILE, "utf8").trim().split(/\s+/).pop());
    rssMiB = Number.isFinite(kb) ? kb / 1024 : undefined;
  }
  return { seconds, rssMiB, code: result.status };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A command measured several times: medians of wall time and peak memory, and the exit codes seen. */
export interface Measured {
  seconds: number;
  rssMiB: number | undefined;
  runs: number;
  codes: (number | null)[];
}

/**
 * Measures several commands `runs` times each, interleaved (a, b, c, a, b, c…) so that a change in
 * the machine's load falls on all of them alike; reports medians.
 */
export function measureAll(commands: Record<string, string[]>, runs: number, memory = true): Record<string, Measured> {
  const samples: Record<string, Run[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, argv] of Object.entries(commands)) samples[name]?.push(runOnce(argv, { memory }));
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => {
      const rss = list.map((s) => s.rssMiB).filter((v): v is number => v !== undefined);
      return [
        name,
        { seconds: median(list.map((s) => s.seconds)), rssMiB: rss.length ? median(rss) : undefined, runs: list.length, codes: list.map((s) => s.code) },
      ];
    }),
  );
}
