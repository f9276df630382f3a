import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileFragment } from "../../src/checks/fragment-compile.js";
import { loadFramework } from "../../src/framework/load.js";
import { FRAMEWORK, PROPOSAL, withCheck } from "./documents.js";
import { runCli } from "./run-cli.js";

// Hostile input, round two: frameworks, their patterns and paths, and globs. Each case once hung,
// crashed, collided or read outside its folder; each runs the built CLI with a timeout (so a hang
// fails rather than waits) or the library. Growth with size is in growth.test.ts.

const root = mkdtempSync(join(tmpdir(), "senate-round-two-fw-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes files (creating folders) into a fresh folder; returns it. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, "case-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const cli = (dir: string, args: string[]) => runCli(args, { cwd: dir, timeoutMs: 20_000 });
const schemaCheck = (schema: string) => withCheck(`          - kind: schema\n            path: /caseForChange/summary\n            schema: ${schema}\n`);
const extension = (id: string, base: string) => `schemaVersion: "1"\nid: ${id}\nversion: 1.0.0\ntitle: T\npublisher: P\nextends: ${base}\n`;
const summary = (text: string) => PROPOSAL.replace("A short case for change.", text);

describe("2: patterns from a framework run in linear time", () => {
  it("^a*a*…a*$ (twelve) against a 33-character summary finishes, and answers", () => {
    const dir = folder({ "p.yaml": summary(`${"a".repeat(32)}!`), "f.yaml": schemaCheck(`{ type: string, pattern: "^${"a*".repeat(12)}$" }`) });
    const run = cli(dir, ["assess", "p.yaml", "--framework", "f.yaml", "--format", "json", "--fail-on", "never"]);
    expect(run.timedOut).toBe(false);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).principles[0].criteria[0].status).toBe("not-met");
  });

  it("answers as JavaScript would where both can run the pattern", () => {
    const validate = compileFragment({ type: "string", pattern: "^[A-Z]{2,3}-\\d+(\\.\\d+)?$" });
    expect(["LDN-3", "WM-1.2", "ldn-3", "LDNX-3", "LDN-3."].map((s) => validate(s))).toEqual([true, true, false, false, false]);
    const props = compileFragment({ type: "object", patternProperties: { "^x-": { type: "number" } } });
    expect([props({ "x-a": 1 }), props({ "x-a": "1" }), props({ y: "1" })]).toEqual([true, false, true]);
  });

  it.each([
    ["a back-reference", "^(a+)\\\\1$"],
    ["a lookahead", "^(?=a)a+$"],
  ])("a pattern with %s is refused when the framework loads, at its place", (_name, pattern) => {
    const dir = folder({ "f.yaml": schemaCheck(`{ type: string, pattern: "${pattern}" }`) });
    const run = cli(dir, ["frameworks", "validate", "f.yaml"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^f\.yaml:26:21 {2}bad_check {2}.*linear time/m);
  });
});

describe("7: extends stays in its folder, whatever links say", () => {
  const SECRET = "canary-secret-line: the content of a file outside the folder";

  function linked(link: (dir: string) => void, ref: string) {
    const outside = folder({ "secret.yaml": `${SECRET}\n`, "sub/base.yaml": `${SECRET}\n` });
    const dir = folder({ "p.yaml": PROPOSAL, "fw/tailored.yaml": extension("tailored", ref) });
    link(join(dir, "fw"));
    symlinkSync(outside, join(dir, "fw", "outside-folder"));
    return cli(dir, ["assess", "p.yaml", "--framework", "fw/tailored.yaml"]);
  }

  it.each([
    ["a link to a file outside", (fw: string) => symlinkSync(join(fw, "outside-folder", "secret.yaml"), join(fw, "base.yaml")), "./base.yaml"],
    ["a link to /etc/passwd", (fw: string) => symlinkSync("/etc/passwd", join(fw, "base.yaml")), "./base.yaml"],
    ["a path through a linked folder", () => undefined, "./outside-folder/sub/base.yaml"],
  ])("%s is refused at the extends, and nothing read is echoed", (_name, link, ref) => {
    const run = linked(link, ref);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^fw\/tailored\.yaml:6:1 {2}invalid_value {2}extends .*in its own folder/m);
    expect(run.stderr).not.toMatch(/canary|root/);
  });

  it("a link that stays inside the folder is followed", () => {
    const dir = folder({ "p.yaml": PROPOSAL, "fw/tailored.yaml": extension("tailored", "./base.yaml"), "fw/real/base.yaml": FRAMEWORK });
    symlinkSync(join(dir, "fw", "real", "base.yaml"), join(dir, "fw", "base.yaml"));
    const run = cli(dir, ["frameworks", "validate", "fw/tailored.yaml"]);
    expect(run.status, run.stderr).toBe(0);
  });
});

