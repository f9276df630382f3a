import { z } from "zod";
import type { Result } from "../model/issue.js";
import { type AssessmentReport, StoredReport } from "../model/report.js";
import type { Limits } from "../source/limits.js";
import { readSource } from "../source/read.js";
import { validateParsed } from "../source/validate.js";
import { readInput } from "./io.js";

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

function describe(r: AssessmentReport): string {
  return `proposal "${r.proposal.id}" against framework "${r.framework.id}"`;
}

/** The baseline to compare a report with, or why there is none. */
export type BaselineMatch = { ok: true; baseline: AssessmentReport } | { ok: false; problem: string };

/**
 * Finds a report's baseline: the only report in a one-report baseline, which must be for the same
 * proposal and framework; otherwise the first unused report for that proposal and framework.
 */
export function matchBaseline(
  baselines: readonly AssessmentReport[],
  report: AssessmentReport,
  path: string,
  used = new Set<AssessmentReport>(),
): BaselineMatch {
  const same = (b: AssessmentReport) => b.proposal.id === report.proposal.id && b.framework.id === report.framework.id;
  const only = baselines.length === 1 ? baselines[0] : undefined;
  if (only && !same(only)) return { ok: false, problem: `baseline ${path} is for ${describe(only)}, not ${describe(report)}` };
  const found = baselines.find((b) => same(b) && !used.has(b));
  if (!found) return { ok: false, problem: `baseline ${path} holds no report for ${describe(report)}` };
  used.add(found);
  return { ok: true, baseline: found };
}
