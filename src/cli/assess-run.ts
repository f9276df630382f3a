import { terminalName } from "../model/escape.js";
import { formatIssue } from "../model/issue.js";
import type { AssessmentReport, Gap, Rating } from "../model/report.js";
import { formatGithubSummary } from "../report/github.js";
import { assessOneFile, type EachOptions, type FileOutcome, type SharedInputs } from "./assess-inputs.js";
import { type FreshGaps, type ReportStream, reportStream, type StreamOptions } from "./assess-output.js";
import { baselineCheck, failsGapGate, type GapSeverity } from "./baseline.js";
import { baselineWriter } from "./baseline-update.js";
import { eachItem, signalExitCode, watchSignals } from "./batch.js";
import type { StreamEnv } from "./env.js";
import { appendText, openOutput, streamOutput } from "./io.js";
import type { CommandResult } from "./parse-args.js";

// The run of `senate assess` once its options are read: each file is assessed and its reports written
// before the next file is read. What is kept between files: whether any file was invalid, whether any
// report fails the gate, and the summary rows (in assess-output.ts).

/** Everything a run needs, read from the command line. */
export interface AssessPlan {
  files: string[];
  /** The companion files (reviews, waivers, frameworks, baseline): never written over. */
  inputs: string[];
  shared: SharedInputs;
  each: EachOptions;
  stream: StreamOptions;
  failOn: "red" | "amber" | "never";
  /** Exit 1 for an open gap this serious or worse (with a baseline: a new one). */
  failOnGap?: GapSeverity;
  baselinePath?: string;
  /** Rewrite the baseline with this run's reports (keeping the proposals it did not assess). */
  updateBaseline?: boolean;
  /** Nothing on standard output, and no baseline summary or progress on standard error. */
  quiet?: boolean;
  output?: string;
  stepSummary?: string;
}

const FAILS: Record<AssessPlan["failOn"], Rating[]> = { red: ["red"], amber: ["red", "amber", "not-rated"], never: [] };

/** What the run has learnt so far, and what it does with each file's outcomes. */
function tally(plan: AssessPlan, reports: ReportStream, env: StreamEnv, rewrite: ((r: AssessmentReport) => void) | undefined) {
  const baseline = plan.shared.baseline && plan.baselinePath !== undefined ? baselineCheck(plan.shared.baseline, plan.baselinePath, plan.failOnGap) : undefined;
  // Rewriting the baseline accepts what changed, so a regression does not fail that run.
  const state = { invalid: false, failed: false, summaries: 0, regressed: () => baseline?.regressed === true && !plan.updateBaseline, baseline };
  const take = (outcomes: readonly FileOutcome[], clear: () => void) => {
    const problems = [...new Set(outcomes.flatMap((o) => o.issues.map(formatIssue)))];
    const warnings = [...new Set(outcomes.flatMap((o) => (o.warnings ?? []).map(formatIssue)))];
    const fresh = new Map<AssessmentReport, ReadonlySet<Gap>>();
    const notes = outcomes.flatMap((o) => {
      if (!o.report || !baseline) return [];
      const { diff, note } = baseline.check(o.report);
      fresh.set(o.report, new Set(diff.gaps.new));
      return plan.quiet ? [] : [note];
    });
    if (problems.length > 0 || warnings.length > 0 || notes.length > 0) {
      clear();
      env.err([...warnings, ...problems].map((p) => `${p}\n`).join("") + notes.join(""));
    }
    state.invalid ||= problems.length > 0;
    const floor = baseline ? undefined : plan.failOnGap; // with a baseline, the gate is on new gaps (baseline.ts)
    for (const o of outcomes) {
      if (!o.report) continue;
      state.failed ||= FAILS[plan.failOn].includes(o.report.summary.rating);
      if (floor) state.failed ||= o.report.gaps.some((g) => failsGapGate(g, floor));
      rewrite?.(o.report);
      if (!plan.stepSummary) continue;
      const summary = formatGithubSummary(o.report, fresh.get(o.report));
      appendText(plan.stepSummary, `${state.summaries++ > 0 ? "\n" : ""}${summary}`, "$GITHUB_STEP_SUMMARY");
    }
    reports.file(outcomes, baseline ? (fresh as FreshGaps) : undefined);
  };
  return { state, take };
}

/** What the run left out to keep within GitHub's limits: to standard error, and to the job summary. */
function reportNotes(plan: AssessPlan, reports: ReportStream, env: StreamEnv): void {
  const notes = reports.notes();
  if (notes.length === 0) return;
  env.err(notes.map((n) => `senate assess: ${n}\n`).join(""));
  if (plan.stepSummary) appendText(plan.stepSummary, `\n### Not annotated\n\n${notes.map((n) => `- ${n}.`).join("\n")}\n`, "$GITHUB_STEP_SUMMARY");
}

/**
 * Assesses every file and writes its reports as it goes, to standard output or to a temporary file
 * that replaces --output only when every file was assessed. Ctrl-C stops it after the file in hand.
 */
export async function runAssess(plan: AssessPlan, env: StreamEnv): Promise<CommandResult> {
  const signals = watchSignals(); // before the temporary file exists, so a signal cannot leave it behind
  const out = plan.output === undefined ? streamOutput(plan.quiet ? () => {} : env.out) : openOutput(plan.output, [...plan.files, ...plan.inputs]);
  const rewrite = plan.updateBaseline && plan.baselinePath !== undefined ? baselineWriter(plan, plan.baselinePath) : undefined;
  try {
    const reports = reportStream(out, plan.stream);
    const { state, take } = tally(plan, reports, env, rewrite?.add);
    const each = (file: string, _i: number, clear: () => void) => take(assessOneFile(file, plan.shared, plan.each), clear);
    const stopped = await eachItem(plan.files, (file) => file, each, { command: "assess", signals, progress: plan.quiet ? undefined : env.progress });
    if (stopped) {
      out.abort();
      rewrite?.abort();
      env.err(`senate assess: stopped by ${stopped}${plan.output === undefined ? "" : `; ${terminalName(plan.output)} not written`}\n`);
      return { code: signalExitCode(stopped) };
    }
    reports.end();
    reportNotes(plan, reports, env);
    // A report file is all or nothing: when any input failed, the old file (if any) is left as it was.
    // SARIF is the exception: invalid files are results in it, and the upload step needs the file.
    if (state.invalid || reports.written === 0) {
      rewrite?.abort();
      if (plan.stream.format === "sarif") out.commit();
      else out.abort();
      const kept = plan.output === undefined || plan.stream.format === "sarif";
      return { code: 2, ...(kept ? {} : { stderr: `senate assess: ${terminalName(plan.output ?? "")} not written, as not every file could be assessed\n` }) };
    }
    out.commit();
    rewrite?.commit(state.baseline?.unmatched() ?? []);
    return { code: state.failed || state.regressed() ? 1 : 0 };
  } finally {
    out.abort(); // nothing left to drop once committed
    rewrite?.abort();
    signals.stop();
  }
}
