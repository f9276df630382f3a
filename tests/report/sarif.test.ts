import { readFileSync } from "node:fs";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { BUILTIN_FRAMEWORKS } from "../../src/framework/builtin.js";
import type { AssessmentReport } from "../../src/model/report.js";
import { formatSarif } from "../../src/report/sarif.js";
import { criteriaOf, EXAMPLE_NAMES, exampleReport, HOSTILE, HOSTILE_FILE, hostileReport } from "./fixtures.js";

const schema = JSON.parse(readFileSync(new URL("../vendor/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
// Both packages are CommonJS whose module.exports also carries itself as .default, which types and runtime agree on.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const framework = BUILTIN_FRAMEWORKS["london-2020"];
const LEVEL = { critical: "error", major: "warning", minor: "note" } as const;

// A loose view of the output: the schema check above is what vouches for its shape.
interface Sarif {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Rule[] } };
    artifacts?: { location: { uri: string }; hashes: Record<string, string>; roles: string[] }[];
    results: SarifResult[];
    properties: Record<string, unknown>;
  }[];
}
interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[] };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  kind?: string;
  message: { text: string };
  locations?: {
    physicalLocation?: { artifactLocation: { uri: string; index?: number }; region: { startLine: number; startColumn?: number } };
    logicalLocations?: { fullyQualifiedName: string }[];
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
}

function sarifOf(report: AssessmentReport, withFramework = true): { text: string; log: Sarif } {
  const text = formatSarif(report, withFramework ? { framework } : {});
  return { text, log: JSON.parse(text) as Sarif };
}

/** A gap's result: results come most serious first, new gaps before others, waived and panel notes last. */
function resultOf(run: Sarif["runs"][number], gap: { criterion: string; fingerprint: string }): SarifResult {
  const found = run.results.find((r) => r.ruleId === gap.criterion && r.partialFingerprints["senateGap/v2"] === gap.fingerprint);
  if (!found) throw new Error(`no result for ${gap.criterion}`);
  return found;
}

function expectValid(log: Sarif): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
  expect(ok).toBe(true);
}

describe.each(EXAMPLE_NAMES)("SARIF for %s", (name) => {
  const report = exampleReport(name);
  const { text, log } = sarifOf(report);
  const run = log.runs[0]!;

  it("is valid SARIF 2.1.0, 2-space indented with a trailing newline, and identical run to run", () => {
    expectValid(log);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toMatch(/^ {2}"\$schema"/);
    expect(formatSarif(report, { framework })).toBe(text);
  });

  it("names the tool and has one rule per criterion, in report order", () => {
    expect(run.tool.driver).toMatchObject({ name: "senate-principles", version: report.tool.version });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    const criteria = criteriaOf(report);
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(criteria.map((c) => c.id));
    criteria.forEach((c, i) => {
      const rule = run.tool.driver.rules[i]!;
      expect(rule.shortDescription.text).toBe(c.title);
      expect(rule.fullDescription.text).toBe(c.question);
      expect(rule.defaultConfiguration.level).toBe(LEVEL[c.severity]);
      expect(rule.properties.tags).toEqual(c.tags);
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(rule.helpUri).toBe(
        `https://github.com/nhs-senate/senate-principles/blob/main/docs/criteria/london-2020.md#${c.id.toLowerCase().replace(".", "")}`,
      );
      const guidance = framework.principles.flatMap((p) => p.criteria).find((f) => f.id === c.id)!.guidance;
      expect(rule.help.text).toContain(c.recommendation);
      expect(rule.help.text).toContain(guidance);
      expect(rule.help.markdown).toContain(guidance);
    });
  });

  it("has one result per gap, then a note per criterion awaiting the panel, each pointing at its rule", () => {
    const rules = run.tool.driver.rules;
    expect(run.results).toHaveLength(report.gaps.length + report.forPanel.length);
    report.forPanel.forEach((item, i) => {
      const result = run.results[report.gaps.length + i]!; // panel notes come last, in report order
      expect(result.ruleId).toBe(item.criterion);
      expect(result.level).toBe("note");
      expect(result.kind).toBe("review");
      expect(result.message.text).toContain(item.question.replace(/[.?]$/, ""));
    });
    report.gaps.forEach((gap) => {
      const result = resultOf(run, gap);
      expect(result.ruleId).toBe(gap.criterion);
      expect(rules[result.ruleIndex]!.id).toBe(gap.criterion);
      expect(result.partialFingerprints).toEqual({ "senateGap/v2": gap.fingerprint });
      expect(result.level).toBe(LEVEL[gap.severity]);
      for (const missing of gap.missing) expect(result.message.text).toContain(missing.replace(/[.]$/, ""));
      expect(result.message.text).toContain(gap.recommendation.replace(/[.]$/, ""));
      expect(result.suppressions !== undefined).toBe(gap.waived);
    });
  });

  it("locates each result in the proposal file, at the gap's line and column or at line 1", () => {
    report.gaps.forEach((gap) => {
      const location = resultOf(run, gap).locations![0]!;
      expect(location.physicalLocation?.artifactLocation).toEqual({ uri: report.proposal.file, index: 0 });
      const region = gap.location ? { startLine: gap.location.line, startColumn: gap.location.column } : { startLine: 1 };
      expect(location.physicalLocation?.region).toEqual(region);
      if (gap.pointer !== "") expect(location.logicalLocations).toEqual([{ fullyQualifiedName: gap.pointer }]);
    });
  });

  it("lists the input files with their sha256, and the rating and score on the run", () => {
    const withFiles = report.inputs.filter((i) => i.file !== undefined);
    expect(run.artifacts?.map((a) => [a.location.uri, a.hashes["sha-256"]])).toEqual(withFiles.map((i) => [i.file, i.sha256]));
    expect(run.artifacts?.[0]?.roles).toEqual(["analysisTarget"]);
    const { rating, score, coverage } = report.summary;
    expect(run.properties.reports).toEqual([expect.objectContaining({ id: report.proposal.id, file: report.proposal.file, rating, score, coverage })]);
  });
});

