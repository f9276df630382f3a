import { type CustomCheckDefinition, checkContext, customChecks } from "../checks/registry.js";
import { frameworkHash } from "../framework/load.js";
import type { Framework } from "../model/framework.js";
import { canonicalJson, sha256 } from "../model/hash.js";
import type { Result } from "../model/issue.js";
import type { Proposal } from "../model/proposal.js";
import type { AssessmentReport, CriterionResult, PrincipleResult, Status } from "../model/report.js";
import type { Reviews } from "../model/reviews.js";
import type { LoadedFramework, ReportOf, ReviewsOf, WaiversOf } from "../model/typed-ids.js";
import type { Waiver, Waivers } from "../model/waivers.js";
import type { ParsedProposal } from "../proposal/parse.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { assessArgumentIssues } from "./arguments.js";
import { disagreementOf, evaluateCriterion } from "./criterion.js";
import { collectGaps } from "./gaps.js";
import { panelItem } from "./panel.js";
import { planFor } from "./plan.js";
import { readiness } from "./readiness.js";
import { resolveReviews, resolveWaivers, type Sourced, waiverWarnings } from "./inputs.js";
import { contribution, panelJudged, rate, round, type ScoringOptions, scorePrinciple, unjudged } from "./score.js";

/** Everything `assess` takes besides the proposal and framework. Nothing here is read from the environment. */
export interface AssessOptions<Id extends string = string> {
  /** Written in code, they may name only the framework's criteria; parsed from a file, they are checked when assessed. */
  reviews?: ReviewsOf<Id> | Sourced<Reviews>;
  waivers?: WaiversOf<Id> | Sourced<Waivers>;
  /**
   * The assessment date: waiver expiry, and dates that may not lie in the future, are judged against it.
   * A valid Date; the current time when omitted (pass one for a reproducible report).
   */
  now?: Date;
  /** A waiver expiring within this many days of `now` gives a warning in the report (default 30). */
  waiverWarningDays?: number;
  /** Override the framework's thresholds (each from 0 to 1, amber at or below green), and set a minimum coverage for green. */
  thresholds?: Partial<ScoringOptions>;
  /** Custom checks the framework uses. */
  checks?: readonly CustomCheckDefinition<unknown>[];
  /** A timestamp to record in the report; omitted by default so reports are byte-identical. */
  generatedAt?: string;
}

function sourced<T extends object>(doc: T | Sourced<T> | undefined): Sourced<T> | undefined {
  if (doc === undefined) return undefined;
  return "value" in doc && typeof (doc as Sourced<T>).value === "object" ? (doc as Sourced<T>) : { value: doc as T };
}

function isParsed(p: Proposal | ParsedProposal): p is ParsedProposal {
  return "proposal" in p && "locate" in p;
}

function isLoaded(f: Framework | LoadedFramework): f is LoadedFramework {
  return "framework" in f && "sha256" in f;
}

function waiverNote(waiver: Waiver, applied: boolean, target: CriterionResult | undefined): string {
  if (applied) return waiver.kind === "accepted" ? "gap accepted" : "criterion marked not applicable";
  if (target?.status === "met") return "not applied: the criterion is met";
  if (target?.decidedBy === "applies-when") return "not applied: the criterion already does not apply";
  return "not applied: some failures lie outside the waiver's pointer";
}

/** Awaiting the panel: needs review and not accepted by a waiver. */
function awaits(c: CriterionResult): boolean {
  return c.status === "needs-review" && c.waiver?.kind !== "accepted";
}

/** What was found for a met criterion, in the words of its passing checks or its reviewer. */
function strength(c: CriterionResult): string {
  if (c.decidedBy === "reviewer")
    return `${c.id} ${c.title}: judged met by ${c.review?.reviewer ?? "a reviewer"}${c.review?.rationale ? `: ${c.review.rationale}` : ""}`;
  const found = c.checks.filter((k) => k.pass).map((k) => k.message);
  return `${c.id} ${c.title}: ${found.length > 0 ? found.join("; ") : c.reason}`;
}

