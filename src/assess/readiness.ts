import type { Criterion } from "../model/framework.js";
import type { AssessmentReport, CriterionResult } from "../model/report.js";
import { machineStatus } from "./criterion.js";
import { round } from "./score.js";

type Readiness = AssessmentReport["summary"]["readiness"];

/** Criterion ids in reading order (LDN-2.1 before LDN-10.1); one collator, as building one per comparison is costly. */
const BY_ID = new Intl.Collator("en", { numeric: true }).compare;

const PRESENT = { met: 1, "partially-met": 0.5, "not-met": 0 } as const;

/**
 * Readiness for panel review, decided by the machine alone: is the material each checked criterion
 * reads present? A proposal is ready when every critical and major criterion has its material, whatever
 * a panel later judges of it. Criteria without checks, not applicable, or accepted by waiver are left out.
 */
export function readiness(pairs: { criterion: Criterion; result: CriterionResult }[]): Readiness {
  const checked = pairs.filter(({ result }) => result.checks.length > 0 && result.status !== "not-applicable" && result.waiver?.kind !== "accepted");
  let weight = 0;
  let present = 0;
  const missing: string[] = [];
  for (const { criterion, result } of checked) {
    const machine = machineStatus(result.checks) as keyof typeof PRESENT;
    weight += criterion.weight;
    present += criterion.weight * PRESENT[machine];
    if (machine !== "met" && criterion.severity !== "minor") missing.push(criterion.id);
  }
  // Sorted by id, so the verdict never depends on the order criteria are listed in.
  missing.sort(BY_ID);
  const score = weight > 0 ? round(present / weight) : null;
  const share = score === null ? "nothing to check" : `${Math.round(score * 100)}% of the checked weight has its material`;
  if (missing.length === 0) {
    return { verdict: "ready", score, missing, explanation: `ready for panel review: every critical and major criterion has its material (${share})` };
  }
  const n = missing.length;
  return {
    verdict: "not-ready",
    score,
    missing,
    explanation: `not ready for panel review: ${n} critical or major ${n === 1 ? "criterion lacks" : "criteria lack"} material (${missing.join(", ")}); ${share}`,
  };
}
