import { fingerprint } from "../assess/gaps.js";
import type { Framework } from "../model/framework.js";
import type { Issue } from "../model/issue.js";
import type { AssessmentReport, Gap } from "../model/report.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { artifactUri, type Json, type Place, PROJECT_URI, rule, rulesOf } from "./sarif-parts.js";

// A run of a SARIF log as it fills: its rules, its inputs as artifacts, and its results in buckets
// by importance, so that a run over GitHub's limit drops its least important results first.

/** The category of invalid input files. */
export const VALIDATION_CATEGORY = "senate/validation/";
/** The category of a framework's run. */
export function frameworkCategory(frameworkId: string): string {
  return `senate/${frameworkId}/`;
}
const ERRORS_HELP = `${PROJECT_URI}/blob/main/README.md#errors`;
const SEVERITY_RANK = { critical: 0, major: 1, minor: 2 } as const;
/** Buckets, most important first: new open gaps, other open gaps (each by severity), waived gaps, panel notes. */
const BUCKETS = 8;
/** The bucket of panel notes, the least important. */
export const PANEL_BUCKET = BUCKETS - 1;

/** A run as it fills. */
export interface Run {
  category: string;
  rules: Json[];
  ruleIndex: Map<string, number>;
  artifacts: Json[];
  artifactIndex: Map<string, number>;
  buckets: Json[][];
  kept: number;
  dropped: number;
  properties: Json;
  reports: Json[];
}

export function newRun(category: string, rules: Json[], properties: Json): Run {
  const ruleIndex = new Map(rules.map((r, i) => [String(r.id), i]));
  const buckets = Array.from({ length: BUCKETS }, (): Json[] => []);
  return { category, rules, ruleIndex, artifacts: [], artifactIndex: new Map(), buckets, kept: 0, dropped: 0, properties, reports: [] };
}

/** Keeps a result unless the run is full, when the least important result (it, or one kept) goes. */
export function keep(run: Run, bucket: number, result: Json, max: number): void {
  run.buckets[bucket]?.push(result);
  run.kept++;
  if (run.kept <= max) return;
  let last = run.buckets.length - 1;
  while (last > 0 && run.buckets[last]?.length === 0) last--;
  run.buckets[last]?.pop();
  run.kept--;
  run.dropped++;
}

export function frameworkRun(framework: Framework | undefined, report: AssessmentReport | undefined, id: string): Run {
  const basedOn = (framework?.basedOn ?? report?.framework.basedOn)?.id;
  const rules = rulesOf(report, framework).map(({ source, principle }) => rule(source, principle, id, basedOn));
  const version = framework?.version ?? report?.framework.version;
  return newRun(frameworkCategory(id), rules, { framework: { id, ...(version === undefined ? {} : { version }) } });
}

/** A run's place for files: each input listed once, as an artifact, so results can refer to it by index. */
export function placeOf(run: Run, relative: (file: string) => string): Place {
  return { uri: (file) => artifactUri(relative(file)), index: (uri) => run.artifactIndex.get(uri) };
}

export function listInputs(run: Run, report: AssessmentReport, relative: (file: string) => string): void {
  for (const { role, file, sha256 } of report.inputs) {
    if (file === undefined) continue;
    const uri = artifactUri(relative(file));
    if (run.artifactIndex.has(uri)) continue;
    run.artifactIndex.set(uri, run.artifacts.length);
    const roles = [role === "proposal" ? "analysisTarget" : "userSpecifiedConfiguration"];
    run.artifacts.push({ location: { uri }, roles, hashes: { "sha-256": sha256 }, properties: { role } });
  }
}

export function bucketOf(gap: Gap, isNew: boolean | undefined): number {
  if (gap.waived) return 6;
  return (isNew ? 0 : 3) + SEVERITY_RANK[gap.severity];
}

export function summaryOf(report: AssessmentReport, relative: (file: string) => string): Json {
  const { rating, score, coverage, provisional, awaitingReview } = report.summary;
  const { id, version, stage, file } = report.proposal;
  return { id, version, stage, ...(file === undefined ? {} : { file: relative(file) }), rating, score, coverage, provisional, awaitingReview };
}

export function issueResult(issue: Issue, run: Run, relative: (file: string) => string): Json {
  if (!run.ruleIndex.has(issue.code)) {
    run.ruleIndex.set(issue.code, run.rules.length);
    run.rules.push({
      id: issue.code,
      shortDescription: { text: `Invalid input: ${issue.code}` },
      helpUri: ERRORS_HELP,
      defaultConfiguration: { level: "error" },
    });
  }
  const region = { startLine: issue.line ?? 1, startColumn: issue.column ?? 1 };
  const uri = artifactUri(relative(issue.file ?? "<input>"));
  return {
    ruleId: issue.code,
    ruleIndex: run.ruleIndex.get(issue.code),
    level: "error",
    message: { text: issue.message },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region } }],
    partialFingerprints: { "senateIssue/v1": fingerprint(issue.code, issue.pointer, [issue.message]) },
  };
}

export function runJson(run: Run): Json {
  const truncated = run.dropped > 0 ? { truncated: { results: run.kept + run.dropped, kept: run.kept, dropped: run.dropped } } : {};
  return {
    tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: PROJECT_URI, rules: run.rules } },
    automationDetails: { id: run.category },
    ...(run.artifacts.length > 0 ? { artifacts: run.artifacts } : {}),
    results: run.buckets.flat(),
    columnKind: "utf16CodeUnits",
    properties: { ...run.properties, ...(run.reports.length > 0 ? { reports: run.reports } : {}), ...truncated },
  };
}
