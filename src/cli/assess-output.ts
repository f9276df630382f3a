import { combineReports } from "../assess/combine.js";
import { BUILTIN_CROSSWALKS } from "../generated/frameworks.js";
import { terminalName } from "../model/escape.js";
import type { Framework } from "../model/framework.js";
import type { AssessmentReport } from "../model/report.js";
import { formatCombinedMarkdown, formatCombinedText } from "../report/combined.js";
import { diffReports, type ReportDiff } from "../report/diff.js";
import { diffSummary } from "../report/diff-format.js";
import { safeJson } from "../report/escape-json.js";
import { type FormatName, formatReport } from "../report/format.js";
import { formatJunitAll } from "../report/junit.js";
import { formatSarifAll } from "../report/sarif.js";
import { percent, ratingWord } from "../report/words.js";
import type { FileOutcome } from "./assess-inputs.js";
import { matchBaseline } from "./baseline.js";
import { UsageError } from "./io.js";

function gapWords(r: AssessmentReport): string {
  const { critical } = r.summary.gaps;
  return `${r.gaps.length}${critical > 0 ? ` (${critical} critical)` : ""}`;
}

/** The table that ends text output over several files: file, rating, score, coverage and gaps. */
export function summaryTable(outcomes: readonly FileOutcome[]): string {
  const label = (o: FileOutcome) => terminalName(o.framework ? `${o.file} [${o.framework}]` : o.file);
  const rows = outcomes.map((o) =>
    o.report
      ? [label(o), ratingWord(o.report.summary.rating), percent(o.report.summary.score), percent(o.report.summary.coverage), gapWords(o.report)]
      : [label(o), "Invalid", "—", "—", "—"],
  );
  const head = ["File", "Rating", "Score", "Cover", "Gaps"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const invalid = outcomes.filter((o) => !o.report).length;
  const tally = `${outcomes.length} files, ${outcomes.length - invalid} assessed${invalid > 0 ? `, ${invalid} invalid (see standard error)` : ""}`;
  return [`Summary of ${tally}`, line(head), ...rows.map(line)].join("\n");
}

/** Options for the report body. */
export interface BodyOptions {
  format: FormatName;
  ndjson: boolean;
  color: boolean;
  frameworks: readonly Framework[];
}

function frameworkFor(report: AssessmentReport, frameworks: readonly Framework[]): { framework?: Framework } {
  const fw = frameworks.find((f) => f.id === report.framework.id);
  return fw ? { framework: fw } : {};
}

/**
 * With several frameworks, each file's reports are followed by a combined summary: the ratings side by
 * side, and where the frameworks agree or differ on the built-in crosswalk's themes (text and Markdown).
 */
function combinedSummaries(outcomes: readonly FileOutcome[], options: BodyOptions): string[] {
  if (options.frameworks.length < 2 || (options.format !== "text" && options.format !== "markdown")) return [];
  const byFile = new Map<string, AssessmentReport[]>();
  for (const o of outcomes) if (o.report) byFile.set(o.file, [...(byFile.get(o.file) ?? []), o.report]);
  const format = options.format === "markdown" ? formatCombinedMarkdown : formatCombinedText;
  return [...byFile.values()].filter((r) => r.length > 1).map((reports) => format(combineReports(reports, BUILTIN_CROSSWALKS[0])));
}

/**
 * The reports as one output: one JSON array for several files (`--ndjson`: one report per line),
 * otherwise the reports one after another; text over several files ends with the summary table.
 */
export function renderBody(outcomes: readonly FileOutcome[], options: BodyOptions): string {
  const reports = outcomes.flatMap((o) => (o.report ? [o.report] : []));
  if (options.ndjson) return reports.map((r) => `${safeJson(r)}\n`).join("");
  if (options.format === "json" && outcomes.length > 1) return `${safeJson(reports, 2)}\n`;
  // SARIF and JUnit hold several reports in one document; an HTML page holds one.
  if (options.format === "sarif" && reports.length > 1) return formatSarifAll(reports, options.frameworks);
  if (options.format === "junit" && reports.length > 1) return formatJunitAll(reports);
  if (options.format === "html" && reports.length > 1)
    throw new UsageError("--format html makes one page per report: assess one file against one framework at a time");
  const formatted = reports.map((r) => formatReport(r, options.format, { color: options.color, ...frameworkFor(r, options.frameworks) }));
  const combined = combinedSummaries(outcomes, options);
  if (options.format !== "text") return [...formatted, ...combined].join(options.format === "markdown" ? "\n" : "");
  const files = new Set(outcomes.map((o) => o.file)).size;
  const table = files > 1 ? [`${summaryTable(outcomes)}\n`] : [];
  return [...formatted, ...combined, ...table].join("\n");
}

/** Each report compared with its baseline, and a paragraph per report for standard error. */
export interface BaselineOutcome {
  diffs: ReportDiff[];
  regressed: boolean;
  stderr: string;
}

/** Compares each report with its baseline; a report without one (another proposal or framework) is a usage error. */
export function compareWithBaseline(reports: readonly AssessmentReport[], baseline: readonly AssessmentReport[], path: string): BaselineOutcome {
  const used = new Set<AssessmentReport>();
  const diffs = reports.map((report) => {
    const match = matchBaseline(baseline, report, path, used);
    if (!match.ok) throw new UsageError(match.problem);
    return diffReports(match.baseline, report);
  });
  const stderr = diffs.map((d) => `Against baseline ${terminalName(path)}, ${diffSummary(d)}\n`).join("");
  return { diffs, regressed: diffs.some((d) => d.regressed), stderr };
}
