import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASES, type HostileCase, type Problem } from "./cases.js";
import { runCli } from "./run-cli.js";

// Each case runs the built CLI in its own temporary folder, with a 256 MB heap, and must: exit 2; print
// nothing on stdout; print one well-formed line per problem, naming the file and (where there is one)
// line:column; print no stack trace and no internal error; stay within 300 MiB; and cost at most 20 times
// the CPU time of validating an ordinary proposal, measured here. No wall-time budget: the machine is
// shared, and CPU time is what a pathological input would blow up. A run that hangs is killed after 60 s.

const CPU_FACTOR = 20;
const MAX_RSS_MIB = 300;
const MAX_STDERR = 64 * 1024;

/** `file[:line:column]  code  message`: the shape of every problem line. */
const PROBLEM_LINE = /^(?<file>\S(?:.*?\S)?)(?::(?<line>\d+):(?<column>\d+))? {2}(?<code>[a-z_]+) {2}(?<message>\S.*)$/;
/** `senate <command>: message`: the shape of a usage error. */
const USAGE_LINE = /^senate(?: [a-z-]+)?: \S.*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const root = mkdtempSync(join(tmpdir(), "senate-hostile-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function setUp(c: HostileCase): string {
  const dir = mkdtempSync(join(root, "case-"));
  for (const [name, content] of Object.entries(c.files ?? {})) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof content === "function") content(path);
    else writeFileSync(path, content);
  }
  return dir;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A regular expression for the line that reports `p`. */
function lineFor(p: Problem): RegExp {
  const at = p.at === undefined ? "(?::\\d+:\\d+)?" : p.at === "any" ? ":\\d+:\\d+" : `:${literal(p.at)}`;
  const code = p.code === undefined ? "[a-z_]+" : literal(p.code);
  // A file found through another (a framework's base) may be named by its full path.
  return new RegExp(`^(?:\\S*/)?${literal(p.file)}${at}  ${code}  `);
}

/** The lines before the first blank one (a usage error may be followed by help). */
function reportLines(stderr: string): string[] {
  const lines = stderr.split("\n");
  const end = lines.indexOf("");
  return lines.slice(0, end === -1 ? lines.length : end);
}

/** The CPU time (ms) of `senate validate` on an ordinary proposal: the best of three runs. */
function referenceCpuMs(): number {
  const runs = [1, 2, 3].map(() => runCli(["validate", "examples/stroke-hasu.yaml"]));
  for (const run of runs) expect(run.status, run.stderr).toBe(0);
  return Math.min(...runs.map((run) => run.cpuMs ?? Number.NaN));
}

describe("hostile inputs to the built CLI", () => {
  let reference = Number.NaN;
  beforeAll(() => {
    reference = referenceCpuMs();
    expect(reference).toBeGreaterThan(0);
  });

  it("the corpus covers every area with at least 40 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.area))).toEqual(new Set(["proposal", "reviews", "waivers", "framework", "cli"]));
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [`${c.area}: ${c.name}`, c] as const))("%s", (_name, c) => {
    const dir = setUp(c);
    const stdin = typeof c.stdin === "function" ? c.stdin() : c.stdin;
    const run = runCli(c.args, { cwd: dir, ...(stdin === undefined ? {} : { stdin }) });
    const context = `senate ${c.args.join(" ").slice(0, 200)}\nexit ${run.status} ${run.signal ?? ""} after ${Math.round(run.cpuMs ?? -1)} ms of CPU\n${run.stderr.slice(0, 2000)}`;

    expect(run.timedOut, context).toBe(false);
    expect(run.status, context).toBe(2);
    expect(run.stdout, context).toBe("");
    expect(run.stderr, context).not.toMatch(/\n\s+at |^\s+at /m);
    expect(run.stderr, context).not.toMatch(/internal error/);
    expect(run.stderr.length, "the error output is bounded").toBeLessThan(MAX_STDERR);

    const lines = reportLines(run.stderr);
    expect(lines.length, context).toBeGreaterThan(0);
    for (const line of lines) {
      expect(CONTROL.test(line), `a control character in: ${JSON.stringify(line.slice(0, 200))}`).toBe(false);
      expect(PROBLEM_LINE.test(line) || USAGE_LINE.test(line), `not a problem or usage line: ${JSON.stringify(line.slice(0, 200))}`).toBe(true);
      expect(line, "every problem names its file").not.toMatch(/^<input>/);
    }
    for (const p of c.problems ?? []) {
      expect(
        lines.some((line) => lineFor(p).test(line) && (p.message === undefined || p.message.test(line))),
        `${lineFor(p)} ${p.message ?? ""}\n${context}`,
      ).toBe(true);
    }
    if (c.lines !== undefined) expect(lines.length, context).toBe(c.lines);
    if (c.usage)
      expect(
        lines.some((line) => USAGE_LINE.test(line) && c.usage?.test(line)),
        context,
      ).toBe(true);
    if (c.mentions) expect(run.stderr, context).toMatch(c.mentions);
    if (c.limit) expect(run.stderr, context).toContain(`(${c.limit})`);
    c.after?.(dir);

    expect(run.rssMiB, "peak memory recorded").toBeDefined();
    expect(run.cpuMs as number, `CPU time against ${Math.round(reference)} ms for an ordinary proposal\n${context}`).toBeLessThan(CPU_FACTOR * reference);
    expect(run.rssMiB as number, "peak memory (MiB)").toBeLessThan(MAX_RSS_MIB);
  });
});