function evidenceSummary(proposal: Proposal): AssessmentReport["summary"]["evidence"] {
  const items = proposal.evidence ?? [];
  const ungraded = items.filter((e) => e.grade === undefined).map((e) => e.id);
  return { items: items.length, graded: items.length - ungraded.length, ungraded };
}

/** How many days before a waiver expires the report starts to warn of it. */
export const DEFAULT_WAIVER_WARNING_DAYS = 30;

const STATUSES: Status[] = ["met", "partially-met", "not-met", "needs-review", "not-applicable"];

/**
 * Assesses a proposal against a framework: each criterion's status with the evidence looked at,
 * scores and ratings with their working, and every gap. Pure but for the clock (see `now`): values in, a report out. Never throws on
 * bad arguments: a proposal or framework that breaks its schema, or an invalid option (`now`, thresholds
 * out of range or out of order), comes back as issues. Reads the clock only when `now` is not given.
 */
export function assess<Id extends string = string>(
  input: Proposal | ParsedProposal,
  frameworkInput: Framework | LoadedFramework<Id>,
  options: AssessOptions<NoInfer<Id>> = {},
): Result<ReportOf<Id>> {
  const bad = assessArgumentIssues(input, frameworkInput, options);
  if (bad.length > 0) return { ok: false, issues: bad };
  const parsed = isParsed(input) ? input : undefined;
  const proposal = parsed ? parsed.proposal : (input as Proposal);
  const framework = isLoaded(frameworkInput) ? frameworkInput.framework : frameworkInput;
  const plan = planFor(framework);
  const frameworkSha = isLoaded(frameworkInput) ? frameworkInput.sha256 : plan.sha256();
  const reviewsDoc = sourced(options.reviews);
  const waiversDoc = sourced(options.waivers);
  // The only clock the library reads, and only when the caller gives no date.
  const now = options.now ?? new Date();
  const reviews = resolveReviews(reviewsDoc, framework, proposal.metadata.id, now);
  const waivers = resolveWaivers(waiversDoc, framework, now);
  const issues = [...reviews.issues, ...waivers.issues];
  if (issues.length > 0) return { ok: false, issues };

  const scoring: ScoringOptions = { ...framework.thresholds, minCoverage: framework.thresholds.minCoverage ?? 0, ...options.thresholds };
  const custom = customChecks(options.checks);
  const ctx = checkContext(proposal, custom, now);
  const disagreements: AssessmentReport["disagreements"] = [];

  const decided: CriterionResult[][] = framework.principles.map((principle) =>
    principle.criteria.map((criterion) => {
      const evaluated = evaluateCriterion({
        criterion,
        ctx,
        custom,
        review: reviews.byCriterion.get(criterion.id),
        waiver: waivers.byCriterion.get(criterion.id),
      });
      const disagreement = disagreementOf(evaluated);
      if (disagreement) disagreements.push(disagreement);
      const { accepted: _accepted, ...rest } = evaluated;
      // Added last, as a spread would put it, without copying the result again.
      const result = rest as CriterionResult;
      result.contribution = contribution(evaluated, criterion.weight);
      return result;
    }),
  );
  // Whether the panel has judged anything is a question about the whole report, asked before any principle is rated.
  const panel = panelJudged(decided.flat());
  const principles: PrincipleResult[] = framework.principles.map((principle, i) => {
    const criteria = decided[i] ?? [];
    const score = scorePrinciple(criteria, principle.criteria, scoring, panel);
    const strengths = criteria.filter((c) => c.status === "met").map(strength);
    const awaitingReview = criteria.filter(awaits).length;
    return { id: principle.id, title: principle.title, wording: principle.wording, weight: principle.weight, ...score, strengths, awaitingReview, criteria };
  });

  const all = principles.flatMap((p) => p.criteria);
  const rated = principles.filter((p) => p.score !== null);
  const totalWeight = rated.reduce((s, p) => s + p.weight, 0);
  const score = totalWeight > 0 ? round(rated.reduce((s, p) => s + p.weight * (p.score ?? 0), 0) / totalWeight) : null;
  const counted = all.filter((c) => c.contribution.counted).reduce((s, c) => s + c.contribution.weight, 0);
  const applicable = all.filter((c) => c.status !== "not-applicable").reduce((s, c) => s + c.contribution.weight, 0);
  const coverage = applicable > 0 ? round(counted / applicable) : 1;
  let overall = rate(score, coverage, scoring, [], panel);
  const red = principles.filter((p) => p.rating === "red").map((p) => p.id);
  if (overall.rating === "green" && red.length > 0) {
    overall = { rating: "amber", ratingReason: `amber: the score is in the green band, but ${red.join(", ")} ${red.length === 1 ? "is" : "are"} red` };
  }
  const gaps = collectGaps(principles, parsed?.locate, parsed?.file);
  const pairs = plan.criteria.map(({ principle, criterion, at: [i, j] }) => ({ principle, criterion, result: principles[i]?.criteria[j] as CriterionResult }));
  const forPanel = pairs
    .filter(({ result }) => awaits(result))
    .map(({ principle, criterion, result }) => panelItem(principle, criterion, result, proposal, parsed?.locate, parsed?.file));
  const belowCoverage = coverage < scoring.minCoverage;
  const counts = Object.fromEntries(STATUSES.map((s) => [s, all.filter((c) => c.status === s).length])) as Record<Status, number>;
  const open = gaps.filter((g) => !g.waived);
  const inputs: AssessmentReport["inputs"] = [
    { role: "proposal", ...(parsed?.file === undefined ? {} : { file: parsed.file }), sha256: parsed?.sha256 ?? sha256(canonicalJson(proposal)) },
    { role: "framework", ...(isLoaded(frameworkInput) && frameworkInput.file !== undefined ? { file: frameworkInput.file } : {}), sha256: frameworkSha },
  ];
  for (const [role, doc] of [
    ["reviews", reviewsDoc],
    ["waivers", waiversDoc],
  ] as const) {
    if (doc) inputs.push({ role, ...(doc.file === undefined ? {} : { file: doc.file }), sha256: doc.sha256 ?? sha256(canonicalJson(doc.value)) });
  }
  const warnings = waiverWarnings(waiversDoc, now, options.waiverWarningDays ?? DEFAULT_WAIVER_WARNING_DAYS);
  const weightedBy = principles.map((p) => `${p.id} ${p.score === null ? "not rated" : `${Math.round(p.score * 100)}%`} × ${p.weight}`).join(", ");

  return {
    ok: true,
    value: {
      schemaVersion: "2",
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
      framework: {
        id: framework.id,
        version: framework.version,
        title: framework.title,
        publisher: framework.publisher,
        sha256: frameworkSha,
        thresholds: { green: scoring.green, amber: scoring.amber },
        ...(framework.basedOn ? { basedOn: framework.basedOn } : {}),
      },
      proposal: {
        id: proposal.metadata.id,
        title: proposal.metadata.title,
        version: proposal.metadata.version,
        stage: proposal.metadata.stage,
        sponsor: proposal.metadata.sponsor,
        ...(parsed?.file === undefined ? {} : { file: parsed.file }),
      },
      inputs,
      summary: {
        ...overall,
        provisional: forPanel.length > 0 || belowCoverage || unjudged(panel),
        awaitingReview: forPanel.length,
        readiness: readiness(pairs),
        evidence: evidenceSummary(proposal),
        score,
        coverage,
        counts,
        gaps: {
          critical: open.filter((g) => g.severity === "critical").length,
          major: open.filter((g) => g.severity === "major").length,
          minor: open.filter((g) => g.severity === "minor").length,
        },
        explanation: `overall score is the weighted mean of rated principles (${weightedBy})`,
      },
      principles,
      // Each gap is one of the framework's own criteria, so its id has the framework's id type.
      gaps: gaps as ReportOf<Id>["gaps"],
      forPanel,
      waivers: (waiversDoc?.value.waivers ?? []).map((waiver) => {
        const target = all.find((c) => c.id === waiver.criterion);
        const applied = target?.waiver === waiver;
        return { waiver, applied, note: waiverNote(waiver, applied, target) };
      }),
      disagreements,
      ...(warnings.length > 0 ? { warnings } : {}),
    },
  };
}
