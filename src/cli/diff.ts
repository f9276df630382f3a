import { DEFAULT_WAIVER_WARNING_DAYS } from "../assess/assess.js";
import { waiverWarnings } from "../assess/inputs.js";
import { terminalName } from "../model/escape.js";
import { formatIssue, type Issue } from "../model/issue.js";
import type { AssessmentReport } from "../model/report.js";
import { diffAgainstNothing, diffReports, type ReportDiff } from "../report/diff.js";
import { DIFF_FORMATS, type DiffFormatName, formatDiffs } from "../report/diff-format.js";
import { safeJson } from "../report/escape-json.js";
import { matchBaseline, readReports } from "./baseline.js";
import { eachItem, signalExitCode, watchSignals } from "./batch.js";
import type { StreamEnv } from "./env.js";
import { UsageError } from "./io.js";
import { LIMIT_OPTIONS, LIMITS_HELP, readLimits } from "./limits.js";
import { NOW_HELP, NOW_OPTIONS, readNow, readWarningDays } from "./now.js";
import { type CommandResult, oneOf, parse } from "./parse-args.js";

/** `senate diff --help`. */
export const DIFF_HELP = `Usage: senate diff <old.json> <new.json> [options]

Compares two JSON reports (written by senate assess --format json): which gaps are new, closed,
changed (same criterion, but a different finding, status, severity or waiver) or unchanged, and how
the overall and principle ratings moved. Either file may hold an array of reports, one per
proposal; reports are paired by proposal id and framework id. A proposal the old file does not
hold counts as new: every gap it has is a new gap.

Options:
  --format <name>         ${DIFF_FORMATS.join(", ")} (default: text)
  --fail-on-new           exit 1 when there is a new gap not accepted by waiver, or the overall
                          rating is worse
${NOW_HELP}
${LIMITS_HELP}

Ratings from best to worst: green, amber, not rated, red.
Exit codes: 0 compared (and, with --fail-on-new, nothing regressed); 1 --fail-on-new and something
regressed; 2 bad input or usage.

Example:
  senate assess proposal.yaml --format json --output baseline.json --fail-on never
  senate assess proposal.yaml --format json --output new.json --fail-on never
  senate diff baseline.json new.json --format markdown`;

const OPTIONS = { format: { type: "string" }, "fail-on-new": { type: "boolean" }, ...NOW_OPTIONS, ...LIMIT_OPTIONS } as const;

function label(r: AssessmentReport): string {
  return `proposal "${r.proposal.id}" against framework "${r.framework.id}"`;
}

type Pair = [old: AssessmentReport | undefined, now: AssessmentReport];

/**
 * Pairs the reports. A new report the old file does not hold is compared with nothing (every gap
 * new), except that one report against one report is compared as asked, with a warning, unless
 * `strict`; an old report the new file does not hold is a warning.
 */
function pair(olds: AssessmentReport[], news: AssessmentReport[], oldPath: string, newPath: string, strict: boolean) {
  const used = new Set<AssessmentReport>();
  const pairs: Pair[] = [];
  const warnings: string[] = [];
  const oneToOne = olds.length === 1 && news.length === 1;
  for (const report of news) {
    const match = matchBaseline(olds, report, used);
    if (match.baseline) pairs.push([match.baseline, report]);
    else if (oneToOne && !strict && olds[0]) {
      warnings.push(`baseline ${oldPath} is for ${label(olds[0])}, not ${label(report)}; comparing them anyway`);
      pairs.push([olds[0], report]);
    } else pairs.push([undefined, report]);
  }
  if (!oneToOne) {
    for (const old of olds) if (!used.has(old)) warnings.push(`${newPath} holds no report for ${label(old)}; not compared`);
  }
  return { pairs, warnings };
}

/** The pieces diffs are written in: one JSON value for one pair, otherwise a JSON array, or sections. */
function framing(format: DiffFormatName, pairs: number): { head: string; separator: string; tail: string; item: (d: ReportDiff) => string } {
  if (format === "json" && pairs === 1) return { head: "", separator: "", tail: "", item: (d) => formatDiffs([d], "json") };
  // An element of a JSON array of diffs: a one-element array's text without its brackets.
  if (format === "json") return { head: "[\n  ", separator: ",\n  ", tail: "\n]\n", item: (d) => safeJson([d], 2).slice(4, -2) };
  return { head: "", separator: "\n", tail: "", item: (d) => formatDiffs([d], format) };
}

/** `senate diff`: what changed between two reports, each pair written as it is compared. Informational: exit 0 unless --fail-on-new finds a regression. */
export async function diffCommand(argv: string[], env: StreamEnv): Promise<CommandResult> {
  const { values, positionals } = parse(argv, OPTIONS, DIFF_HELP);
  if (positionals.length !== 2) return { code: 2, stderr: `senate diff: name two report files, the old one first\n\n${DIFF_HELP}\n` };
  const format = oneOf(values.format, DIFF_FORMATS, "format", "text");
  const limits = readLimits(values);
  const today = readNow(values.now, env.now);
  const warningDays = readWarningDays(values["waiver-warning-days"]) ?? DEFAULT_WAIVER_WARNING_DAYS;
  const [oldPath, newPath] = positionals as [string, string];
  if (oldPath === "-" && newPath === "-") throw new UsageError("only one report can come from standard input");
  const old = readReports(oldPath, limits);
  const now = readReports(newPath, limits);
  const issues: Issue[] = [...(old.ok ? [] : old.issues), ...(now.ok ? [] : now.issues)];
  if (!old.ok || !now.ok) return { code: 2, stderr: `${issues.map(formatIssue).join("\n")}\n` };
  const strict = values["fail-on-new"] === true;
  const { pairs, warnings } = pair(old.value, now.value, oldPath, newPath, strict);
  // The new reports' waivers are judged on the day of the diff, so a gate warns before one lapses.
  for (const [, report] of pairs) {
    const file = report.inputs.find((i) => i.role === "waivers")?.file;
    const expiring = waiverWarnings({ value: { waivers: report.waivers.map((w) => w.waiver) }, ...(file === undefined ? {} : { file }) }, today, warningDays);
    warnings.push(...expiring.map((w) => `${report.proposal.id}: ${w.message}`));
  }
  if (pairs.length === 0) throw new UsageError(`no report in ${newPath} has a counterpart in ${oldPath}; nothing to compare`);
  // A warning names the report files, and the ids inside them: both can hold anything.
  env.err(warnings.map((w) => `senate diff: warning: ${terminalName(w)}\n`).join(""));
  const { head, separator, tail, item } = framing(format, pairs.length);
  let regressed = false;
  const signals = watchSignals();
  try {
    const stopped = await eachItem(
      pairs,
      ([, report]) => report.proposal.id,
      ([before, after], i) => {
        const diff = before ? diffReports(before, after) : diffAgainstNothing(after);
        regressed ||= diff.regressed;
        env.out(`${i === 0 ? head : separator}${item(diff)}`);
      },
      { command: "diff", signals },
    );
    if (stopped) return { code: signalExitCode(stopped), stderr: `senate diff: stopped by ${stopped}\n` };
    env.out(tail);
    return { code: strict && regressed ? 1 : 0 };
  } finally {
    signals.stop();
  }
}
