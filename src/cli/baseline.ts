import { z } from "zod";
import { terminalName } from "../model/escape.js";
import type { Result } from "../model/issue.js";
import { type AssessmentReport, type Gap, StoredReport } from "../model/report.js";
import { diffAgainstNothing, diffReports, type ReportDiff } from "../report/diff.js";
import { diffSummary } from "../report/diff-format.js";
import type { Limits } from "../source/limits.js";
import { readSource } from "../source/read.js";
import { validateParsed } from "../source/validate.js";
import { readInput } from "../node/read.js";

const REPORTS = z.array(StoredReport);

/**
 * Reads a JSON report file: one report, or an array of them (what `senate assess --format json`
 * writes for several files). Every problem comes back located, like any other input.
 */
export function readReports(path: string, limits: Partial<Limits> = {}): Result<AssessmentReport[]> {
  const file = path === "-" ? "<stdin>" : path;
  const text = readInput(path, limits);
  if (!text.ok) return text;
  const read = readSource(text.value, { filename: file, format: "json", limits });
  if (!read.ok) return read;
  if (Array.isArray(read.value.data)) return validateParsed(REPORTS, read.value, file);
  const one = validateParsed(StoredReport, read.value, file);
  return one.ok ? { ok: true, value: [one.value] } : one;
}

/** The baseline report to compare a report with; none when the baseline does not hold its proposal and framework. */
export type BaselineMatch = { baseline?: AssessmentReport };

/**
 * Finds a report's baseline: the first unused report for the same proposal and framework. A report
 * the baseline does not hold (a proposal added since, or another framework) has none, and every gap
 * it has counts as new.
 */
export function matchBaseline(baselines: readonly AssessmentReport[], report: AssessmentReport, used = new Set<AssessmentReport>()): BaselineMatch {
  const found = baselines.find((b) => b.proposal.id === report.proposal.id && b.framework.id === report.framework.id && !used.has(b));
  if (!found) return {};
  used.add(found);
  return { baseline: found };
}

/** Gap severities, most serious first: `--fail-on-gap major` fails on critical and major gaps. */
export const GAP_SEVERITIES = ["critical", "major", "minor"] as const;
/** A gap severity. */
export type GapSeverity = (typeof GAP_SEVERITIES)[number];

/** Whether a gap is open (not waived) and at least as serious as `floor`. */
export function failsGapGate(gap: Gap, floor: GapSeverity): boolean {
  return !gap.waived && GAP_SEVERITIES.indexOf(gap.severity) <= GAP_SEVERITIES.indexOf(floor);
}

/** One report against the baseline: the diff, and the paragraph for standard error. */
export interface BaselineNote {
  diff: ReportDiff;
  note: string;
}

/**
 * Compares each report with its baseline as it comes. The run regresses on a new unwaived gap (at
 * least as serious as `floor`, when given) or a worse overall rating.
 */
export function baselineCheck(baseline: readonly AssessmentReport[], path: string, floor?: GapSeverity) {
  const used = new Set<AssessmentReport>();
  let regressed = false;
  return {
    check(report: AssessmentReport): BaselineNote {
      const match = matchBaseline(baseline, report, used);
      const diff = match.baseline ? diffReports(match.baseline, report) : diffAgainstNothing(report);
      const counts = floor === undefined ? diff.regressed : diff.rating.direction === "worse" || diff.gaps.new.some((g) => failsGapGate(g, floor));
      regressed ||= counts;
      return { diff, note: `Against baseline ${terminalName(path)}, ${diffSummary(diff)}\n` };
    },
    /** The baseline's reports that this run did not match, kept when the baseline is rewritten. */
    unmatched(): AssessmentReport[] {
      return baseline.filter((b) => !used.has(b));
    },
    get regressed() {
      return regressed;
    },
  };
}
