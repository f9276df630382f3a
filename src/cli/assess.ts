import { appendFileSync } from "node:fs";
import type { Thresholds } from "../model/framework.js";
import { formatIssue } from "../model/issue.js";
import type { Rating } from "../model/report.js";
import { FORMATS } from "../report/format.js";
import { formatGithubSummary } from "../report/github.js";
import { assessOneFile, type EachOptions, readShared } from "./assess-inputs.js";
import { baselineCheck, checkFormatFits, reportStream } from "./assess-output.js";
import { eachItem, signalExitCode, watchSignals } from "./batch.js";
import type { StreamEnv } from "./env.js";
import { expandArgs } from "./glob.js";
import { openOutput, streamOutput, UsageError } from "./io.js";
import { LIMIT_OPTIONS, LIMITS_HELP, readLimits } from "./limits.js";
import { type CommandResult, oneOf, parse } from "./parse-args.js";

/** `senate assess --help`. */
export const ASSESS_HELP = `Usage: senate assess <files...> [options]

Assesses proposal documents against a framework and prints a report with every gap.
Files may be globs ("proposals/**/*.yaml"), expanded by senate when the shell does not.

Options:
  --framework <id|file>   built-in framework id or framework file (default: london-2020); several,
                          comma-separated, give one report per framework and a combined summary
  --reviews <file>        a panel's judgements per criterion (YAML or JSON)
  --waivers <file>        criteria waived as not applicable, or gaps accepted
  --format <name>         ${FORMATS.join(", ")} (default: text); github also appends
                          a job summary to $GITHUB_STEP_SUMMARY when it is set
  --ndjson                JSON, one report per line (instead of one array over several files)
  --output <file>         write the report here (atomically) instead of standard output
  --fail-on <level>       red, amber or never (default: red, or never with --baseline): exit 1 at
                          or below this rating
  --baseline <file>       a JSON report (or array of reports) to ratchet against: exit 1 only for
                          gaps that are new and not waived, or a worse overall rating; a summary
                          of what changed goes to standard error
  --min-coverage <0..1>   a rating is at most amber below this share of decided weight
  --green <0..1>          override the framework's green threshold
  --amber <0..1>          override the framework's amber threshold
  --timestamp             record the time in the report (reports are otherwise byte-identical)
${LIMITS_HELP}

Use - as a file to read standard input. Over several files, text output ends with a summary
table, and JSON is one array; each report is written as soon as it is ready.
Exit codes, for the worst file: 0 passed the gate; 1 a rating is at or below --fail-on, or
(with --baseline) something regressed; 2 bad input or usage; 130 stopped by Ctrl-C (no
--output file is written).

Example:
  senate assess examples/stroke-hasu.yaml --reviews examples/stroke-hasu.reviews.yaml --format markdown
  senate assess "proposals/**/*.yaml" --format json --output baseline.json --fail-on never
  senate assess "proposals/**/*.yaml" --baseline baseline.json`;

const OPTIONS = {
  framework: { type: "string" },
  reviews: { type: "string" },
  waivers: { type: "string" },
  format: { type: "string" },
  ndjson: { type: "boolean" },
  output: { type: "string" },
  "fail-on": { type: "string" },
  baseline: { type: "string" },
  "min-coverage": { type: "string" },
  green: { type: "string" },
  amber: { type: "string" },
  timestamp: { type: "boolean" },
  ...LIMIT_OPTIONS,
} as const;

function share(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--${name} must be a number from 0 to 1; got "${value}"`);
  return n;
}

function thresholdsOf(values: { "min-coverage"?: string | undefined; green?: string | undefined; amber?: string | undefined }) {
  const minCoverage = share(values["min-coverage"], "min-coverage");
  const green = share(values.green, "green");
  const amber = share(values.amber, "amber");
  return { ...(minCoverage === undefined ? {} : { minCoverage }), ...(green === undefined ? {} : { green }), ...(amber === undefined ? {} : { amber }) };
}

function formatOf(values: { format?: string | undefined; ndjson?: boolean | undefined }) {
  const format = oneOf(values.format, FORMATS, "format", values.ndjson ? "json" : "text");
  if (values.ndjson && format !== "json") throw new UsageError(`--ndjson writes JSON; drop --format ${format}`);
  return format;
}

/** Overridden thresholds must stay in order with each other and with the framework's: amber at or below green. */
function checkOrder(t: { green?: number; amber?: number }, framework: Thresholds): void {
  const green = t.green ?? framework.green;
  const amber = t.amber ?? framework.amber;
  if (amber <= green) return;
  const a = t.amber === undefined ? `the framework's amber threshold ${amber}` : `--amber ${amber}`;
  const g = t.green === undefined ? `the framework's green threshold ${green}` : `--green ${green}`;
  throw new UsageError(`${a} is above ${g}; amber must be at or below green`);
}

