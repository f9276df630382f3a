import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Markdown through the built CLI: what validate reports it read, warnings, and standard input.
const CLI = "dist/cli.js";
const MATERNITY = readFileSync("examples/maternity-unit.md", "utf8");

function senate(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("validate lists what it took from a Markdown narrative", () => {
  it("one line per principle heading, with words and citations", () => {
    const r = senate(["validate", "examples/maternity-unit.md"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^examples\/maternity-unit\.md: valid\n {2}LDN-1 \(line 525\): 120 words, cites E4, E11, E10\n/);
    expect(r.stdout).toMatch(/\n {2}14 words under other headings, in no response\n$/);
  });

  it("warns at the line of a heading that looks like a principle, without failing", () => {
    const text = MATERNITY.replace("## LDN-3 Reduce inequalities", "## Principle 3: reduce inequalities");
    const line = text.split("\n").findIndex((l) => l.startsWith("## Principle 3")) + 1;
    const r = senate(["validate", "--stdin-filename", "maternity.md", "-"], text);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^maternity\.md: valid\n/);
    expect(r.stdout).not.toMatch(/LDN-3 \(/);
    expect(r.stderr).toBe(
      `maternity.md:${line}:1  unread_heading  heading "Principle 3: reduce inequalities" is not read as a principle response: it names no principle id; write the id in the heading, e.g. "## LDN-3 reduce inequalities"\n`,
    );
    const assessed = senate(["assess", "-", "--stdin-filename", "maternity.md", "--format", "json", "--fail-on", "never"], text);
    expect(assessed.code).toBe(0);
    expect(assessed.stderr).toMatch(/^maternity\.md:\d+:1 {2}unread_heading/);
  });
});

describe("standard input", () => {
  it("recognises Markdown with front matter on standard input", () => {
    const r = senate(["validate", "-"], MATERNITY);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^-: valid\n {2}LDN-1 \(line 525\)/);
    const assessed = senate(["assess", "-", "--format", "json", "--fail-on", "never"], MATERNITY);
    const fromFile = senate(["assess", "examples/maternity-unit.md", "--format", "json", "--fail-on", "never"]);
    expect(JSON.parse(assessed.stdout).summary).toEqual(JSON.parse(fromFile.stdout).summary);
  });

  it("--stdin-filename names the document and picks its format", () => {
    const json = JSON.stringify({ schemaVersion: "1" });
    const r = senate(["validate", "-", "--stdin-filename", "drafts/p.json"], `${json.slice(0, -1)},}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^drafts\/p\.json:1:\d+ {2}syntax_error/);
  });

  it("--stdin-filename without - is a usage error", () => {
    const r = senate(["validate", "examples/stroke-hasu.yaml", "--stdin-filename", "x.md"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--stdin-filename names standard input; give - as one of the files/);
  });
});
