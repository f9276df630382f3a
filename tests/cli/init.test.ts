import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_FRAMEWORK_IDS } from "../../src/framework/builtin.js";
import { formatIssue } from "../../src/model/issue.js";
import { Proposal } from "../../src/model/proposal.js";
import { parseProposal } from "../../src/proposal/parse.js";

// `senate init` against the built binary: the template, once its placeholders are filled the way a
// person would, must be a valid proposal in both formats and for every built-in framework.
const CLI = "dist/cli.js";
const tmp = mkdtempSync(join(tmpdir(), "senate-init-"));

function senate(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [join(process.cwd(), CLI), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Fills a template: every "<…>" with a sentence and every YYYY-MM-DD with a date. */
function fill(template: string): string {
  const sentence = "The programme board agreed this after a review of local data and national guidance";
  return template
    .replace(/"<[^"\n]*>"/g, JSON.stringify(sentence))
    .replace(/^<(?!!)[^>\n]*>$/gm, `${sentence} [E1].`)
    .replace(/YYYY-MM-DD/g, "2026-01-15");
}

function valid(text: string, filename: string): void {
  const parsed = parseProposal(text, { filename });
  expect(parsed.ok, parsed.ok ? "" : parsed.issues.map(formatIssue).join("\n")).toBe(true);
}

describe("senate init", () => {
  it.each(BUILTIN_FRAMEWORK_IDS.flatMap((id) => [[id, "yaml"] as const, [id, "md"] as const]))("%s as %s validates once filled", (framework, format) => {
    const r = senate(["init", "--framework", framework, "--format", format]);
    expect(r.code, r.stderr).toBe(0);
    const schemaLine = /^# yaml-language-server: \$schema=\S+proposal\.schema\.json\n/;
    if (format === "yaml") expect(r.stdout).toMatch(schemaLine);
    else expect(r.stdout.replace(/^---\n/, "")).toMatch(schemaLine);
    expect(r.stdout).toMatch(/^\$schema: "\S+proposal\.schema\.json"$/m);
    const unfilled = parseProposal(r.stdout, { filename: `t.${format}` });
    expect(unfilled.ok).toBe(false); // placeholder dates are not dates: validate points at each one
    valid(fill(r.stdout), `t.${format}`);
  });

  it("writes every top-level section of the proposal model", () => {
    const text = senate(["init"]).stdout;
    for (const key of Object.keys(Proposal.shape)) expect(text).toMatch(new RegExp(`^${key.replace("$", "\\$")}:`, "m"));
  });

  it("puts each criterion's question beside the section its checks read", () => {
    const text = senate(["init"]).stdout;
    expect(text).toMatch(/# {3}LDN-3\.7 Has an equality impact assessment[\s\S]*?\nequality:/);
    expect(text).toMatch(/# {3}LDN-3\.5 [\s\S]*?\n {2}LDN-3:/); // a review-only criterion: under its principle's response
  });

  it("Markdown has a heading per principle with its wording as an HTML comment", () => {
    const text = senate(["init", "--format", "md"]).stdout;
    expect(text).toMatch(/^---\n/);
    expect(text).toMatch(/^## LDN-3 Reducing inequalities <!-- Reduce inequalities .*-->$/m);
    expect(text.match(/^## LDN-\d+ /gm)).toHaveLength(8);
  });

  it("writes a file atomically, never over an existing one without --force", () => {
    const dir = mkdtempSync(join(tmp, "w-"));
    const first = senate(["init", "p.md"], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Wrote p\.md/);
    const written = readFileSync(join(dir, "p.md"), "utf8");
    // No local install beside it: the published copy of this version, never the running package's path.
    expect(written).toMatch(
      /^---\n# yaml-language-server: \$schema=https:\/\/unpkg\.com\/senate-principles@\d+\.\d+\.\d+\S*\/schemas\/proposal\.schema\.json\n/,
    );
    valid(fill(written), "p.md");

    writeFileSync(join(dir, "p.md"), "mine");
    const again = senate(["init", "p.md"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe("senate init: p.md already exists; use --force to overwrite it\n");
    expect(readFileSync(join(dir, "p.md"), "utf8")).toBe("mine");
    expect(senate(["init", "p.md", "--force"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "p.md"), "utf8")).toBe(written);
    expect(readdirSync(dir)).toEqual(["p.md"]); // no temporary file left behind
  });

  it("takes a $schema reference, and refuses bad usage", () => {
    expect(senate(["init", "--schema", "https://example.org/p.json"]).stdout).toMatch(/^# yaml-language-server: \$schema=https:\/\/example\.org\/p\.json\n/);
    expect(senate(["init", "--format", "docx"]).stderr).toMatch(/--format must be one of yaml, md, json; got "docx"/);
    expect(senate(["init", "a.yaml", "b.yaml"]).code).toBe(2);
    expect(senate(["init", "--framework", "paris-2030"]).stderr).toMatch(/no built-in framework "paris-2030"/);
  });

  it("creates missing folders, and points $schema at a local install when there is one", () => {
    const project = mkdtempSync(join(tmp, "project-"));
    const schema = join(project, "node_modules", "senate-principles", "schemas", "proposal.schema.json");
    mkdirSync(join(schema, ".."), { recursive: true });
    writeFileSync(schema, "{}");
    const r = senate(["init", "proposals/stroke/new.yaml"], project);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(project, "proposals", "stroke", "new.yaml"), "utf8");
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/node_modules\/senate-principles\/schemas\/proposal\.schema\.json\n/);
  });

  it("writes JSON to a .json file: strict JSON that validates once filled", () => {
    const dir = mkdtempSync(join(tmp, "json-"));
    const r = senate(["init", "p.json"], dir);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, "p.json"), "utf8");
    expect(JSON.parse(text).$schema).toMatch(/proposal\.schema\.json$/);
    valid(fill(text), "p.json");
  });
});
