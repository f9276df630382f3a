import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { AssessmentReport } from "../../src/model/report.js";
import { assessFile } from "../../src/node/files.js";
import { formatJunitAll } from "../../src/report/junit.js";
import { formatSarifAll } from "../../src/report/sarif.js";
import { NOW } from "../helpers/examples.js";

// Several reports (files, or frameworks) in one SARIF log and one JUnit document, valid for their consumers.
const schema = JSON.parse(readFileSync(new URL("../../../shared/vendor-schemas/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(schema);

const reports: AssessmentReport[] = ["london-2020", "west-midlands", "nhse-service-change"].flatMap((framework) =>
  ["examples/maternity-unit.md", "examples/minor-injuries-overnight.yaml"].map((file) => {
    const r = assessFile(file, { now: NOW, framework });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value;
  }),
);

describe("several reports in one document", () => {
  it("SARIF: one run per report, valid against SARIF 2.1.0", () => {
    const log = JSON.parse(formatSarifAll(reports));
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(log.runs).toHaveLength(reports.length);
    expect(log.runs.map((r: { results: unknown[] }) => r.results.length)).toEqual(reports.map((r) => r.gaps.length + r.forPanel.length));
  });

  it("JUnit: every report's suites with unique ids, valid against the Ant schema", () => {
    const file = join(mkdtempSync(join(tmpdir(), "senate-junit-")), "all.xml");
    writeFileSync(file, formatJunitAll(reports));
    execFileSync("xmllint", ["--schema", "../shared/vendor-schemas/JUnit.xsd", file, "--noout"], { stdio: "pipe" });
    const suites = Number(execFileSync("xmllint", ["--xpath", "count(//testsuite)", file], { encoding: "utf8" }));
    expect(suites).toBe(reports.reduce((n, r) => n + r.principles.length, 0));
    const ids = execFileSync("xmllint", ["--xpath", "//testsuite/@id", file], { encoding: "utf8" }).trim().split(/\s+/);
    expect(new Set(ids).size).toBe(suites);
  });
});
