import { setFlagsFromString } from "node:v8";
import { run } from "./run.js";

// Over many files, V8 lets the young generation grow to 32 MiB (it grows while much of what a file
// allocates is still alive at a scavenge), and that is most of the memory a batch takes beyond one file.
// Keeping it at its starting size saves about 20 MB at no measurable cost in time (bench/results.md;
// tests/cli/memory.test.ts holds the line). Unlike --max-semi-space-size, this flag is read each time
// the young generation would grow, so setting it here, once running, takes effect.
setFlagsFromString("--semi-space-growth-factor=1");

// A reader that stops early (senate assess … | head) closes the pipe: that is not an error of ours.
// The stream is then destroyed, and what would have gone to it is dropped (see env.ts).
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

const result = await run(process.argv.slice(2));
if (result.stdout && !process.stdout.destroyed) process.stdout.write(result.stdout);
if (result.stderr && !process.stderr.destroyed) process.stderr.write(result.stderr);
process.exitCode = result.code;
