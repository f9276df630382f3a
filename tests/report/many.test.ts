import { readFileSync } from "node:fs";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { AssessmentReport } from "../../src/model/report.js";
import { assessFile } from "../../src/node/files.js";
import { formatJunitAll } from "../../src/report/junit.js";
import { formatSarifAll } from "../../src/report/sarif.js";
import { NOW } from "../helpers/examples.js";
import { junitSchemaErrors, xpathValues } from "../helpers/xmllint.js";

// Several reports (files, or frameworks) in one SARIF log and one JUnit document, valid for their consumers.
const schema = JSON.parse(readFileSync(new URL("../vendor/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
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
  it("SARIF: one run per framework holding its reports, valid against SARIF 2.1.0", () => {
    const log = JSON.parse(formatSarifAll(reports));
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(log.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual([
      "senate/london-2020/",
      "senate/west-midlands/",
      "senate/nhse-service-change/",
    ]);
    const results = (id: string) => reports.filter((r) => r.framework.id === id).reduce((n, r) => n + r.gaps.length + r.forPanel.length, 0);
    expect(log.runs.map((r: { results: unknown[] }) => r.results.length)).toEqual(["london-2020", "west-midlands", "nhse-service-change"].map(results));
  });

  it("JUnit: every report's suites with unique ids, valid against the Ant schema", async () => {
    const xml = formatJunitAll(reports);
    expect(await junitSchemaErrors({ xml })).toEqual({ xml: "" });
    const read = await xpathValues(xml, {
      suites: "count(//testsuite)",
      withId: "count(//testsuite[@id])",
      // A suite whose id an earlier suite already has.
      repeats: "count(//testsuite[@id = preceding::testsuite/@id])",
    });
    expect(read.suites).toBe(String(reports.reduce((n, r) => n + r.principles.length, 0)));
    expect(read.withId).toBe(read.suites);
    expect(read.repeats).toBe("0");
  });
});
