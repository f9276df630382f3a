import { sha256 } from "../model/hash.js";
import type { CriterionResult, Gap, PrincipleResult } from "../model/report.js";
import type { Locator } from "../source/positions.js";

const SEVERITY_ORDER = { critical: 0, major: 1, minor: 2 } as const;
const ABSENT = new Set(["missing", "empty", "none_recorded"]);

/** A gap's identity across reports: criterion, where, and what was found. */
export function fingerprint(criterion: string, pointer: string, missing: string[]): string {
  return sha256([criterion, pointer, ...missing].join("\n")).slice(0, 16);
}

function gapFor(principle: PrincipleResult, result: CriterionResult, locate: Locator | undefined, file: string | undefined): Gap | undefined {
  const status = result.status;
  // Criteria awaiting the panel are questions for it, never gaps: they are listed in forPanel.
  if (status !== "not-met" && status !== "partially-met") return undefined;
  // A value found absent is said once: later checks that could not read it repeat an earlier finding.
  const failed = result.checks.filter((c, i, all) => !c.pass && !(ABSENT.has(c.code) && all.some((o, j) => j < i && !o.pass && o.pointer === c.pointer)));
  let missing: string[];
  if (result.decidedBy === "reviewer")
    missing = [`${result.review?.reviewer ?? "a reviewer"} judged it ${status.replace("-", " ")}: ${result.review?.rationale ?? ""}`];
  else missing = failed.map((c) => c.message);
  if (missing.length === 0) missing = [result.reason];
  const pointer = (failed[0] ?? result.checks[0])?.pointer ?? "";
  const at = locate && pointer ? locate(pointer) : undefined;
  return {
    fingerprint: fingerprint(result.id, pointer, missing),
    criterion: result.id,
    principle: principle.id,
    title: result.title,
    severity: result.severity,
    status,
    missing,
    pointer,
    ...(at ? { location: { ...(file === undefined ? {} : { file }), line: at.line, column: at.column } } : {}),
    recommendation: result.recommendation,
    waived: result.waiver?.kind === "accepted",
  };
}

/** Every gap, ordered by severity, then principle and criterion order. */
export function collectGaps(principles: PrincipleResult[], locate: Locator | undefined, file: string | undefined): Gap[] {
  const gaps = principles.flatMap((p) => p.criteria.map((c) => gapFor(p, c, locate, file)).filter((g): g is Gap => g !== undefined));
  const order = new Map(gaps.map((g, i) => [g, i]));
  return gaps.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
