import { z } from "zod";

import { criterionId, judgement, principleId, severity } from "./common.js";
import { BasedOn, mode, Thresholds } from "./framework.js";
import { Waiver } from "./waivers.js";

/** The report's own shape version. "1" was 0.2's, with needs-review criteria listed as gaps. */
export const REPORT_SCHEMA_VERSION = z.literal("2");

/** A criterion's outcome. */
export const status = z.enum(["met", "partially-met", "not-met", "needs-review", "not-applicable"]);
export type Status = z.infer<typeof status>;

/** Red/amber/green, or not rated when nothing could be decided. */
export const rating = z.enum(["green", "amber", "red", "not-rated"]);
export type Rating = z.infer<typeof rating>;

const location = z.strictObject({
  file: z.string().optional(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});
export type SourceLocation = z.infer<typeof location>;

const checkResult = z.strictObject({
  kind: z.string(),
  pass: z.boolean(),
  pointer: z.string(),
  code: z.string().default("").describe("What the check found, in snake_case (missing, non_answer, too_few_words …); empty in reports written before 0.3."),
  values: z
    .record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))
    .default({})
    .describe("The values behind the code, e.g. { words: 26, minWords: 40 }; the message is rendered from them."),
  message: z.string(),
});

const contribution = z.strictObject({
  weight: z.number().min(0),
  credit: z.number().min(0).max(1).nullable().describe("1 met, 0.5 partially met, 0 not met; null when not counted."),
  counted: z.boolean().describe("Whether the weight is in the principle's denominator."),
  points: z.number().min(0),
});

export const CriterionResult = z.strictObject({
  id: criterionId,
  title: z.string(),
  question: z.string(),
  severity,
  mode,
  status,
  decidedBy: z.enum(["checks", "reviewer", "waiver", "applies-when", "framework", "awaiting-review"]),
  reason: z.string().describe("Why the criterion has this status, in a sentence."),
  checks: z.array(checkResult),
  review: z.strictObject({ rating: judgement, rationale: z.string(), reviewer: z.string(), date: z.string() }).optional(),
  waiver: Waiver.optional(),
  contribution,
  recommendation: z.string(),
  tags: z.array(z.string()),
});
export type CriterionResult = z.infer<typeof CriterionResult>;

const working = z.strictObject({
  countedWeight: z.number().min(0),
  points: z.number().min(0),
  awaitingReviewWeight: z.number().min(0),
  notApplicableWeight: z.number().min(0),
  acceptedWeight: z.number().min(0),
  explanation: z.string(),
});

export const PrincipleResult = z.strictObject({
  id: principleId,
  title: z.string(),
  wording: z.string(),
  weight: z.number().min(0),
  score: z.number().min(0).max(1).nullable(),
  coverage: z.number().min(0).max(1),
  rating,
  ratingReason: z.string(),
  strengths: z.array(z.string()).describe("What was found for each met criterion."),
  awaitingReview: z.number().int().min(0).describe("Applicable criteria awaiting the panel's judgement."),
  working,
  criteria: z.array(CriterionResult),
});
export type PrincipleResult = z.infer<typeof PrincipleResult>;

export const Gap = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  criterion: criterionId,
  principle: principleId,
  title: z.string(),
  severity,
  status: z.enum(["not-met", "partially-met"]),
  missing: z.array(z.string()).min(1),
  pointer: z.string(),
  location: location.optional(),
  recommendation: z.string(),
  waived: z.boolean().describe("True when an accepted waiver covers the gap; it does not fail a baseline gate."),
});
export type Gap = z.infer<typeof Gap>;

/** A criterion that awaits the panel: its question, what the proposal offers, and what to weigh. Never a gap. */
export const PanelItem = z.strictObject({
  criterion: criterionId,
  principle: principleId,
  title: z.string(),
  severity,
  weight: z.number().min(0),
  question: z.string(),
  offers: z
    .array(z.strictObject({ pointer: z.string(), excerpt: z.string(), location: location.optional() }))
    .describe("The places the criterion's checks read and found material, each with a short excerpt."),
  evidence: z
    .array(z.strictObject({ id: z.string(), title: z.string(), type: z.string(), grade: z.string().optional() }))
    .describe("Evidence register items cited where the checks read, with their GRADE grade when one is given."),
  weigh: z.string().describe("What the panel should weigh in judging it."),
});
export type PanelItem = z.infer<typeof PanelItem>;

/** Something that does not fail the assessment today but will soon, such as a waiver about to expire. */
export const ReportWarning = z.strictObject({
  code: z.literal("waiver_expiring").describe("waiver_expiring: a waiver expires within the warning window."),
  criterion: criterionId,
  expires: z.string().describe("The waiver's expiry, as written."),
  daysLeft: z.number().int().min(0).describe("Whole days from the assessment date to the expiry."),
  message: z.string(),
  pointer: z.string().describe("Where the expiry is in the waivers file."),
  location: location.optional(),
});
export type ReportWarning = z.infer<typeof ReportWarning>;

const counts = z.strictObject({
  met: z.number().int().min(0),
  "partially-met": z.number().int().min(0),
  "not-met": z.number().int().min(0),
  "needs-review": z.number().int().min(0),
  "not-applicable": z.number().int().min(0),
});

