import { z } from "zod";

import { criterionId, judgement, principleId, schemaVersion, severity } from "./common.js";
import { BasedOn, mode, Thresholds } from "./framework.js";
import { Waiver } from "./waivers.js";

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
  strengths: z.array(z.string()),
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
  status: z.enum(["not-met", "partially-met", "needs-review"]),
  missing: z.array(z.string()).min(1),
  pointer: z.string(),
  location: location.optional(),
  recommendation: z.string(),
  waived: z.boolean().describe("True when an accepted waiver covers the gap; it does not fail a baseline gate."),
});
export type Gap = z.infer<typeof Gap>;

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
    schemaVersion,
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
      provisional: z.boolean().describe("True while some applicable criteria await a reviewer."),
      score: z.number().min(0).max(1).nullable(),
      coverage: z.number().min(0).max(1).describe("Share of applicable weight that is decided."),
      counts,
      gaps: z.strictObject({ critical: z.number().int().min(0), major: z.number().int().min(0), minor: z.number().int().min(0) }),
      explanation: z.string(),
    }),
    principles: z.array(PrincipleResult),
    gaps: z.array(Gap),
    waivers: z.array(z.strictObject({ waiver: Waiver, applied: z.boolean(), note: z.string() })),
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