describe("SARIF details", () => {
  it("gives rule help from the recommendation alone without the framework", () => {
    const report = exampleReport("outpatient-virtual.yaml");
    const rules = sarifOf(report, false).log.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.help.text)).toEqual(criteriaOf(report).map((c) => c.recommendation));
  });

  it("suppresses a waived gap with the waiver's justification rather than dropping it", () => {
    const report = exampleReport("outpatient-virtual.yaml");
    const waived = report.gaps.filter((g) => g.waived);
    expect(waived.length).toBeGreaterThan(0);
    const results = sarifOf(report).log.runs[0]!.results;
    for (const gap of waived) {
      const waiver = criteriaOf(report).find((c) => c.id === gap.criterion)!.waiver!;
      const result = results.find((r) => r.partialFingerprints["senateGap/v2"] === gap.fingerprint)!;
      expect(result.suppressions).toEqual([expect.objectContaining({ kind: "external", status: "accepted" })]);
      expect(result.suppressions![0]!.justification).toContain(waiver.justification);
    }
  });

  it("stays valid with hostile text, and carries the text through unchanged", () => {
    const report = hostileReport();
    const { text, log } = sarifOf(report);
    expectValid(log);
    // JSON.stringify writes a lone surrogate as an escape, so the output is well-formed Unicode.
    expect(/[\uD800-\uDFFF]/u.test(text)).toBe(false);
    const run = log.runs[0]!;
    expect(run.results.some((r) => r.message.text.includes(HOSTILE))).toBe(true);
    expect(run.tool.driver.rules[0]!.fullDescription.text).toBe(HOSTILE);
    const uri = "plans/North%2C%20East%3A%20%22A%26B%22%20100%25/plan%20%231.yaml";
    expect(decodeURIComponent(uri.split("/")[0]!)).toBe(HOSTILE_FILE.split("/")[0]);
    expect(report.gaps.map((g) => resultOf(run, g).locations?.[0]?.physicalLocation?.artifactLocation.uri)).toEqual(report.gaps.map(() => uri));
    expect(run.artifacts?.[0]?.location.uri).toBe(uri);
  });

  it("falls back to logical locations only when the proposal came from no file", () => {
    const report = exampleReport("outpatient-virtual.yaml");
    const { file, ...proposal } = report.proposal;
    const inMemory: AssessmentReport = {
      ...report,
      proposal,
      inputs: report.inputs.map(({ file, ...i }) => i),
      gaps: report.gaps.map((g) => (g.location ? { ...g, location: { line: g.location.line, column: g.location.column } } : g)),
      forPanel: report.forPanel.map((item) => ({
        ...item,
        offers: item.offers.map((o) => (o.location ? { ...o, location: { line: o.location.line, column: o.location.column } } : o)),
      })),
    };
    const { log } = sarifOf(inMemory);
    expectValid(log);
    const run = log.runs[0]!;
    expect(run.artifacts).toBeUndefined();
    expect(run.results.every((r) => r.locations?.every((l) => l.physicalLocation === undefined) ?? true)).toBe(true);
    const located = report.gaps.filter((g) => g.pointer !== "");
    const gapResults = report.gaps.map((g) => resultOf(run, g));
    expect(gapResults.flatMap((r) => r.locations?.[0]?.logicalLocations ?? []).map((l) => l.fullyQualifiedName)).toEqual(located.map((g) => g.pointer));
  });

  it("uses file URIs for absolute paths, including Windows ones", () => {
    const report = exampleReport("outpatient-virtual.yaml");
    const at = (file: string) => {
      const changed = { ...report, proposal: { ...report.proposal, file }, gaps: report.gaps.map(({ location, ...g }) => g) };
      return sarifOf(changed).log.runs[0]!.results[0]!.locations![0]!.physicalLocation!.artifactLocation.uri;
    };
    expect(at("/srv/plans/a b.yaml")).toBe("file:///srv/plans/a%20b.yaml");
    expect(at("C:\\plans\\a.yaml")).toBe("file:///C:/plans/a.yaml");
    expect(at("./examples\\a.yaml")).toBe("examples/a.yaml");
  });
});
