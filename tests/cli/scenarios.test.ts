import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// CLI scenarios against the built binary (npm test builds first): arguments, stdin, expected stdout,
// stderr and exit code.
const CLI = "dist/cli.js";

function senate(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), "senate-cli-"));
const broken = join(tmp, "broken.yaml");
writeFileSync(
  broken,
  'schemaVersion: "1"\nmetadata:\n  id: X\n  title: T\n  version: "1"\n  stage: pcbc\n  date: 2026-13-01\n  sponsor: S\n  region: R\n  colour: blue\ncaseForChange:\n  summary: s\n',
);

interface Scenario {
  name: string;
  args: string[];
  stdin?: string;
  code: number;
  stdout?: RegExp;
  stderr?: RegExp;
}

const SCENARIOS: Scenario[] = [
  { name: "--help", args: ["--help"], code: 0, stdout: /Usage: senate <command>/ },
  { name: "--version", args: ["--version"], code: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
  { name: "unknown command", args: ["asses"], code: 2, stderr: /unknown command "asses"/ },
  { name: "assess --help has an example", args: ["assess", "--help"], code: 0, stdout: /Example:\n {2}senate assess/ },
  { name: "validate --help", args: ["validate", "-h"], code: 0, stdout: /Usage: senate validate/ },
  {
    name: "validate all examples",
    args: ["validate", "examples/stroke-hasu.yaml", "examples/maternity-unit.md", "examples/outpatient-virtual.yaml", "examples/minor-injuries-overnight.yaml"],
    code: 0,
    stdout: /maternity-unit.md: valid/,
  },
  {
    name: "validate a broken file: one line per problem with file:line:col",
    args: ["validate", broken],
    code: 2,
    stderr: /broken\.yaml:6:10 {2}invalid_value .*\n.*broken\.yaml:7:9 {2}invalid_value .*\n.*broken\.yaml:10:3 {2}unknown_field/,
  },
  { name: "validate a missing file", args: ["validate", "nope.yaml"], code: 2, stderr: /^nope\.yaml {2}read_failed {2}no such file\n$/ },
  { name: "validate a directory", args: ["validate", "examples"], code: 2, stderr: /is a directory/ },
  { name: "validate from stdin", args: ["validate", "-"], stdin: readFileSync("examples/stroke-hasu.yaml", "utf8"), code: 0, stdout: /-: valid/ },
  { name: "unknown flag", args: ["assess", "--fromat", "json", "examples/stroke-hasu.yaml"], code: 2, stderr: /Unknown option '--fromat'.*see --help/ },
  {
    name: "bad --format value",
    args: ["assess", "--format", "pdf", "examples/stroke-hasu.yaml"],
    code: 2,
    stderr: /--format must be one of text, json, markdown, html, sarif, junit, github; got "pdf"/,
  },
  {
    name: "unknown framework",
    args: ["assess", "--framework", "paris-2030", "examples/stroke-hasu.yaml"],
    code: 2,
    stderr: /no built-in framework "paris-2030"/,
  },
  {
    name: "weakest example fails --fail-on amber",
    args: ["assess", "examples/minor-injuries-overnight.yaml", "--fail-on", "amber"],
    code: 1,
    stdout: /Overall +Red/,
  },
  {
    name: "strongest example passes --fail-on amber",
    args: ["assess", "examples/stroke-hasu.yaml", "--reviews", "examples/stroke-hasu.reviews.yaml", "--fail-on", "amber"],
    code: 0,
    stdout: /Overall +Green/,
  },
  { name: "--fail-on never", args: ["assess", "examples/minor-injuries-overnight.yaml", "--fail-on", "never"], code: 0 },
  {
    name: "reviews for another framework",
    args: ["assess", "examples/stroke-hasu.yaml", "--reviews", "examples/outpatient-virtual.waivers.yaml"],
    code: 2,
    stderr: /outpatient-virtual\.waivers\.yaml:\d+:\d+ {2}unknown_field/,
  },
  {
    name: "assess from stdin as JSON",
    args: ["assess", "-", "--format", "json"],
    stdin: readFileSync("examples/stroke-hasu.yaml", "utf8"),
    code: 0,
    stdout: /"schemaVersion": "1"/,
  },
  { name: "a broken proposal exits 2 with locations, no stack", args: ["assess", broken], code: 2, stderr: /broken\.yaml:6:10/ },
  { name: "bad threshold", args: ["assess", "examples/stroke-hasu.yaml", "--green", "1.5"], code: 2, stderr: /--green must be a number from 0 to 1/ },
];

describe("senate CLI", () => {
  it.each(SCENARIOS)("$name", ({ args, stdin, code, stdout, stderr }) => {
    const r = senate(args, stdin);
    expect(r.code, r.stderr).toBe(code);
    if (stdout) expect(r.stdout).toMatch(stdout);
    if (stderr) expect(r.stderr).toMatch(stderr);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it("writes --output atomically and refuses to overwrite an input", () => {
    const out = join(tmp, "report.md");
    expect(senate(["assess", "examples/stroke-hasu.yaml", "--format", "markdown", "--output", out, "--fail-on", "never"]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^# Assessment: /);
    const copy = join(tmp, "copy.yaml");
    writeFileSync(copy, readFileSync("examples/stroke-hasu.yaml"));
    const r = senate(["assess", copy, "--output", copy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is also an input/);
    expect(readFileSync(copy, "utf8")).toBe(readFileSync("examples/stroke-hasu.yaml", "utf8"));
  });

  it("gives byte-identical JSON across runs", () => {
    const a = senate(["assess", "examples/maternity-unit.md", "--format", "json", "--fail-on", "never"]);
    const b = senate(["assess", "examples/maternity-unit.md", "--format", "json", "--fail-on", "never"]);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(a.stdout).toBe(b.stdout);
  });

  it("changes the outcome with reviews and waivers as documented", () => {
    const plain = JSON.parse(senate(["assess", "examples/outpatient-virtual.yaml", "--format", "json", "--fail-on", "never"]).stdout);
    const waived = JSON.parse(
      senate(["assess", "examples/outpatient-virtual.yaml", "--waivers", "examples/outpatient-virtual.waivers.yaml", "--format", "json", "--fail-on", "never"])
        .stdout,
    );
    const status = (r: { principles: { criteria: { id: string; status: string }[] }[] }, id: string) =>
      r.principles.flatMap((p) => p.criteria).find((c) => c.id === id)?.status;
    expect(status(plain, "LDN-3.3")).not.toBe("not-applicable");
    expect(status(waived, "LDN-3.3")).toBe("not-applicable");
    expect(waived.gaps.find((g: { criterion: string }) => g.criterion === "LDN-2.4").waived).toBe(true);
  });
});
