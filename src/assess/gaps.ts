import { sha256 } from "../model/hash.js";
import type { CriterionResult, Gap, PrincipleResult } from "../model/report.js";
import type { Locator } from "../source/positions.js";
import type { CheckOutcome } from "../checks/types.js";

const SEVERITY_ORDER = { critical: 0, major: 1, minor: 2 } as const;
const ABSENT = new Set(["missing", "empty", "none_recorded"]);

/** A sha256 of a criterion, a pointer and some parts, shortened to 16 hex digits: the shape of every fingerprint. */
export function fingerprint(criterion: string, pointer: string, parts: string[]): string {
  return sha256([criterion, pointer, ...parts].join("\n")).slice(0, 16);
}

/**
 * What a gap's fingerprint was before version 0.4 (`senateGap/v1`): a hash of the criterion, the
 * pointer and the wording of what was found, so any change of wording changed it. A report's gap
 * whose fingerprint is this is an old one (src/report/diff.ts pairs it by criterion and pointer).
 */
export function legacyFingerprint(gap: Pick<Gap, "criterion" | "pointer" | "missing">): string {
  return fingerprint(gap.criterion, gap.pointer, gap.missing);
}

/** Values that hold sentences (a nested check's message, a schema error in words): wording, so not identity. */
const WORDING = new Set(["alternatives", "details", "detail", "reason"]);

/** A failed check as identity: its code and values (sorted, wording left out), never its message. */
function identity(check: CheckOutcome): string {
  const values = Object.keys(check.values)
    .filter((k) => !WORDING.has(k))
    .sort()
    .map((k) => `${k}=${JSON.stringify(check.values[k])}`);
  return [check.code, ...values].join(" ");
}

/**
 * A gap's identity across reports (`senateGap/v2`): its criterion, where, and what was found as
 * codes and values (for a reviewer's decision, the status they gave), so rewording a message or a
 * framework's own message never changes it, and a different finding always does.
 */
export function gapFingerprint(criterion: string, pointer: string, result: Pick<CriterionResult, "decidedBy" | "status" | "checks">): string {
  const failed = result.checks.filter((c) => !c.pass);
  const found =
    result.decidedBy === "reviewer" ? [`reviewer ${result.status}`] : failed.length > 0 ? failed.map(identity) : [`${result.decidedBy} ${result.status}`];
  return fingerprint(criterion, pointer, ["senateGap/v2", ...found]);
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
    fingerprint: gapFingerprint(result.id, pointer, result),
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
