import { terminalName } from "../model/escape.js";
import { formatIssue } from "../model/issue.js";
import type { Rating } from "../model/report.js";
import { formatGithubSummary } from "../report/github.js";
import { assessOneFile, type EachOptions, type FileOutcome, type SharedInputs } from "./assess-inputs.js";
import { baselineCheck, type ReportStream, reportStream, type StreamOptions } from "./assess-output.js";
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
  baselinePath?: string;
  output?: string;
  stepSummary?: string;
}

const FAILS: Record<AssessPlan["failOn"], Rating[]> = { red: ["red"], amber: ["red", "amber", "not-rated"], never: [] };

/** What the run has learnt so far, and what it does with each file's outcomes. */
function tally(plan: AssessPlan, reports: ReportStream, env: StreamEnv) {
  const baseline = plan.shared.baseline && plan.baselinePath !== undefined ? baselineCheck(plan.shared.baseline, plan.baselinePath) : undefined;
  const state = { invalid: false, failed: false, summaries: 0, regressed: () => baseline?.regressed === true };
  const take = (outcomes: readonly FileOutcome[], clear: () => void) => {
    const problems = [...new Set(outcomes.flatMap((o) => o.issues.map(formatIssue)))];
    const warnings = [...new Set(outcomes.flatMap((o) => (o.warnings ?? []).map(formatIssue)))];
    const notes = outcomes.flatMap((o) => (o.report && baseline ? [baseline.check(o.report)] : []));
    if (problems.length > 0 || warnings.length > 0 || notes.length > 0) {
      clear();
      env.err([...warnings, ...problems].map((p) => `${p}\n`).join("") + notes.join(""));
    }
    state.invalid ||= problems.length > 0;
    for (const o of outcomes) {
      if (!o.report) continue;
      state.failed ||= FAILS[plan.failOn].includes(o.report.summary.rating);
      const summary = formatGithubSummary(o.report);
      if (plan.stepSummary) appendText(plan.stepSummary, `${state.summaries++ > 0 ? "\n" : ""}${summary}`, "$GITHUB_STEP_SUMMARY");
    }
    reports.file(outcomes);
  };
  return { state, take };
}

/**
 * Assesses every file and writes its reports as it goes, to standard output or to a temporary file
 * that replaces --output only when every file was assessed. Ctrl-C stops it after the file in hand.
 */
export async function runAssess(plan: AssessPlan, env: StreamEnv): Promise<CommandResult> {
  const signals = watchSignals(); // before the temporary file exists, so a signal cannot leave it behind
  const out = plan.output === undefined ? streamOutput(env.out) : openOutput(plan.output, [...plan.files, ...plan.inputs]);
  try {
    const reports = reportStream(out, plan.stream);
    const { state, take } = tally(plan, reports, env);
    const each = (file: string, _i: number, clear: () => void) => take(assessOneFile(file, plan.shared, plan.each), clear);
    const stopped = await eachItem(plan.files, (file) => file, each, { command: "assess", signals, progress: env.progress });
    if (stopped) {
      out.abort();
      env.err(`senate assess: stopped by ${stopped}${plan.output === undefined ? "" : `; ${terminalName(plan.output)} not written`}\n`);
      return { code: signalExitCode(stopped) };
    }
    reports.end();
    // A report file is all or nothing: when any input failed, the old file (if any) is left as it was.
    if (state.invalid || reports.written === 0) {
      out.abort();
      return {
        code: 2,
        ...(plan.output === undefined ? {} : { stderr: `senate assess: ${terminalName(plan.output)} not written, as not every file could be assessed\n` }),
      };
    }
    out.commit();
    return { code: state.failed || state.regressed() ? 1 : 0 };
  } finally {
    out.abort(); // nothing left to drop once committed
    signals.stop();
  }
}