const input = z.strictObject({
  role: z.enum(["proposal", "framework", "reviews", "waivers"]),
  file: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const AssessmentReport = z
  .strictObject({
    schemaVersion: REPORT_SCHEMA_VERSION.describe('Version of the report shape: "2" since 0.3 (reports of 0.2 and earlier are "1").'),
    tool: z.strictObject({ name: z.literal("senate-principles"), version: z.string() }),
    generatedAt: z.string().optional().describe("Only when asked for: reports are otherwise byte-identical across runs."),
    framework: z.strictObject({
      id: z.string(),
      version: z.string(),
      title: z.string(),
      publisher: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      thresholds: Thresholds,
      basedOn: BasedOn.optional().describe("For a tailored framework: the framework it extends."),
    }),
    proposal: z.strictObject({
      id: z.string(),
      title: z.string(),
      version: z.string(),
      stage: z.string(),
      sponsor: z.string(),
      file: z.string().optional(),
    }),
    inputs: z.array(input),
    summary: z.strictObject({
      rating,
      ratingReason: z.string(),
      provisional: z
        .boolean()
        .describe(
          "True while some applicable criteria await a reviewer, coverage is below the framework's minimum, or no criterion that needs a reviewer has been rated by one.",
        ),
      awaitingReview: z.number().int().min(0).describe("Applicable criteria awaiting the panel's judgement; listed in forPanel."),
      readiness: z
        .strictObject({
          verdict: z.enum(["ready", "not-ready"]).describe("ready: the material the panel needs is present for every critical and major criterion."),
          score: z
            .number()
            .min(0)
            .max(1)
            .nullable()
            .describe("Share of the weight of checked criteria whose material is present (partly present counts half)."),
          missing: z.array(criterionId).describe("Critical and major criteria whose material is missing or incomplete."),
          explanation: z.string(),
        })
        .describe("Readiness for panel review: whether the material a panel needs is present. The machine decides it; the rating also needs the panel."),
      evidence: z
        .strictObject({
          items: z.number().int().min(0),
          graded: z.number().int().min(0),
          ungraded: z.array(z.string()).describe("Ids of evidence register items with no GRADE grade. Ungraded evidence still counts."),
        })
        .describe("The evidence register: how many items, and which carry no GRADE grade."),
      score: z.number().min(0).max(1).nullable(),
      coverage: z.number().min(0).max(1).describe("Share of applicable weight that is decided."),
      counts,
      gaps: z.strictObject({ critical: z.number().int().min(0), major: z.number().int().min(0), minor: z.number().int().min(0) }),
      explanation: z.string(),
    }),
    principles: z.array(PrincipleResult),
    gaps: z.array(Gap).describe("Criteria not met or partially met, by severity then principle. Criteria awaiting review are in forPanel, never here."),
    forPanel: z.array(PanelItem).describe("Criteria awaiting the panel's judgement, in framework order."),
    waivers: z.array(z.strictObject({ waiver: Waiver, applied: z.boolean(), note: z.string() })),
    warnings: z
      .array(ReportWarning)
      .optional()
      .describe("Warnings that do not change the rating: waivers expiring within the warning window. Absent when there are none."),
    disagreements: z.array(
      z.strictObject({
        criterion: criterionId,
        reviewer: z.string(),
        reviewerRating: judgement,
        machineStatus: status,
        message: z.string(),
      }),
    ),
  })
  .meta({ title: "Clinical senate assessment report" });
export type AssessmentReport = z.infer<typeof AssessmentReport>;

type Loose = Record<string, unknown>;
const isLoose = (v: unknown): v is Loose => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter(isLoose) : []);

/**
 * Carries a shape "1" report (0.2) over to shape "2", so old baselines keep working: its needs-review
 * gaps become panel items (they were never gaps), and what 0.2 did not record (readiness, the evidence
 * summary) is marked as not recorded. Anything else passes through untouched, to be validated.
 */
export function upgradeReport(value: unknown): unknown {
  if (!isLoose(value) || value.schemaVersion !== "1" || !isLoose(value.summary)) return value;
  const gaps = list(value.gaps);
  const awaiting = gaps.filter((g) => g.status === "needs-review");
  const principles = list(value.principles).map((p) => ({ ...p, awaitingReview: list(p.criteria).filter((c) => c.status === "needs-review").length }));
  return {
    ...value,
    schemaVersion: "2",
    principles,
    gaps: gaps.filter((g) => g.status !== "needs-review"),
    forPanel: awaiting.map((g) => ({
      criterion: g.criterion,
      principle: g.principle,
      title: g.title,
      severity: g.severity,
      weight: 0,
      question: Array.isArray(g.missing) ? String(g.missing[0] ?? "") : "",
      offers: [],
      evidence: [],
      weigh: g.recommendation,
    })),
    summary: {
      ...value.summary,
      awaitingReview: awaiting.length,
      readiness: {
        verdict: "not-ready",
        score: null,
        missing: [],
        explanation: "not recorded: the report was written by senate-principles 0.2 (report shape 1)",
      },
      evidence: { items: 0, graded: 0, ungraded: [] },
    },
  };
}

/** A stored report of either shape, read as the current one (for baselines and `senate diff`). */
export const StoredReport = z.preprocess(upgradeReport, AssessmentReport);
