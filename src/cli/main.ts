import { run } from "./run.js";

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
