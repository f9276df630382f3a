import { terminalName } from "../model/escape.js";
import { formatIssue, type Issue } from "../model/issue.js";
import type { AssessmentReport } from "../model/report.js";
import { diffReports, type ReportDiff } from "../report/diff.js";
import { DIFF_FORMATS, formatDiffs } from "../report/diff-format.js";
import { matchBaseline, readReports } from "./baseline.js";
import { UsageError } from "./io.js";
import { LIMIT_OPTIONS, LIMITS_HELP, readLimits } from "./limits.js";
import { type CommandResult, oneOf, parse } from "./parse-args.js";

/** `senate diff --help`. */
export const DIFF_HELP = `Usage: senate diff <old.json> <new.json> [options]

Compares two JSON reports (written by senate assess --format json): which gaps are new, closed,
changed (same criterion, but a different finding, status, severity or waiver) or unchanged, and how
the overall and principle ratings moved. Either file may hold an array of reports, one per
proposal; reports are paired by proposal id and framework id.

Options:
  --format <name>         ${DIFF_FORMATS.join(", ")} (default: text)
  --fail-on-new           exit 1 when there is a new gap not accepted by waiver, or the overall
                          rating is worse; reports for different proposals are then a usage error
${LIMITS_HELP}

Ratings from best to worst: green, amber, not rated, red.
Exit codes: 0 compared (and, with --fail-on-new, nothing regressed); 1 --fail-on-new and something
regressed; 2 bad input or usage.

Example:
  senate assess proposal.yaml --format json --output baseline.json --fail-on never
  senate assess proposal.yaml --format json --output new.json --fail-on never
  senate diff baseline.json new.json --format markdown`;

const OPTIONS = { format: { type: "string" }, "fail-on-new": { type: "boolean" }, ...LIMIT_OPTIONS } as const;

function label(r: AssessmentReport): string {
  return `proposal "${r.proposal.id}" against framework "${r.framework.id}"`;
}

/** Pairs the reports and diffs each pair; unpaired reports are warnings, or usage errors when `strict`. */
function pairAndDiff(olds: AssessmentReport[], news: AssessmentReport[], oldPath: string, newPath: string, strict: boolean) {
  const used = new Set<AssessmentReport>();
  const diffs: ReportDiff[] = [];
  const warnings: string[] = [];
  for (const report of news) {
    const match = matchBaseline(olds, report, oldPath, used);
    if (match.ok) diffs.push(diffReports(match.baseline, report));
    else if (strict) throw new UsageError(match.problem);
    else if (olds.length === 1 && news.length === 1 && olds[0]) {
      warnings.push(`${match.problem}; comparing them anyway`);
      diffs.push(diffReports(olds[0], report));
    } else warnings.push(`${match.problem}; not compared`);
  }
  if (!(olds.length === 1 && news.length === 1)) {
    for (const old of olds) if (!used.has(old)) warnings.push(`${newPath} holds no report for ${label(old)}; not compared`);
  }
  return { diffs, warnings };
}

/** `senate diff`: what changed between two reports. Informational: exit 0 unless --fail-on-new finds a regression. */
export function diffCommand(argv: string[]): CommandResult {
  const { values, positionals } = parse(argv, OPTIONS, DIFF_HELP);
  if (positionals.length !== 2) return { code: 2, stderr: `senate diff: name two report files, the old one first\n\n${DIFF_HELP}\n` };
  const format = oneOf(values.format, DIFF_FORMATS, "format", "text");
  const limits = readLimits(values);
  const [oldPath, newPath] = positionals as [string, string];
  if (oldPath === "-" && newPath === "-") throw new UsageError("only one report can come from standard input");
  const old = readReports(oldPath, limits);
  const now = readReports(newPath, limits);
  const issues: Issue[] = [...(old.ok ? [] : old.issues), ...(now.ok ? [] : now.issues)];
  if (!old.ok || !now.ok) return { code: 2, stderr: `${issues.map(formatIssue).join("\n")}\n` };
  const strict = values["fail-on-new"] === true;
  const { diffs, warnings } = pairAndDiff(old.value, now.value, oldPath, newPath, strict);
  if (diffs.length === 0) throw new UsageError(`no report in ${newPath} has a counterpart in ${oldPath}; nothing to compare`);
  // A warning names the report files, and the ids inside them: both can hold anything.
  const stderr = warnings.map((w) => `senate diff: warning: ${terminalName(w)}\n`).join("");
  const failed = strict && diffs.some((d) => d.regressed);
  return { code: failed ? 1 : 0, stdout: formatDiffs(diffs, format), stderr };
}
