import { gzipSync } from "node:zlib";
import { combineReports } from "../assess/combine.js";
import { BUILTIN_CROSSWALKS } from "../generated/frameworks.js";
import { terminalName } from "../model/escape.js";
import type { Framework } from "../model/framework.js";
import { formatIssue, type Issue } from "../model/issue.js";
import type { AssessmentReport, Gap } from "../model/report.js";
import { formatCombinedMarkdown, formatCombinedText } from "../report/combined.js";
import { safeJson } from "../report/escape-json.js";
import { type FormatName, formatReport } from "../report/format.js";
import { githubAnnotations } from "../report/github-annotations.js";
import { formatJunitSuites, JUNIT_DOCUMENT, junitLabels } from "../report/junit.js";
import { GITHUB_SARIF_LIMITS, sarifLog } from "../report/sarif.js";
import { percent, ratingWord } from "../report/words.js";
import type { FileOutcome } from "./assess-inputs.js";
import type { Output } from "./io.js";
import { UsageError } from "./io.js";

// Reports are written as each file is assessed, never gathered: every format has a form that can be
// written a piece at a time (a JSON array as `[`, items, `]`; a SARIF log's runs; a JUnit document's
// suites). What outlives a file is its row of the summary table, a few short strings.

/** One row of the summary table: file, rating, score, coverage, gaps. */
type Row = [string, string, string, string, string];

function gapWords(r: AssessmentReport): string {
  const { critical } = r.summary.gaps;
  return `${r.gaps.length}${critical > 0 ? ` (${critical} critical)` : ""}`;
}

function row(o: FileOutcome): Row {
  const label = terminalName(o.framework ? `${o.file} [${o.framework}]` : o.file);
  if (!o.report) return [label, "Invalid", "—", "—", "—"];
  const s = o.report.summary;
  return [label, ratingWord(s.rating), percent(s.score), percent(s.coverage), gapWords(o.report)];
}

/** The table that ends text output over several files: file, rating, score, coverage and gaps (one row per report, or per invalid file). */
export function summaryTable(rows: readonly Row[], invalid: number): string {
  const head: Row = ["File", "Rating", "Score", "Cover", "Gaps"];
  const widths = head.map((h, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? "").length), h.length));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const tally = `${rows.length} files, ${rows.length - invalid} assessed${invalid > 0 ? `, ${invalid} invalid (see standard error)` : ""}`;
  return [`Summary of ${tally}`, line(head), ...rows.map(line)].join("\n");
}

/** How reports are written. */
export interface StreamOptions {
  format: FormatName;
  ndjson: boolean;
  color: boolean;
  frameworks: readonly Framework[];
  /** How many files are assessed: over several, JSON is one array and text ends with the summary table. */
  files: number;
  /** A file's path as SARIF gives it: relative to the repository root. */
  relative?: (file: string) => string;
}

/** Gaps a baseline does not have, by report. */
export type FreshGaps = ReadonlyMap<AssessmentReport, ReadonlySet<Gap>>;

/** Writes each file's reports as they come, then what closes the output. */
export interface ReportStream {
  file(outcomes: readonly FileOutcome[], fresh?: FreshGaps): void;
  end(): void;
  /** What was left out to keep within GitHub's limits, one sentence each (SARIF and GitHub formats). */
  notes(): string[];
  /** How many reports were written. */
  readonly written: number;
}

/** The pieces every format is written in: what comes before the first report, between two, and after the last. */
function framing(options: StreamOptions): { head: string; separator: string; tail: string } {
  const array = options.files > 1 || options.frameworks.length > 1;
  if (options.ndjson) return { head: "", separator: "", tail: "" };
  if (options.format === "json" && array) return { head: "[\n  ", separator: ",\n  ", tail: "\n]\n" };
  // The whole SARIF log and the step's annotations are written at the end (sarif.ts and github-annotations.ts say why).
  if (options.format === "sarif" || options.format === "github") return { head: "", separator: "", tail: "" };
  if (options.format === "junit") return { head: JUNIT_DOCUMENT.head, separator: "", tail: JUNIT_DOCUMENT.tail };
  return { head: "", separator: options.format === "text" || options.format === "markdown" ? "\n" : "", tail: "" };
}

/**
 * Opens the stream of reports. With several frameworks, each file's reports are followed by its
 * combined summary (text and Markdown): the ratings side by side, and where the frameworks agree or
 * differ on the built-in crosswalk's themes.
 */
