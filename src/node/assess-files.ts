import { type AssessOptions, assess } from "../assess/assess.js";
import type { Sourced } from "../assess/inputs.js";
import type { LoadedFramework } from "../framework/load.js";
import type { Issue, Result } from "../model/issue.js";
import type { AssessmentReport, Rating } from "../model/report.js";
import type { Reviews } from "../model/reviews.js";
import type { Waivers } from "../model/waivers.js";
import { parseReviews, parseWaivers } from "../proposal/documents.js";
import { parseProposal } from "../proposal/parse.js";
import { safeJson } from "../report/escape-json.js";
import { type FormatName, formatReport } from "../report/format.js";
import type { Limits } from "../source/limits.js";
import { readTextFile } from "./files.js";
import { runOrdered, threadsFor } from "./pool.js";

// Assessing many files as a stream: each file is read, parsed, assessed and formatted on its own
// (on worker threads when there are enough files), and its output handed to the caller at once,
// in argument order, so nothing accumulates. The same `assessOne` runs in the main thread and in
// the workers, so output is byte-identical however many threads there are.

/** How each report is written: `array` is one element of a JSON array over several files (the caller writes the brackets). */
export type Layout = "each" | "array" | "ndjson";

/** Everything a batch shares. Plain data, so it can be sent to worker threads. */
export interface BatchOptions {
  framework: LoadedFramework;
  reviews?: { text: string; file: string };
  waivers?: { text: string; file: string };
  limits: Partial<Limits>;
  /** The instant waivers are judged against, as an ISO string. */
  now: string;
  thresholds?: AssessOptions["thresholds"];
  generatedAt?: string;
  format: FormatName;
  layout: Layout;
  color: boolean;
  /** Hand back each whole report too (for a baseline or a job summary); memory then grows with the batch. */
  keepReports?: boolean;
}

/** What the caller keeps of a report: enough for a summary table and the exit code. */
export interface ReportSummary {
  rating: Rating;
  score: number | null;
  coverage: number;
  gaps: number;
  critical: number;
}

/** One file's outcome: its formatted report (or the issues that stopped it). */
export interface FileResult {
  file: string;
  issues: Issue[];
  output?: string;
  summary?: ReportSummary;
  report?: AssessmentReport;
}

interface Shared {
  options: BatchOptions;
  assessOptions: AssessOptions;
}

function prepare(options: BatchOptions): Shared {
  const companion = <T>(doc: { text: string; file: string } | undefined, parse: (text: string, o: { filename: string }) => Result<Sourced<T>>) => {
    if (doc === undefined) return undefined;
    const parsed = parse(doc.text, { filename: doc.file });
    if (!parsed.ok) throw new Error(`assessFiles: ${doc.file} is not valid; check it before assessing`);
    return parsed.value;
  };
  const reviews = companion<Reviews>(options.reviews, parseReviews);
  const waivers = companion<Waivers>(options.waivers, parseWaivers);
  const assessOptions: AssessOptions = {
    now: new Date(options.now),
    ...(options.thresholds ? { thresholds: options.thresholds } : {}),
    ...(reviews ? { reviews } : {}),
    ...(waivers ? { waivers } : {}),
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
  };
  return { options, assessOptions };
}

function render(report: AssessmentReport, options: BatchOptions): string {
  if (options.layout === "ndjson") return `${safeJson(report)}\n`;
  // An element of JSON.stringify(reports, null, 2): a one-element array's text without its brackets
  // (cheaper than re-indenting the report's own text).
  if (options.layout === "array") return safeJson([report], 2).slice(4, -2);
  return formatReport(report, options.format, { color: options.color, framework: options.framework.framework });
}

/** Reads, parses, assesses and formats one file. */
export function assessOne(file: string, text: Result<string>, shared: Shared): FileResult {
  const name = file === "-" ? "<stdin>" : file;
  const { options, assessOptions } = shared;
  const proposal = text.ok ? parseProposal(text.value, { filename: name, limits: options.limits }) : text;
  if (!proposal.ok) return { file: name, issues: proposal.issues };
  const report = assess(proposal.value, options.framework, assessOptions);
  if (!report.ok) return { file: name, issues: report.issues };
  const r = report.value;
  const summary = { rating: r.summary.rating, score: r.summary.score, coverage: r.summary.coverage, gaps: r.gaps.length, critical: r.summary.gaps.critical };
  return { file: name, issues: [], output: render(r, options), summary, ...(options.keepReports ? { report: r } : {}) };
}

/** The worker's task function: the same work as the main thread's, reading files itself. */
export function workerTask(data: unknown): (index: number) => FileResult {
  const { files, options } = data as { files: string[]; options: BatchOptions };
  const shared = prepare(options);
  return (index) => {
    const file = files[index] as string;
    return assessOne(file, readTextFile(file, options.limits), shared);
  };
}

/**
 * Assesses each file and calls `onResult` with its outcome, in order, as soon as it is ready.
 * Uses worker threads (both cores on a two-core machine) for batches large enough to repay
 * starting them; `read` reads a file in the main thread (the CLI's reader, which handles `-`).
 */
export function assessFiles(
  files: readonly string[],
  options: BatchOptions,
  onResult: (result: FileResult, index: number) => void,
  read: (file: string) => Result<string> = (file) => readTextFile(file, options.limits),
  threads: number = files.includes("-") ? 0 : threadsFor(files.length),
): void {
  if (threads === 0) {
    const shared = prepare(options);
    for (const [i, file] of files.entries()) onResult(assessOne(file, read(file), shared), i);
    return;
  }
  runOrdered(new URL("./assess-worker.js", import.meta.url), { files, options }, files.length, threads, onResult);
}
