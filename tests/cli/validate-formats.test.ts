import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { junitSchemaErrors } from "../helpers/xmllint.js";

// `senate validate --format`: each format checked by its consumer's rules (the SARIF 2.1.0 schema, the
// Ant JUnit schema through xmllint, GitHub's workflow-command syntax, JSON.parse).
const CLI = resolve("dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "senate-validate-"));
copyFileSync("examples/stroke-hasu.yaml", join(dir, "good.yaml"));
writeFileSync(join(dir, "bad.yaml"), 'schemaVersion: "1"\nmetadata:\n  title: 7\n');

const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const sarifValid = ajv.compile(JSON.parse(readFileSync("tests/vendor/sarif-schema-2.1.0.json", "utf8")));

function senate(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "validate", "bad.yaml", "good.yaml", "--no-config", ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("senate validate --format", () => {
  it("json: one entry per file, its issues located", () => {
    const r = senate(["--format", "json"]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.map((v: { file: string; valid: boolean }) => [v.file, v.valid])).toEqual([
      ["bad.yaml", false],
      ["good.yaml", true],
    ]);
    expect(out[0].issues[0]).toMatchObject({ file: "bad.yaml", line: expect.any(Number), code: expect.any(String) });
  });

  it("sarif: passes the OASIS schema, a result per issue at its location; written to --output's folder", () => {
    const r = senate(["--output", "out/validate.sarif"]);
    expect(r.code).toBe(2);
    const log = JSON.parse(readFileSync(join(dir, "out/validate.sarif"), "utf8"));
    expect(sarifValid(log), JSON.stringify(sarifValid.errors)).toBe(true);
    const results = log.runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]).toMatchObject({ level: "error", locations: [{ physicalLocation: { artifactLocation: { uri: "bad.yaml" } } }] });
    expect(log.runs[0].automationDetails.id).toBe("senate-validate/");
  });

  it("github: one error annotation per issue, then a notice", () => {
    const lines = senate(["--format", "github"]).stdout.trimEnd().split("\n");
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^::error file=bad\.yaml,line=\d+,col=\d+,title=[a-z_]+::\S/);
    expect(lines.at(-1)).toBe("::notice title=senate validate::2 files, 1 invalid");
  });

  it("junit: passes the Ant schema, a failing test case for the invalid file", async () => {
    const xml = senate(["--format", "junit"]).stdout;
    expect(await junitSchemaErrors({ xml })).toEqual({ xml: "" });
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml.match(/<testcase /g)).toHaveLength(2);
  });
});
