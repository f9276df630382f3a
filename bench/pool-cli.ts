// A stand-in for `senate assess --format json <files...>` once src/cli/assess.ts streams through
// src/node/assess-files.ts (worker threads, output in order as it is ready, nothing accumulated).
// The bench bundles it like the CLI and checks that its output is byte-identical to the CLI's.
import { writeSync } from "node:fs";
import { builtinFramework } from "../src/framework/builtin.js";
import { formatIssue } from "../src/model/issue.js";
import { assessFiles } from "../src/node/assess-files.js";

const files = process.argv.slice(2);
const framework = builtinFramework("london-2020");
if (!framework) throw new Error("no london-2020");
const many = files.length > 1;
let written = 0;
let failed = false;
const problems: string[] = [];
/** Writes all of `text` to standard output synchronously: a pipe may take part of it, or none yet (EAGAIN). */
function write(text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(1, bytes, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}
const options = { framework, limits: {}, now: new Date().toISOString(), format: "json", layout: many ? "array" : "each", color: false } as const;
// SENATE_BENCH_THREADS=0 runs everything in the main thread (streaming, no workers).
const threads = process.env.SENATE_BENCH_THREADS === undefined ? undefined : Number(process.env.SENATE_BENCH_THREADS);
const onResult = (result: Parameters<Parameters<typeof assessFiles>[2]>[0]) => {
  if (result.output === undefined) {
    problems.push(...result.issues.map(formatIssue));
    return;
  }
  write(many ? `${written === 0 ? "[\n  " : ",\n  "}${result.output}` : result.output);
  written++;
  if (result.summary?.rating === "red") failed = true;
};
assessFiles(files, options, onResult, undefined, threads);
if (many && written > 0) write("\n]\n");
if (problems.length > 0) process.stderr.write(`${problems.join("\n")}\n`);
process.exitCode = problems.length > 0 ? 2 : failed ? 1 : 0;
