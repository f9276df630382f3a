import type { CustomChecks } from "../checks/registry.js";
import { evaluateCheck } from "../checks/registry.js";
import type { CheckContext, CheckOutcome } from "../checks/types.js";
import type { Criterion } from "../model/framework.js";
import type { AssessmentReport, CriterionResult, Status } from "../model/report.js";
import type { Review } from "../model/reviews.js";
import type { Waiver } from "../model/waivers.js";

/** A stage id as words: `pre-consultation-business-case` → "pre-consultation business case". */
export function stageWord(stage: string): string {
  return stage.replace("pre-consultation-", "pre-consultation ").replace("stage-1-", "stage 1 ").replace("stage-2-", "stage 2 ").replace(/-/g, " ");
}

/** A criterion's outcome before scoring. */
export type Evaluated = Omit<CriterionResult, "contribution"> & { accepted: boolean };

/** What the checks alone say: all pass met, some partially met, none not met. */
export function machineStatus(outcomes: CheckOutcome[]): Status {
  const passed = outcomes.filter((o) => o.pass).length;
  if (passed === outcomes.length) return "met";
  return passed === 0 ? "not-met" : "partially-met";
}

const RANK: Record<Status, number> = { "not-met": 0, "partially-met": 1, "needs-review": 1, met: 2, "not-applicable": 2 };

interface Inputs {
  criterion: Criterion;
  ctx: CheckContext;
  custom: CustomChecks;
  review: Review | undefined;
  waiver: Waiver | undefined;
}

/**
 * A criterion's result, its keys in report order. Built field by field rather than by spreading a
 * shared base: an assessment builds one per criterion, and spreads were a measurable part of it.
 */
function resultOf(
  criterion: Criterion,
  review: Review | undefined,
  decided: Pick<Evaluated, "status" | "decidedBy" | "reason">,
  checks: Evaluated["checks"],
): Evaluated {
  const result = {
    id: criterion.id,
    title: criterion.title,
    question: criterion.question,
    severity: criterion.severity,
    mode: criterion.mode,
    recommendation: criterion.recommendation,
    tags: criterion.tags,
  } as Evaluated;
  if (review) result.review = { rating: review.rating, rationale: review.rationale, reviewer: review.reviewer, date: review.date };
  result.accepted = false;
  result.status = decided.status;
  result.decidedBy = decided.decidedBy;
  result.reason = decided.reason;
  result.checks = checks;
  return result;
}

/** Decides one criterion: applies-when, then checks, then a reviewer, then a waiver. */
export function evaluateCriterion({ criterion, ctx, custom, review, waiver }: Inputs): Evaluated {
  if (criterion.notApplicable !== undefined) {
    return resultOf(
      criterion,
      review,
      { status: "not-applicable", decidedBy: "framework", reason: `not applicable in this framework: ${criterion.notApplicable}` },
      [],
    );
  }
  const stage = ctx.proposal.metadata.stage;
  if (criterion.stages && !criterion.stages.includes(stage)) {
    const reason = `does not apply at this stage: it applies at ${criterion.stages.map(stageWord).join(", ")}, and this proposal is at ${stageWord(stage)}`;
    return resultOf(criterion, review, { status: "not-applicable", decidedBy: "applies-when", reason }, []);
  }
  if (criterion.appliesWhen) {
    const applies = evaluateCheck(criterion.appliesWhen, ctx, custom);
    if (!applies.pass)
      return resultOf(
        criterion,
        review,
        { status: "not-applicable", decidedBy: "applies-when", reason: `does not apply: ${criterion.doesNotApply ?? applies.message}` },
        [],
      );
  }
  const checks: Evaluated["checks"] = [];
  for (const check of criterion.checks) {
    const o = evaluateCheck(check, ctx, custom);
    // Written out rather than spread: the same keys in the same order.
    checks.push({ kind: check.kind, pass: o.pass, pointer: o.pointer, code: o.code, values: o.values, message: o.message });
  }
  const result = resultOf(criterion, review, decide(criterion.mode, checks, review), checks);
  if (waiver && !waiverCovers(waiver, checks)) return result;
  if (waiver?.kind === "not-applicable") {
    return {
      ...result,
      status: "not-applicable",
      decidedBy: "waiver",
      reason: `waived as not applicable by ${waiver.approver}: ${waiver.justification}`,
      waiver,
    };
  }
  if (waiver?.kind === "accepted" && result.status !== "met" && result.status !== "not-applicable") {
    return { ...result, accepted: true, waiver, reason: `${result.reason}; accepted by ${waiver.approver} until ${waiver.expires}` };
  }
  return result;
}