const FAILS: Record<"red" | "amber" | "never", Rating[]> = { red: ["red"], amber: ["red", "amber", "not-rated"], never: [] };

/** `senate assess`: assesses each file, writes its reports at once, and exits for the worst file. */
export async function assessCommand(argv: string[], env: StreamEnv): Promise<CommandResult> {
  const { values, positionals } = parse(argv, OPTIONS, ASSESS_HELP);
  if (positionals.length === 0) return { code: 2, stderr: `senate assess: name at least one proposal file\n\n${ASSESS_HELP}\n` };
  const format = formatOf(values);
  // A baseline replaces the rating gate: a team adopting the tool on an imperfect proposal ratchets instead.
  const failOn = oneOf(values["fail-on"], ["red", "amber", "never"] as const, "fail-on", values.baseline === undefined ? "red" : "never");
  const thresholds = thresholdsOf(values);
  const limits = readLimits(values);
  const inputs = [values.reviews, values.waivers, ...(values.framework?.split(",") ?? []), values.baseline].filter((p): p is string => p !== undefined);
  const files = expandArgs(positionals, values.output === undefined ? inputs : [...inputs, values.output]);

  const { reviews, waivers, baseline: baselinePath } = values;
  const shared = readShared({ framework: values.framework ?? "london-2020", reviews, waivers, baseline: baselinePath }, limits);
  if (!shared.ok) return { code: 2, stderr: `${dedupe(shared.issues.map(formatIssue)).join("\n")}\n` };
  checkOrder(thresholds, shared.value.framework.framework.thresholds);
  const frameworks = shared.value.frameworks.map((f) => f.framework);
  checkFormatFits(format, files.length, frameworks.length);
  const each: EachOptions = { now: env.now, limits, thresholds, ...(values.timestamp ? { generatedAt: env.now.toISOString() } : {}) };
  const color = format === "text" && env.isTTY && !env.noColor && values.output === undefined;
  const streamOptions = { format, ndjson: values.ndjson === true, color, frameworks, files: files.length };
  const baseline = shared.value.baseline && baselinePath !== undefined ? baselineCheck(shared.value.baseline, baselinePath) : undefined;
  const summary = format === "github" ? env.stepSummary : undefined;

  const signals = watchSignals(); // before the temporary file exists, so a signal cannot leave it behind
  const out = values.output === undefined ? streamOutput(env.out) : openOutput(values.output, [...files, ...inputs]);
  try {
    const reports = reportStream(out, streamOptions);
    let invalid = false;
    let failed = false;
    let summaries = 0;
    const stopped = await eachItem(
      files,
      (file) => file,
      (file, _i, clear) => {
        const outcomes = assessOneFile(file, shared.value, each);
        const problems = dedupe(outcomes.flatMap((o) => o.issues.map(formatIssue)));
        const notes = outcomes.flatMap((o) => (o.report && baseline ? [baseline.check(o.report)] : []));
        if (problems.length > 0 || notes.length > 0) {
          clear();
          env.err(problems.map((p) => `${p}\n`).join("") + notes.join(""));
        }
        invalid ||= problems.length > 0;
        for (const o of outcomes) {
          if (!o.report) continue;
          failed ||= FAILS[failOn].includes(o.report.summary.rating);
          if (summary) appendFileSync(summary, `${summaries++ > 0 ? "\n" : ""}${formatGithubSummary(o.report)}`);
        }
        reports.file(outcomes);
      },
      { command: "assess", signals, progress: env.progress },
    );
    if (stopped) {
      out.abort();
      env.err(`senate assess: stopped by ${stopped}${values.output === undefined ? "" : `; ${values.output} not written`}\n`);
      return { code: signalExitCode(stopped) };
    }
    reports.end();
    // A report file is all or nothing: when any input failed, the old file (if any) is left as it was.
    if (invalid || reports.written === 0) {
      out.abort();
      const unwritten = values.output !== undefined ? `senate assess: ${values.output} not written, as not every file could be assessed\n` : "";
      return { code: 2, ...(unwritten ? { stderr: unwritten } : {}) };
    }
    out.commit();
    return { code: failed || baseline?.regressed ? 1 : 0 };
  } finally {
    out.abort(); // nothing left to drop once committed
    signals.stop();
  }
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines)];
}