export function reportStream(out: Output, options: StreamOptions): ReportStream {
  const { format, frameworks } = options;
  const { head, separator, tail } = framing(options);
  const array = format === "json" && !options.ndjson && head !== "";
  const rows: Row[] = [];
  let invalid = 0;
  let written = 0;
  let pieces = 0;
  let suites = 0;
  const labels = junitLabels();
  const piece = (text: string) => {
    out.write(`${pieces === 0 ? head : separator}${text}`);
    pieces++;
  };
  const render = (r: AssessmentReport): string => {
    const framework = frameworks.find((f) => f.id === r.framework.id);
    if (options.ndjson) return `${safeJson(r)}\n`;
    // An element of safeJson(reports, 2): a one-element array's text without its brackets.
    if (array) return safeJson([r], 2).slice(4, -2);
    if (format === "junit") return formatJunitSuites(r, suites, labels(r));
    return formatReport(r, format, { color: options.color, ...(framework ? { framework } : {}) });
  };
  const combined = (reports: AssessmentReport[]) => {
    if (reports.length < 2 || (format !== "text" && format !== "markdown")) return;
    const summary = combineReports(reports, BUILTIN_CROSSWALKS[0]);
    piece(format === "markdown" ? formatCombinedMarkdown(summary) : formatCombinedText(summary));
  };
  const whole = wholeLog(options);
  return {
    file(outcomes, fresh) {
      const reports = outcomes.flatMap((o) => (o.report ? [o.report] : []));
      whole?.invalid(uniqueIssues(outcomes));
      for (const r of reports) {
        if (whole) whole.add(r, fresh?.get(r));
        else piece(render(r));
        written++;
        suites += r.principles.length;
      }
      combined(reports);
      if (format !== "text" || options.files < 2) return;
      rows.push(...outcomes.map(row));
      invalid += outcomes.filter((o) => !o.report).length;
    },
    end() {
      // A SARIF log is written even when every file was invalid: the upload then has its results.
      if (whole && (written > 0 || format === "sarif")) out.write(whole.text());
      if (written === 0) return;
      if (format === "text" && options.files > 1) piece(`${summaryTable(rows, invalid)}\n`);
      out.write(tail);
    },
    notes() {
      return whole?.notes() ?? [];
    },
    get written() {
      return written;
    },
  };
}

/** An invalid file's problems, once each (the same file fails alike under every framework). */
function uniqueIssues(outcomes: readonly FileOutcome[]): Issue[] {
  const seen = new Set<string>();
  const unique: Issue[] = [];
  for (const issue of outcomes.flatMap((o) => o.issues)) {
    const key = formatIssue(issue);
    if (!seen.has(key)) unique.push(issue);
    seen.add(key);
  }
  return unique;
}

/** The formats written as a whole at the end, gathering what they keep as the reports come. */
function wholeLog(options: StreamOptions) {
  if (options.format === "sarif") {
    const log = sarifLog({ frameworks: options.frameworks, validation: true, ...(options.relative ? { relative: options.relative } : {}) });
    let size: string[] = [];
    const text = () => {
      const written = log.text();
      // Code scanning takes the upload gzipped, up to 10 MiB; saying so beats a rejected upload with no reason.
      const gzipped = gzipSync(written).length;
      if (gzipped > GITHUB_SARIF_LIMITS.compressedBytes)
        size = [`the SARIF log is ${gzipped} bytes gzipped, over the ${GITHUB_SARIF_LIMITS.compressedBytes} code scanning accepts; assess fewer files a run`];
      return written;
    };
    return { add: log.add, invalid: log.invalid, text, notes: () => [...log.notes(), ...size] };
  }
  if (options.format !== "github") return undefined;
  const log = githubAnnotations();
  const notes = () => {
    const { error, warning, notice } = log.omitted();
    const left = error + warning + notice;
    return left > 0
      ? [
          `${left} gaps not annotated (${error} errors, ${warning} warnings, ${notice} notices): GitHub shows 10 of each a step; every gap is in the job summary`,
        ]
      : [];
  };
  return { add: log.add, invalid: log.invalid, text: log.text, notes };
}

/** Refuses, before any work, a format that cannot hold every report the run would make. */
export function checkFormatFits(format: FormatName, files: number, frameworks: number): void {
  // GitHub takes 20 runs a file: one per framework, and one for invalid files.
  if (format === "sarif" && frameworks > 19)
    throw new UsageError(`--format sarif holds at most 19 frameworks (GitHub accepts 20 runs in one upload, one of them for invalid files); got ${frameworks}`);
  if (format === "html" && files * frameworks > 1)
    throw new UsageError("--format html makes one page per report: assess one file against one framework at a time");
}
