import { fingerprint } from "../assess/gaps.js";
import type { Framework } from "../model/framework.js";
import type { Issue } from "../model/issue.js";
import type { AssessmentReport, Gap } from "../model/report.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { safeJson } from "./escape-json.js";
import { artifactUri, gapResult, type Json, PROJECT_URI, type Place, panelResult, rule, rulesOf } from "./sarif-parts.js";

export { artifactUri, CRITERIA_DOCS, criterionAnchor, criterionHelpUri, PROJECT_URI } from "./sarif-parts.js";

// One upload to GitHub code scanning holds every proposal. Code scanning refuses two runs with the
// same tool and category in one file, and more than 20 runs, so a run per report cannot hold a
// programme of proposals; a run per framework can, and its category (`senate/<framework>/`) stays the
// same from one upload to the next whichever proposals come and go, which is what closes the alerts
// of a gap that is fixed. Invalid files have a run of their own, present even when empty for the
// same reason.

const SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** GitHub's documented limits on one SARIF upload ("SARIF support for code scanning"). */
export const GITHUB_SARIF_LIMITS = {
  runsPerFile: 20,
  resultsPerRun: 25_000,
  /** Results per run that code scanning keeps (the most severe); the rest are dropped on upload. */
  storedResultsPerRun: 5_000,
  rulesPerRun: 25_000,
  locationsPerResult: 1_000,
  tagsPerRule: 20,
  /** The upload, gzip-compressed. */
  compressedBytes: 10 * 1024 * 1024,
} as const;

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

/** Options for {@link sarifLog}. */
export interface SarifLogOptions {
  /** The frameworks of the run, in order: each has a run even when no report reaches it. */
  frameworks?: readonly Framework[];
  /** A file's path relative to the repository root (forward slashes), or absolute outside it. Default: as given. */
  relative?: (file: string) => string;
  /** Add the run for invalid files (always present, so fixed files close their alerts). */
  validation?: boolean;
  /** Results kept per run, most important first (default: {@link GITHUB_SARIF_LIMITS.storedResultsPerRun}). */
  maxResults?: number;
}

