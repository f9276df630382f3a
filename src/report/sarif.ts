import type { Framework } from "../model/framework.js";
import type { Issue } from "../model/issue.js";
import type { AssessmentReport, Gap } from "../model/report.js";
import { safeJson } from "./escape-json.js";
import { gapResult, panelResult, warningResult } from "./sarif-parts.js";
import {
  bucketOf,
  frameworkRun,
  issueResult,
  keep,
  listInputs,
  newRun,
  PANEL_BUCKET,
  placeOf,
  type Run,
  runJson,
  summaryOf,
  VALIDATION_CATEGORY,
} from "./sarif-run.js";

export { artifactUri, CRITERIA_DOCS, criterionAnchor, criterionHelpUri, PROJECT_URI } from "./sarif-parts.js";
export { frameworkCategory, VALIDATION_CATEGORY } from "./sarif-run.js";

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
      for (const item of report.forPanel) keep(run, PANEL_BUCKET, panelResult(item, report, run.ruleIndex, place), max);
      for (const w of report.warnings ?? []) keep(run, PANEL_BUCKET, warningResult(w, report, run.ruleIndex, place), max);
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
 * a stable `senateGap/v2` fingerprint (codes and values, not wording) so a gap keeps its identity across runs and waived gaps
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
