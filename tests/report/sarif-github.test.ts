import { describe, expect, it } from "vitest";
import { BUILTIN_FRAMEWORKS } from "../../src/generated/frameworks.js";
import type { AssessmentReport } from "../../src/model/report.js";
import { assessFile } from "../../src/node/files.js";
import { formatSarifAll, frameworkCategory, GITHUB_SARIF_LIMITS, sarifLog, VALIDATION_CATEGORY } from "../../src/report/sarif.js";
import { NOW } from "../helpers/examples.js";
import { githubSarifProblems, LIMITS, sarifSchemaErrors } from "../helpers/github-sarif.js";

// One SARIF upload for a whole programme of proposals: valid SARIF 2.1.0, and within every rule
// GitHub documents for what it ingests (tests/helpers/github-sarif.ts).

const FRAMEWORKS = ["london-2020", "west-midlands", "nhse-service-change"] as const;
const EXAMPLES = ["examples/minor-injuries-overnight.yaml", "examples/maternity-unit.md", "examples/outpatient-virtual.yaml"];
const frameworks = FRAMEWORKS.map((id) => BUILTIN_FRAMEWORKS[id]);

const assessed: AssessmentReport[] = FRAMEWORKS.flatMap((framework) =>
  EXAMPLES.map((file) => {
    const r = assessFile(file, { now: NOW, framework });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value;
  }),
);

/** The n-th proposal of a programme: an example's report under another id and file, as a copy in another folder would give. */
function nth(report: AssessmentReport, n: number): AssessmentReport {
  const file = `programme/area-${n % 7}/proposal-${n}.yaml`;
  const locate = <T extends { location?: { file?: string | undefined; line: number; column: number } | undefined }>(x: T): T =>
    x.location ? { ...x, location: { ...x.location, file } } : x;
  return {
    ...report,
    proposal: { ...report.proposal, id: `P-${n}`, file },
    inputs: report.inputs.map((i) => (i.role === "proposal" ? { ...i, file } : i)),
    gaps: report.gaps.map(locate),
    forPanel: report.forPanel.map((item) => ({ ...item, offers: item.offers.map(locate) })),
  };
}

describe("the GitHub checker itself", () => {
  const good = formatSarifAll(assessed.slice(0, 2), frameworks);
  const log = JSON.parse(good);
  const twice = JSON.stringify({ ...log, runs: [log.runs[0], log.runs[0]] });
  const noCategory = JSON.stringify({ ...log, runs: [log.runs[0], { ...log.runs[0], automationDetails: undefined }] });
  const absolute = good.replace(/"uri": "examples\//g, '"uri": "file:///home/runner/work/examples/');
  const noFingerprint = good.replace(/"partialFingerprints": \{[^}]*\}/, '"partialFingerprints": {}');

  it("passes a good log and names what is wrong with a bad one", () => {
    expect(githubSarifProblems(good)).toEqual([]);
    expect(githubSarifProblems(twice).join("\n")).toMatch(/share a tool and category/);
    expect(githubSarifProblems(noCategory).join("\n")).toMatch(/not every one with automationDetails\.id/);
    expect(githubSarifProblems(absolute).join("\n")).toMatch(/absolute URI/);
    expect(githubSarifProblems(noFingerprint).join("\n")).toMatch(/no partialFingerprints/);
    const tooMany = JSON.stringify({ ...log, runs: Array.from({ length: 21 }, (_, i) => ({ ...log.runs[0], automationDetails: { id: `c${i}/` } })) });
    expect(githubSarifProblems(tooMany).join("\n")).toMatch(/21 runs, over 20/);
  });
});

describe("a programme of proposals in one upload", () => {
  // 600 proposals under three frameworks: each run would hold over 20,000 results unbounded.
  const programme = Array.from({ length: 600 }, (_, n) => nth(assessed[n % assessed.length]!, n));
  const log = sarifLog({ frameworks, validation: true });
  for (const r of programme) log.add(r);
  log.invalid([{ code: "syntax_error", message: "bad indentation", pointer: "", file: "programme/broken.yaml", line: 3, column: 5 }]);
  const text = log.text();
  const sarif = JSON.parse(text);

  it("is valid SARIF 2.1.0 that GitHub takes whole: one run per framework, and one for invalid files", () => {
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(githubSarifProblems(text)).toEqual([]);
    expect(sarif.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual([
      ...FRAMEWORKS.map(frameworkCategory),
      VALIDATION_CATEGORY,
    ]);
  });

  it("keeps the most serious results when a run is over the limit, and says so", () => {
    const unbounded = programme.filter((r) => r.framework.id === "london-2020").reduce((n, r) => n + r.gaps.length + r.forPanel.length, 0);
    expect(unbounded).toBeGreaterThan(LIMITS.storedResults);
    const run = sarif.runs[0];
    expect(run.results).toHaveLength(GITHUB_SARIF_LIMITS.storedResultsPerRun);
    expect(run.properties.truncated).toEqual({ results: unbounded, kept: 5000, dropped: unbounded - 5000 });
    const rank = { error: 0, warning: 1, note: 2 } as Record<string, number>;
    const levels = run.results.map((r: { level: string; suppressions?: unknown }) => rank[r.level]! + (r.suppressions ? 3 : 0));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(log.notes()[0]).toMatch(/^SARIF run senate\/london-2020\/ keeps 5000 of \d+ results/);
    expect(run.properties.reports).toHaveLength(programme.filter((r) => r.framework.id === "london-2020").length);
  });

  it("puts an invalid file's problem at its file, line and column", () => {
    const invalid = sarif.runs.at(-1);
    expect(invalid.results).toEqual([
      expect.objectContaining({
        ruleId: "syntax_error",
        level: "error",
        locations: [{ physicalLocation: { artifactLocation: { uri: "programme/broken.yaml" }, region: { startLine: 3, startColumn: 5 } } }],
      }),
    ]);
  });

  it("keeps every framework's run, even empty, so fixed gaps close their alerts", () => {
    const empty = JSON.parse(sarifLog({ frameworks, validation: true }).text());
    expect(empty.runs).toHaveLength(4);
    expect(empty.runs.every((r: { results: unknown[] }) => r.results.length === 0)).toBe(true);
    expect(empty.runs[0].tool.driver.rules).toHaveLength(38);
  });
});
