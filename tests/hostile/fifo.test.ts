import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HAVE_MKFIFO, mkfifo } from "../helpers/fifo.js";
import { PROPOSAL } from "./documents.js";
import { runCli } from "./run-cli.js";

// A named pipe (FIFO) with no writer blocks whoever opens it for reading, for ever. Named on the
// command line, in any role, it is refused at once with a located line, exit 2; a stream is read
// only from standard input (-), and only up to --max-bytes.

const dir = mkdtempSync(join(tmpdir(), "senate-fifo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fifo = join(dir, "pipe.yaml");
if (HAVE_MKFIFO) mkfifo(fifo);
writeFileSync(join(dir, "p.yaml"), PROPOSAL);

// Node cannot make a named pipe: without coreutils' mkfifo (scripts/fresh-machine.sh) this file skips.
describe.skipIf(!HAVE_MKFIFO)("a named pipe given as a file", () => {
  it.each([
    ["a proposal to validate", ["validate", "pipe.yaml"]],
    ["a proposal to assess", ["assess", "pipe.yaml"]],
    ["one of several proposals", ["assess", "p.yaml", "pipe.yaml", "--format", "json", "--fail-on", "never"]],
    ["a reviews file", ["assess", "p.yaml", "--reviews", "pipe.yaml"]],
    ["a waivers file", ["assess", "p.yaml", "--waivers", "pipe.yaml"]],
    ["a framework file", ["assess", "p.yaml", "--framework", "./pipe.yaml"]],
    ["a baseline", ["assess", "p.yaml", "--baseline", "pipe.yaml"]],
    ["a report to compare", ["diff", "pipe.yaml", "pipe.yaml"]],
  ])("%s is refused at once, not waited on", (_name, args) => {
    const r = runCli(args, { cwd: dir, timeoutMs: 15_000 });
    expect(r.timedOut, "the CLI waited on the pipe").toBe(false);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^(\.\/)?pipe\.yaml {2}read_failed {2}is a named pipe \(FIFO\), not a regular file; .*standard input, named -\)$/m);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it("standard input (-) is still read", () => {
    const r = runCli(["validate", "-"], { cwd: dir, stdin: PROPOSAL });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("-: valid\n");
  });
});
