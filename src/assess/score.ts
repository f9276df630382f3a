import type { Criterion, Thresholds } from "../model/framework.js";
import type { CriterionResult, Rating, Status } from "../model/report.js";
import type { Evaluated } from "./criterion.js";

/** Scoring options a caller may set. */
export interface ScoringOptions extends Thresholds {
  /** Below this coverage (share of applicable weight decided), a rating is at most amber. Default: the framework's, else 0. */
  minCoverage: number;
}

const CREDIT: Partial<Record<Status, number>> = { met: 1, "partially-met": 0.5, "not-met": 0 };

/** Rounds to 4 decimal places so reports stay stable and readable. */
export function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** What a criterion adds to its principle's score. */
export function contribution(evaluated: Evaluated, weight: number): CriterionResult["contribution"] {
  const credit = evaluated.accepted ? undefined : CREDIT[evaluated.status];
  if (credit === undefined) return { weight, credit: null, counted: false, points: 0 };
  return { weight, credit, counted: true, points: round(weight * credit) };
}

/** Red/amber/green for a score. */
export function ratingFor(score: number | null, t: Thresholds): Rating {
  if (score === null) return "not-rated";
  if (score >= t.green) return "green";
  return score >= t.amber ? "amber" : "red";
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

interface PrincipleScore {
  score: number | null;
  coverage: number;
  rating: Rating;
  ratingReason: string;
  working: {
    countedWeight: number;
    points: number;
    awaitingReviewWeight: number;
    notApplicableWeight: number;
    acceptedWeight: number;
    explanation: string;
  };
}

/** Outcome codes that say material is absent, as opposed to something wrong with what is there. */
const ABSENCE = new Set(["missing", "none_recorded", "non_answer", "empty", "no_evidence", "not_cited"]);

/**
 * True when the checks alone decided a criterion and every check that failed found only absent
 * material. Absent material is what readiness reports, and it earns no credit; a critical override
 * to red is kept for what is wrong with what the proposal says (engagement after the decision, an
 * EqIA without three characteristics, a reviewer's judgement), so that a proposal whose file simply
 * lacks a section is not called a failure of the principle before anyone has judged it.
 */
function absentOnly(r: CriterionResult): boolean {
  if (r.decidedBy !== "checks" || r.mode !== "automatic+review") return false;
  const failed = r.checks.filter((c) => !c.pass);
  return failed.length > 0 && failed.every((c) => ABSENCE.has(c.code));
}

function weightWhere(results: CriterionResult[], test: (r: CriterionResult) => boolean): number {
  return round(results.filter(test).reduce((sum, r) => sum + r.contribution.weight, 0));
}

/** How far the panel has judged a proposal: the applicable criteria that need a reviewer, and how many a reviewer rated. */
export interface PanelJudged {
  needed: number;
  judged: number;
  /** Of those needed, how many a waiver declared not applicable: a waiver is not a judgement. */
  waived: number;
}

/**
 * Counts, over a whole report, the criteria a reviewer must judge that apply to this proposal (by the
 * framework, its stage and its `appliesWhen`), and how many of them carry a reviewer's rating.
 */
export function panelJudged(results: readonly CriterionResult[]): PanelJudged {
  const needed = results.filter((r) => r.mode !== "automatic" && r.decidedBy !== "framework" && r.decidedBy !== "applies-when");
  return {
    needed: needed.length,
    judged: needed.filter((r) => r.review !== undefined && r.status !== "not-applicable").length,
    waived: needed.filter((r) => r.decidedBy === "waiver").length,
  };
}

/** Scores one principle from its criteria, showing the working; `panel` is the whole report's. */
export function scorePrinciple(results: CriterionResult[], criteria: Criterion[], options: ScoringOptions, panel?: PanelJudged): PrincipleScore {
  const counted = weightWhere(results, (r) => r.contribution.counted);
  const points = round(results.reduce((sum, r) => sum + r.contribution.points, 0));
  const awaiting = weightWhere(results, (r) => r.status === "needs-review" && r.waiver?.kind !== "accepted");
  const notApplicable = weightWhere(results, (r) => r.status === "not-applicable");
  const accepted = weightWhere(results, (r) => r.waiver?.kind === "accepted" && !r.contribution.counted);
  const applicable = counted + awaiting + accepted;
  const score = counted > 0 ? round(points / counted) : null;
  const coverage = applicable > 0 ? round(counted / applicable) : 1;
  const parts = [`${points} of ${counted} counted weight`];
  if (awaiting > 0) parts.push(`weight ${awaiting} awaiting review left out`);
  if (notApplicable > 0) parts.push(`weight ${notApplicable} not applicable left out`);
  if (accepted > 0) parts.push(`weight ${accepted} accepted by waiver left out`);
  const explanation = `${parts.join("; ")}${score === null ? ": nothing decided yet" : ` = ${pct(score)}`}; coverage ${pct(coverage)}`;
  // A critical criterion that is not fully met fails its principle: NHS England assurance treats a test
  // that is only partly met as failed, so half credit must not carry it to amber.
  const critical = results.filter(
    (r, i) => (r.status === "not-met" || r.status === "partially-met") && r.contribution.counted && criteria[i]?.severity === "critical" && !absentOnly(r),
  );
  const { rating, ratingReason } = rate(
    score,
    coverage,
    options,
    critical.map((r) => r.id),
    panel,
  );
  return {
    score,
    coverage,
    rating,
    ratingReason,
    working: { countedWeight: counted, points, awaitingReviewWeight: awaiting, notApplicableWeight: notApplicable, acceptedWeight: accepted, explanation },
  };
}

/** True when criteria need a reviewer and the panel has rated none of them: then nothing is green. */
export function unjudged(panel: PanelJudged | undefined): panel is PanelJudged {
  return panel !== undefined && panel.needed > 0 && panel.judged === 0;
}

function unjudgedWorking(panel: PanelJudged): string {
  const waived = panel.waived > 0 ? ` (${panel.waived} of them waived as not applicable, and a waiver is not a judgement)` : "";
  const none =
    panel.needed === 1 ? "the one that needs a reviewer has no reviewer's rating" : `none of the ${panel.needed} that need a reviewer has a reviewer's rating`;
  return `the panel has not judged any criterion of this proposal: ${none}${waived}`;
}

/** A rating and the sentence that explains it; with `panel`, a proposal the panel has not judged is at most amber. */
export function rate(
  score: number | null,
  coverage: number,
  options: ScoringOptions,
  criticalUnmet: string[] = [],
  panel?: PanelJudged,
): { rating: Rating; ratingReason: string } {
  if (criticalUnmet.length > 0) {
    return { rating: "red", ratingReason: `red because critical criteria are not fully met (${criticalUnmet.join(", ")}), whatever the average` };
  }
  const byScore = ratingFor(score, options);
  if (score === null) return { rating: byScore, ratingReason: "not rated: no applicable criterion is decided yet" };
  const band = `score ${pct(score)} against green at ${pct(options.green)} and amber at ${pct(options.amber)}`;
  // Green needs enough of the weight decided and, where a reviewer must judge, some judgement by the panel.
  const limits: string[] = [];
  if (coverage < options.minCoverage)
    limits.push(`only ${pct(coverage)} of the applicable weight is decided, below the ${pct(options.minCoverage)} needed for green; the rest awaits the panel`);
  if (unjudged(panel)) limits.push(unjudgedWorking(panel));
  if (byScore === "green" && limits.length > 0) return { rating: "amber", ratingReason: `provisional amber: ${band}, but ${limits.join("; and ")}` };
  return { rating: byScore, ratingReason: `${byScore}: ${band}` };
}
