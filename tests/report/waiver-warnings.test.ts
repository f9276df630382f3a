import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { micromark } from "micromark";
import { describe, expect, it } from "vitest";
import { assess } from "../../src/assess/assess.js";
import { builtinFramework } from "../../src/framework/builtin.js";
import { AssessmentReport } from "../../src/model/report.js";
import { assessFile } from "../../src/node/files.js";
import { parseProposal } from "../../src/proposal/parse.js";
import { formatGithub } from "../../src/report/github-annotations.js";
import { formatGithubSummary } from "../../src/report/github.js";
import { formatHtml } from "../../src/report/html.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import { formatSarif } from "../../src/report/sarif.js";
import { formatText } from "../../src/report/text.js";

// The outpatient example's waivers both expire on 2027-12-31 (end of day, UTC).
const PROPOSAL = "examples/outpatient-virtual.yaml";
const WAIVERS = "examples/outpatient-virtual.waivers.yaml";
const framework = builtinFramework("london-2020");
if (!framework) throw new Error("london-2020 is built in");

function reportOn(day: string, waiverWarningDays?: number): AssessmentReport {
  const result = assessFile(PROPOSAL, {
    waivers: WAIVERS,
    now: new Date(`${day}T00:00:00Z`),
    ...(waiverWarningDays === undefined ? {} : { waiverWarningDays }),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const sarifSchema = JSON.parse(readFileSync(new URL("../vendor/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validSarif = ajv.compile(sarifSchema);

describe("waiver expiry warning window", () => {
  it("warns of each waiver expiring within 30 days, at its line in the waivers file", () => {
    const report = reportOn("2027-12-10");
    expect(AssessmentReport.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    expect(report.warnings).toEqual([
      {
        code: "waiver_expiring",
        criterion: "LDN-2.4",
        expires: "2027-12-31",
        daysLeft: 21,
        message: "waiver for LDN-2.4 expires on 2027-12-31, in 21 days: renew it with its approver or close the gap before then",
        pointer: "/waivers/0/expires",
        location: { file: WAIVERS, line: 13, column: 14 },
      },
      expect.objectContaining({ criterion: "LDN-3.8", daysLeft: 21, location: { file: WAIVERS, line: 20, column: 14 } }),
    ]);
  });

  it("says nothing outside the window, and the window is an option", () => {
    expect(reportOn("2027-11-30").warnings).toBeUndefined();
    expect(reportOn("2027-12-10", 20).warnings).toBeUndefined();
    expect(reportOn("2027-11-30", 60).warnings).toHaveLength(2);
    expect(reportOn("2027-12-31", 0).warnings?.map((w) => w.message)).toContain(
      "waiver for LDN-2.4 expires on 2027-12-31, today: renew it with its approver or close the gap before then",
    );
  });

  it("refuses a window that is not a whole number of days", () => {
    const parsed = parseProposal(readFileSync(PROPOSAL, "utf8"), { filename: PROPOSAL });
    if (!parsed.ok) throw new Error("example parses");
    const result = assess(parsed.value, framework, { waiverWarningDays: -1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.code).toBe("invalid_option");
  });

  it("shows the warning in every format", () => {
    const report = reportOn("2027-12-10");
    const first = report.warnings?.[0]?.message ?? "";
    expect(formatText(report)).toContain(`Warning: ${first}`);
    expect(micromark(formatMarkdown(report))).toContain(`<strong>Warning:</strong> ${first}`);
    expect(formatGithub(report).split("\n")).toContain(`::warning file=${WAIVERS},line=13,col=14,title=Waiver for LDN-2.4 expires soon::${first}`);
    expect(formatGithubSummary(report)).toContain(`> **Warning:** ${first}`);
    expect(formatHtml(report)).toContain(`<strong>Warning:</strong> ${first}`);
    const sarif = JSON.parse(formatSarif(report));
    expect(validSarif(sarif), JSON.stringify(validSarif.errors)).toBe(true);
    const notes = sarif.runs[0].results.filter((r: { partialFingerprints: Record<string, string> }) => "senateWarning/v1" in r.partialFingerprints);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatchObject({
      ruleId: "LDN-2.4",
      level: "note",
      message: { text: `${first}.` },
      locations: [{ physicalLocation: { artifactLocation: { uri: WAIVERS }, region: { startLine: 13, startColumn: 14 } } }],
    });
  });
});

describe("the assessment date", () => {
  const parsed = parseProposal(readFileSync(PROPOSAL, "utf8"), { filename: PROPOSAL });
  if (!parsed.ok) throw new Error("example parses");
  const waivers = {
    schemaVersion: "1" as const,
    framework: "london-2020",
    waivers: [{ criterion: "LDN-2.4" as const, kind: "accepted" as const, justification: "j", approver: "a", expires: "2999-12-31" }],
  };

  it("defaults to today when omitted, with or without waivers, and never throws", () => {
    const result = assess(parsed.value, framework, { waivers });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.waivers[0]?.applied).toBe(true);
  });

  it("judges waiver expiry against the date given", () => {
    const result = assess(parsed.value, framework, {
      waivers: { ...waivers, waivers: [{ ...waivers.waivers[0]!, expires: "2027-06-30" }] },
      now: new Date("2027-07-01T00:00:00Z"),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual(["waiver_expired"]);
  });
});

describe("senate --now and --waiver-warning-days", () => {
  const senate = (...args: string[]) => spawnSync(process.execPath, ["dist/cli.js", ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  it("gives the same report on any day for the same --now", () => {
    const args = ["assess", PROPOSAL, "--waivers", WAIVERS, "--format", "json", "--fail-on", "never", "--now", "2027-12-10"];
    const a = senate(...args);
    expect(a.status).toBe(0);
    expect(JSON.parse(a.stdout).warnings).toHaveLength(2);
    expect(senate(...args).stdout).toBe(a.stdout);
    const narrow = senate(...args, "--waiver-warning-days", "7");
    expect(JSON.parse(narrow.stdout).warnings).toBeUndefined();
  });

  it("turns an expired waiver into an error the day after it expires", () => {
    const r = senate("assess", PROPOSAL, "--waivers", WAIVERS, "--now", "2028-01-01");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("waiver_expired  waiver for LDN-2.4 expired on 2027-12-31");
  });

  it("refuses a --now or window it cannot read", () => {
    for (const [flag, value] of [
      ["--now", "2027-02-30"],
      ["--now", "next week"],
      ["--waiver-warning-days", "-3"],
      ["--waiver-warning-days", "1.5"],
    ] as const) {
      const r = senate("assess", PROPOSAL, `${flag}=${value}`);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^senate assess: ${flag} must be`));
    }
  });

  it("diff warns on standard error of waivers in the new report about to expire", () => {
    const json = senate("assess", PROPOSAL, "--waivers", WAIVERS, "--format", "json", "--fail-on", "never", "--now", "2027-01-10");
    const file = join(mkdtempSync(join(tmpdir(), "senate-warn-")), "report.json");
    writeFileSync(file, json.stdout);
    const r = senate("diff", file, file, "--now", "2027-12-20");
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("senate diff: warning: STH-OPFU-2025: waiver for LDN-2.4 expires on 2027-12-31, in 11 days");
    expect(senate("diff", file, file, "--now", "2027-01-10").stderr).toBe("");
  });
});