/** A waiver limited to a pointer covers a criterion only when every failed check is at or under it. */
export function waiverCovers(waiver: Waiver, checks: CheckOutcome[]): boolean {
  const scope = waiver.pointer;
  if (scope === undefined) return true;
  return checks.filter((c) => !c.pass).every((c) => c.pointer === scope || c.pointer.startsWith(`${scope}/`));
}

/**
 * Decides from the checks and a review. For automatic+review criteria the checks are a gate: while
 * they do not all pass, a reviewer may rate the criterion lower than the gate, never higher.
 */
function decide(mode: Criterion["mode"], checks: Evaluated["checks"], review: Review | undefined): Pick<Evaluated, "status" | "decidedBy" | "reason"> {
  const checkCount = checks.length;
  const machine = checkCount > 0 ? machineStatus(checks) : "needs-review";
  const gate = checkCount === 0 ? "" : machine === "met" ? "the checks pass" : `the checks find it ${words(machine)}`;
  if (mode === "automatic") {
    return { status: machine === "needs-review" ? "needs-review" : machine, decidedBy: "checks", reason: `automatic: ${gate || "no checks"}` };
  }
  const gated = mode === "automatic+review" && machine !== "met" && checkCount > 0;
  if (review && gated && RANK[review.rating] > RANK[machine]) {
    return {
      status: machine,
      decidedBy: "checks",
      reason: `judged ${words(review.rating)} by ${review.reviewer}, but the machine gate caps it at ${words(machine)}: ${checks
        .filter((c) => !c.pass)
        .map((c) => c.message)
        .join("; ")}`,
    };
  }
  if (review) return { status: review.rating, decidedBy: "reviewer", reason: `judged ${words(review.rating)} by ${review.reviewer}` };
  if (gated) return { status: machine, decidedBy: "checks", reason: `the machine gate fails: ${gate}` };
  return { status: "needs-review", decidedBy: "awaiting-review", reason: gate ? `${gate}; a reviewer must now judge` : "a reviewer must judge" };
}

const words = (status: Status) => status.replace("-", " ");

/** True when a reviewer rated better than the checks found: the report flags it. */
export function disagrees(evaluated: Evaluated): Status | undefined {
  const review = evaluated.review;
  if (!review || evaluated.checks.length === 0) return undefined;
  const machine = machineStatus(evaluated.checks);
  if (evaluated.mode === "automatic") return review.rating !== machine ? machine : undefined;
  return RANK[review.rating] > RANK[machine] ? machine : undefined;
}

/** The report's entry for a reviewer who rated a criterion better than its checks found, if they did. */
export function disagreementOf(evaluated: Evaluated): AssessmentReport["disagreements"][number] | undefined {
  const machine = disagrees(evaluated);
  const review = evaluated.review;
  if (!machine || !review) return undefined;
  const failed = evaluated.checks
    .filter((c) => !c.pass)
    .map((c) => c.message)
    .join("; ");
  return {
    criterion: evaluated.id,
    reviewer: review.reviewer,
    reviewerRating: review.rating,
    machineStatus: machine,
    message: `${review.reviewer} judged ${evaluated.id} ${words(review.rating)}, but the checks find it ${words(machine)}: ${failed}`,
  };
}
