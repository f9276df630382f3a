import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI } from "./run-cli.js";

// `senate assess … | head` closes the pipe before the report is written: the CLI must end quietly
// with its own exit code, not with an unhandled EPIPE and a stack trace.

function closeStdoutAtOnce(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.stdout.destroy(); // the reader is gone before the report is written
    child.on("exit", (code) => done({ code, stderr }));
  });
}

describe("a reader that closes the pipe early", () => {
  it.each([
    ["a JSON report", ["assess", "examples/stroke-hasu.yaml", "--format", "json", "--fail-on", "never"], 0],
    ["an HTML report", ["assess", "examples/minor-injuries-overnight.yaml", "--format", "html"], 1],
    // Streamed: the pipe closes while reports are still to come; the run finishes, so the red one still fails the gate.
    ["several reports, the red one last", ["assess", "examples/stroke-hasu.yaml", "examples/maternity-unit.md", "examples/minor-injuries-overnight.yaml"], 1],
    ["several files validated", ["validate", "examples/stroke-hasu.yaml", "examples/maternity-unit.md", "examples/minor-injuries-overnight.yaml"], 0],
  ])("%s: no stack trace, and the command's own exit code", async (_name, args, code) => {
    const r = await closeStdoutAtOnce(args as string[]);
    expect(r.stderr).not.toMatch(/\n\s+at |EPIPE|Unhandled/);
    expect(r.code).toBe(code);
  });
});