describe("10: a long enum", () => {
  it("40,000 values load, and match as Ajv's enum does", () => {
    const values = Array.from({ length: 40_000 }, (_, i) => `v${i}`);
    const loaded = loadFramework(schemaCheck(`{ enum: [${values.map((v) => `"${v}"`).join(", ")}] }`), { filename: "f.yaml" });
    expect(loaded.ok).toBe(true);
    const validate = compileFragment({ enum: [...values, { a: 1, b: [2] }, 0] });
    expect([validate("v39999"), validate("v40000"), validate({ b: [2], a: 1 }), validate({ a: 1 }), validate(-0), validate(Number.NaN)]).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });
});

describe("14: fragments keep their $id to themselves", () => {
  const withId = schemaCheck('{ $id: "https://example.org/summary.json", type: string, pattern: "^[A-Z]" }');

  it("the same framework twice: frameworks validate, --framework, and the library", () => {
    const dir = folder({ "p.yaml": PROPOSAL, "f.yaml": withId, "g.yaml": withId.replace("id: tiny", "id: other") });
    expect(cli(dir, ["frameworks", "validate", "f.yaml", "f.yaml", "g.yaml"]).status).toBe(0);
    const run = cli(dir, ["assess", "p.yaml", "--framework", "f.yaml,g.yaml", "--fail-on", "never"]);
    expect(run.status, run.stderr).toBe(0);
    expect([loadFramework(withId).ok, loadFramework(withId).ok]).toEqual([true, true]);
  });

  it("a fragment cannot $ref another fragment's $id", () => {
    expect(loadFramework(withId).ok).toBe(true);
    const other = loadFramework(schemaCheck('{ $ref: "https://example.org/summary.json" }'), { filename: "f.yaml" });
    expect(other).toMatchObject({ ok: false, issues: [{ code: "bad_check", line: 26, column: 29 }] });
  });
});

describe("17: a $ref that loops back without reading deeper", () => {
  it.each([
    ["itself, through not", '{ not: { $ref: "#" } }', "26:36"],
    ["itself, directly", '{ $ref: "#" }', "26:29"],
    [
      "a pair of definitions",
      '{ definitions: { a: { anyOf: [{ $ref: "#/definitions/b" }] }, b: { not: { $ref: "#/definitions/a" } } }, $ref: "#/definitions/a" }',
      "26:59",
    ],
  ])("%s is refused by frameworks validate, at the $ref", (_name, schema, at) => {
    const dir = folder({ "f.yaml": schemaCheck(schema) });
    const run = cli(dir, ["frameworks", "validate", "f.yaml"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^f\\.yaml:${at}  bad_check  .*never finish`, "m"));
  });

  it("a $ref that reads deeper each time (a tree) is allowed, and assesses", () => {
    const dir = folder({ "p.yaml": PROPOSAL, "f.yaml": schemaCheck('{ type: [string, object], properties: { child: { $ref: "#" } } }') });
    const run = cli(dir, ["assess", "p.yaml", "--framework", "f.yaml", "--fail-on", "never"]);
    expect(run.status, run.stderr).toBe(0);
  });
});

describe("19: globs and chains", () => {
  it("eight ** in a row over an 18-deep tree match what one does", () => {
    const files: Record<string, string> = {};
    for (let depth = 1; depth <= 18; depth++) files[`${"d/".repeat(depth)}p${depth}.yaml`] = PROPOSAL;
    const dir = folder(files);
    const eight = cli(dir, ["validate", `${Array(8).fill("**").join("/")}/*.yaml`]);
    expect(eight.timedOut).toBe(false);
    expect(eight.status, eight.stderr).toBe(0);
    expect(eight.stdout.trim().split("\n")).toHaveLength(18);
    expect(eight.stdout).toBe(cli(dir, ["validate", "**/*.yaml"]).stdout);
  });

  it("eight ** between folder wildcards over an 18-deep tree match what **/*.yaml matches", () => {
    const files: Record<string, string> = {};
    for (let depth = 1; depth <= 18; depth++) files[`${"d/".repeat(depth)}p${depth}.yaml`] = PROPOSAL;
    const dir = folder(files);
    const deep = cli(dir, ["validate", `${Array(8).fill("**").join("/*/")}/*.yaml`]);
    expect(deep.timedOut).toBe(false);
    expect(deep.status, deep.stderr).toBe(0);
    // Seven `*` folders at least: the files seven to eighteen folders down.
    const lines = deep.stdout.trim().split("\n");
    expect(lines).toHaveLength(12);
    const plain = cli(dir, ["validate", "**/*.yaml"]).stdout.trim().split("\n");
    expect(plain.filter((l) => (l.match(/d\//g) ?? []).length >= 7)).toEqual(lines);
  });

  it("a chain of 500 extends is refused at the 16th file, with the reason", () => {
    const files: Record<string, string> = { "p.yaml": PROPOSAL };
    for (let i = 0; i < 500; i++) files[`c${i}.yaml`] = extension(`c${i}`, i === 499 ? "london-2020" : `./c${i + 1}.yaml`);
    const run = cli(folder(files), ["assess", "p.yaml", "--framework", "c0.yaml"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/c15\.yaml:6:1 {2}invalid_value {2}extends \.\/c16\.yaml: a chain of extends may hold at most 16 framework files/);
  });
});
