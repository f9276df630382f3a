import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_FRAMEWORK_IDS, builtinFramework } from "../../src/framework/builtin.js";
import { jsonSchemaFor, PUBLISHED } from "../../src/model/json-schema.js";

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

const brokenFramework = join(tmp, "broken-framework.yaml");
writeFileSync(brokenFramework, 'schemaVersion: "1"\nid: Bad Id\nversion: "1"\n');
const aliases = join(tmp, "aliases.yaml");
writeFileSync(aliases, "a: &x [1, 2]\nb: *x\nc: *x\n");

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
  {
    name: "validate a folder: every proposal below it, less what is ignored",
    args: ["validate", "examples", "--ignore-pattern", "frameworks/"],
    code: 0,
    stdout: /examples\/maternity-unit\.md: valid\n(.|\n)*examples\/stroke-hasu\.yaml: valid\n$/,
  },
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
    stdout: /"schemaVersion": "2"/,
  },
  { name: "a broken proposal exits 2 with locations, no stack", args: ["assess", broken], code: 2, stderr: /broken\.yaml:6:10/ },
  { name: "bad threshold", args: ["assess", "examples/stroke-hasu.yaml", "--green", "1.5"], code: 2, stderr: /--green must be a number from 0 to 1/ },

  // Help: every command and subcommand, with an example; `senate help <command>` too.
  ...[["assess"], ["validate"], ["diff"], ["init"], ["frameworks"], ["frameworks", "show"], ["frameworks", "validate"], ["schema"]].flatMap(
    (command): Scenario[] => [
      {
        name: `${command.join(" ")} --help`,
        args: [...command, "--help"],
        code: 0,
        stdout: new RegExp(`^Usage: senate ${command.join(" ")}[\\s\\S]*\nExamples?:\n {2}senate `),
      },
      { name: `help ${command.join(" ")}`, args: ["help", ...command], code: 0, stdout: new RegExp(`^Usage: senate ${command.join(" ")}`) },
    ],
  ),
  { name: "-v", args: ["-v"], code: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
  { name: "help alone", args: ["help"], code: 0, stdout: /Commands:\n(.*\n)*? {2}diff .*\n {2}init .*\n {2}frameworks \[list\][\s\S]* {2}schema <name>/ },
  { name: "help for an unknown command", args: ["help", "asses"], code: 2, stderr: /unknown command "asses"/ },
  { name: "help for help", args: ["help", "--help"], code: 0, stdout: /^Usage: senate help \[command/ },
  { name: "config --help is config's help", args: ["config", "--help"], code: 0, stdout: /^Usage: senate config / },
  {
    name: "a misspelt flag is named with the flag it is close to",
    args: ["assess", "--frmework", "london-2020", "examples/stroke-hasu.yaml"],
    code: 2,
    stderr: /Unknown option '--frmework' \(did you mean --framework\?\); see --help/,
  },
  { name: "help for an unknown subcommand", args: ["help", "frameworks", "nope"], code: 2, stderr: /"frameworks" has no subcommand "nope"/ },

  // Discovery.
  {
    name: "frameworks show (text)",
    args: ["frameworks", "show", "london-2020"],
    code: 0,
    stdout: /^London Clinical Senate[\s\S]*\n {2}LDN-3\.7 {2}.*\n {6}automatic, (critical|major|minor), weight \d/,
  },
  {
    name: "frameworks show (markdown)",
    args: ["frameworks", "show", "london-2020", "--format", "markdown"],
    code: 0,
    stdout: /\n## LDN-1 .*\n\n> .*\n\n\| Criterion \| Title \| Mode \| Severity \| Weight \| Stages \| Question \|/,
  },
  { name: "frameworks show a file", args: ["frameworks", "show", "principles/london-2020.yaml"], code: 0, stdout: /\(london-2020 \d+\.\d+\.\d+\)/ },
  { name: "frameworks show an unknown id", args: ["frameworks", "show", "paris-2030"], code: 2, stderr: /no built-in framework "paris-2030"/ },
  { name: "frameworks show without an id", args: ["frameworks", "show"], code: 2, stderr: /name one framework id or file; built-in ids are london-2020/ },
  { name: "frameworks with an unknown subcommand", args: ["frameworks", "lst"], code: 2, stderr: /unknown subcommand "lst"; use list, show or validate/ },
  {
    name: "frameworks validate files, globs and built-in ids",
    args: ["frameworks", "validate", "principles/*.yaml", "london-2020"],
    code: 0,
    stdout: /principles\/london-2020\.yaml: valid \(london-2020 [^)]*40 criteria\)\n(.*\n)*london-2020: valid/,
  },
  {
    name: "frameworks validate a broken file: one located line per issue",
    args: ["frameworks", "validate", brokenFramework],
    code: 2,
    stderr: /broken-framework\.yaml:2:5 {2}invalid_value .*\n.*broken-framework\.yaml:3:10 {2}invalid_value/,
  },
  { name: "frameworks validate an unknown id", args: ["frameworks", "validate", "paris-2030"], code: 2, stderr: /^paris-2030 {2}unknown_framework/ },
  { name: "schema report", args: ["schema", "report"], code: 0, stdout: /^\{\n {2}"\$schema": "http:\/\/json-schema\.org\/draft-07\/schema#"/ },
  {
    name: "schema with an unknown name",
    args: ["schema", "proposals"],
    code: 2,
    stderr: /no schema "proposals"; the schemas are proposal, framework, reviews, waivers, report, crosswalk/,
  },
  { name: "schema without a name", args: ["schema"], code: 2, stderr: /name one schema: proposal, framework/ },

  // Limits as flags.
  {
    name: "--max-bytes",
    args: ["validate", "examples/stroke-hasu.yaml", "--max-bytes", "100"],
    code: 2,
    stderr: /stroke-hasu\.yaml {2}too_large {2}file is \d+ bytes, over the limit of 100 bytes \(maxBytes\)/,
  },
  {
    name: "--max-depth",
    args: ["validate", "examples/stroke-hasu.yaml", "--max-depth", "2"],
    code: 2,
    stderr: /too_deep {2}nesting is deeper than the limit of 2 levels \(maxDepth\)/,
  },
  {
    name: "--max-items",
    args: ["assess", "examples/stroke-hasu.yaml", "--max-items", "50"],
    code: 2,
    stderr: /too_many_items .*limit of 50 values \(maxItems\)/,
  },
  {
    name: "--max-aliases",
    args: ["validate", aliases, "--max-aliases", "1"],
    code: 2,
    stderr: /alias_limit {2}aliases expand past the limit of 1 \(maxAliases\)/,
  },
  {
    name: "--max-items on frameworks validate",
    args: ["frameworks", "validate", "principles/london-2020.yaml", "--max-items", "10"],
    code: 2,
    stderr: /too_many_items/,
  },
  {
    name: "limits applied to companions too",
    args: ["assess", "examples/stroke-hasu.yaml", "--reviews", "examples/stroke-hasu.reviews.yaml", "--max-bytes", "20000"],
    code: 2,
    stderr: /stroke-hasu\.yaml {2}too_large/,
  },
  { name: "a generous limit changes nothing", args: ["validate", "examples/stroke-hasu.yaml", "--max-items", "1000000", "--max-aliases", "0"], code: 0 },
  {
    name: "a bad limit",
    args: ["validate", "examples/stroke-hasu.yaml", "--max-bytes", "1.5"],
    code: 2,
    stderr: /^senate validate: --max-bytes must be a whole number of at least 1; got "1\.5"\n$/,
  },
  {
    name: "a negative limit",
    args: ["assess", "examples/stroke-hasu.yaml", "--max-aliases=-1"],
    code: 2,
    stderr: /--max-aliases must be a whole number; got "-1"/,
  },
];

describe("senate CLI", () => {
  it.each(SCENARIOS)("$name", ({ args, stdin, code, stdout, stderr }) => {
    const r = senate(args, stdin);
    expect(r.code, r.stderr).toBe(code);
    if (stdout) expect(r.stdout).toMatch(stdout);
    if (stderr) expect(r.stderr).toMatch(stderr);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it("frameworks lists every built-in framework with its counts", () => {
    const text = senate(["frameworks"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Id +Version +Principles +Criteria +Title\n/);
    const json = JSON.parse(senate(["frameworks", "list", "--format", "json"]).stdout);
    expect(json.map((f: { id: string }) => f.id)).toEqual(BUILTIN_FRAMEWORK_IDS);
    for (const row of json) {
      const fw = builtinFramework(row.id)?.framework;
      expect(row).toEqual({
        id: fw?.id,
        version: fw?.version,
        title: fw?.title,
        principles: fw?.principles.length,
        criteria: fw?.principles.flatMap((p) => p.criteria).length,
      });
      expect(text.stdout).toMatch(new RegExp(`^${row.id} +${row.version} +${row.principles} +${row.criteria} `, "m"));
    }
    expect(senate(["frameworks", "--format", "markdown"]).stdout).toMatch(/^\| Id \| Version \| Principles \| Criteria \| Title \|\n\|---/);
  });

  it("frameworks show --format json gives each criterion's id, title, mode, severity, weight, stages and question", () => {
    const shown = JSON.parse(senate(["frameworks", "show", "london-2020", "--format", "json"]).stdout);
    expect(shown.principles).toHaveLength(8);
    expect(Object.keys(shown.principles[2].criteria[0])).toEqual(["id", "title", "mode", "severity", "weight", "stages", "question"]);
    expect(shown.sha256).toBe(builtinFramework("london-2020")?.sha256);
  });

  it("schema prints each published schema as generated from the model", () => {
    for (const name of Object.keys(PUBLISHED) as (keyof typeof PUBLISHED)[]) {
      expect(JSON.parse(senate(["schema", name]).stdout)).toEqual(jsonSchemaFor(name));
    }
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
    // The waivers file sits beside the proposal, so it pairs unless --no-companions says not to.
    const plain = JSON.parse(senate(["assess", "examples/outpatient-virtual.yaml", "--no-companions", "--format", "json", "--fail-on", "never"]).stdout);
    const paired = JSON.parse(senate(["assess", "examples/outpatient-virtual.yaml", "--format", "json", "--fail-on", "never"]).stdout);
    const waived = JSON.parse(
      senate(["assess", "examples/outpatient-virtual.yaml", "--waivers", "examples/outpatient-virtual.waivers.yaml", "--format", "json", "--fail-on", "never"])
        .stdout,
    );
    const status = (r: { principles: { criteria: { id: string; status: string }[] }[] }, id: string) =>
      r.principles.flatMap((p) => p.criteria).find((c) => c.id === id)?.status;
    expect(status(plain, "LDN-3.8")).not.toBe("not-applicable");
    expect(status(waived, "LDN-3.8")).toBe("not-applicable");
    expect(paired).toEqual(waived);
    expect(waived.gaps.find((g: { criterion: string }) => g.criterion === "LDN-2.4").waived).toBe(true);
  });
});