interface Run {
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

function newRun(category: string, rules: Json[], properties: Json): Run {
  const ruleIndex = new Map(rules.map((r, i) => [String(r.id), i]));
  const buckets = Array.from({ length: BUCKETS }, (): Json[] => []);
  return { category, rules, ruleIndex, artifacts: [], artifactIndex: new Map(), buckets, kept: 0, dropped: 0, properties, reports: [] };
}

/** Keeps a result unless the run is full, when the least important result (it, or one kept) goes. */
function keep(run: Run, bucket: number, result: Json, max: number): void {
  run.buckets[bucket]?.push(result);
  run.kept++;
  if (run.kept <= max) return;
  let last = run.buckets.length - 1;
  while (last > 0 && run.buckets[last]?.length === 0) last--;
  run.buckets[last]?.pop();
  run.kept--;
  run.dropped++;
}

function frameworkRun(framework: Framework | undefined, report: AssessmentReport | undefined, id: string): Run {
  const rules = rulesOf(report, framework).map(({ source, principle }) => rule(source, principle, id));
  const version = framework?.version ?? report?.framework.version;
  return newRun(frameworkCategory(id), rules, { framework: { id, ...(version === undefined ? {} : { version }) } });
}

/** A run's place for files: each input listed once, as an artifact, so results can refer to it by index. */
function placeOf(run: Run, relative: (file: string) => string): Place {
  return { uri: (file) => artifactUri(relative(file)), index: (uri) => run.artifactIndex.get(uri) };
}

function listInputs(run: Run, report: AssessmentReport, relative: (file: string) => string): void {
  for (const { role, file, sha256 } of report.inputs) {
    if (file === undefined) continue;
    const uri = artifactUri(relative(file));
    if (run.artifactIndex.has(uri)) continue;
    run.artifactIndex.set(uri, run.artifacts.length);
    const roles = [role === "proposal" ? "analysisTarget" : "userSpecifiedConfiguration"];
    run.artifacts.push({ location: { uri }, roles, hashes: { "sha-256": sha256 }, properties: { role } });
  }
}

function bucketOf(gap: Gap, isNew: boolean | undefined): number {
  if (gap.waived) return 6;
  return (isNew ? 0 : 3) + SEVERITY_RANK[gap.severity];
}

function summaryOf(report: AssessmentReport, relative: (file: string) => string): Json {
  const { rating, score, coverage, provisional, awaitingReview } = report.summary;
  const { id, version, stage, file } = report.proposal;
  return { id, version, stage, ...(file === undefined ? {} : { file: relative(file) }), rating, score, coverage, provisional, awaitingReview };
}

function issueResult(issue: Issue, run: Run, relative: (file: string) => string): Json {
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

function runJson(run: Run): Json {
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

/** A SARIF log built a report at a time, holding only what its runs will keep. */
export function sarifLog(options: SarifLogOptions = {}) {
  const relative = options.relative ?? ((file: string) => file);
  const max = options.maxResults ?? GITHUB_SARIF_LIMITS.storedResultsPerRun;
  const runs = new Map<string, Run>();
  const frameworks = options.frameworks ?? [];
  const byId = new Map(frameworks.map((f) => [f.id, f]));
  for (const f of frameworks) runs.set(f.id, frameworkRun(f, undefined, f.id));
  const validation = options.validation ? newRun(VALIDATION_CATEGORY, [], {}) : undefined;
  return {
    /** A report's gaps (new ones, when `fresh` is given, first) and panel notes, in its framework's run. */
    add(report: AssessmentReport, fresh?: ReadonlySet<Gap>): void {
      const id = report.framework.id;
      let run = runs.get(id);
      // The first report sets the run's rules (its criteria, as made) and what the run says of its framework.
      if (!run || run.reports.length === 0) {
        run = frameworkRun(byId.get(id), report, id);
        run.properties = { framework: { id, version: report.framework.version, sha256: report.framework.sha256 } };
        runs.set(id, run);
      }
      listInputs(run, report, relative);
      run.reports.push(summaryOf(report, relative));
      const place = placeOf(run, relative);
      for (const gap of report.gaps) {
        const isNew = fresh ? fresh.has(gap) : undefined;
        keep(run, bucketOf(gap, isNew), gapResult(gap, report, run.ruleIndex, place, isNew), max);
      }
      for (const item of report.forPanel) keep(run, 7, panelResult(item, report, run.ruleIndex, place), max);
    },
    /** An invalid file's problems, as errors at their locations. */
    invalid(issues: readonly Issue[]): void {
      if (validation) for (const issue of issues) keep(validation, 0, issueResult(issue, validation, relative), max);
    },
    /** What was left out to stay within GitHub's limits, one sentence each. */
    notes(): string[] {
      return [...runs.values(), ...(validation ? [validation] : [])]
        .filter((r) => r.dropped > 0)
        .map(
          (r) =>
            `SARIF run ${r.category} keeps ${r.kept} of ${r.kept + r.dropped} results (code scanning keeps at most ${max} a run): ${r.dropped} of the least serious left out`,
        );
    },
    /** How many runs the log has. */
    get runs(): number {
      return runs.size + (validation ? 1 : 0);
    },
    text(): string {
      const all = [...runs.values(), ...(validation ? [validation] : [])];
      return `${safeJson({ $schema: SCHEMA_URI, version: "2.1.0", runs: all.map(runJson) }, 2)}\n`;
    },
  };
}

/** A SARIF log under construction (see {@link sarifLog}). */
export type SarifLog = ReturnType<typeof sarifLog>;

/** Options for {@link formatSarif}. */
export interface SarifOptions {
  /** The framework the report was made with; when given, each rule's help also carries the criterion's guidance. */
  framework?: Framework;
}

/**
 * The report as SARIF 2.1.0 for code scanning: one rule per criterion, one result per gap, with
 * a stable `senateGap/v1` fingerprint so a gap keeps its identity across runs and waived gaps
 * arrive suppressed rather than missing.
 */
export function formatSarif(report: AssessmentReport, options: SarifOptions = {}): string {
  return formatSarifAll([report], options.framework ? [options.framework] : []);
}

/**
 * Several reports (files, or frameworks) as one SARIF log that code scanning accepts in one upload:
 * a run per framework holding every proposal's results, each run with its own category.
 */
export function formatSarifAll(
  reports: readonly AssessmentReport[],
  frameworks: readonly Framework[] = [],
  options: Omit<SarifLogOptions, "frameworks"> = {},
): string {
  // Frameworks lend their rules' guidance; only those with reports have runs here.
  const log = sarifLog({ ...options, frameworks: frameworks.filter((f) => reports.some((r) => r.framework.id === f.id)) });
  for (const r of reports) log.add(r);
  return log.text();
}
