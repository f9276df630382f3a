import { z } from "zod";
import { Check } from "./check.js";
import { criterionId, principleId, schemaRef, schemaVersion, severity, stage, text } from "./common.js";

/** How a criterion is decided. */
export const mode = z
  .enum(["automatic", "review", "automatic+review"])
  .describe("automatic: the checks decide; review: a reviewer decides; automatic+review: the checks are a gate, then a reviewer decides.");
export type Mode = z.infer<typeof mode>;

const reference = z.strictObject({
  title: text,
  publisher: z.string().optional(),
  link: z.string().optional(),
});

export const Criterion = z.strictObject({
  id: criterionId,
  title: text,
  question: text.describe("The question a reviewer would ask."),
  guidance: text.describe("What good looks like, and where in the proposal to put it."),
  severity,
  weight: z.number().min(0).default(1),
  mode,
  appliesWhen: Check.optional().describe("The criterion applies only when this check passes."),
  doesNotApply: text
    .optional()
    .describe("The plain sentence a report gives as the reason when appliesWhen does not hold, e.g. The EqIA records no negative or mixed impact."),
  stages: z
    .array(stage)
    .min(1)
    .optional()
    .describe("The proposal stages at which the criterion applies; at any other stage it is not applicable. Omit to apply at every stage."),
  checks: z.array(Check).default([]),
  recommendation: text.describe("What to do when the criterion is not met."),
  notApplicable: text.optional().describe("Set by a tailored framework: the criterion does not apply, and why."),
  succeeds: z
    .array(criterionId)
    .min(1)
    .optional()
    .describe("Ids of retired criteria this one replaces; a review, waiver or tailored framework that names one is told to use this id."),
  tags: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  references: z.array(reference).default([]),
});
export type Criterion = z.infer<typeof Criterion>;

export const Principle = z.strictObject({
  id: principleId,
  title: text,
  wording: text.describe("The principle's own words, quoted from the source."),
  weight: z.number().min(0).default(1),
  criteria: z.array(Criterion).min(1),
});
export type Principle = z.infer<typeof Principle>;

/** Score thresholds for red/amber/green. */
export const Thresholds = z.strictObject({
  green: z.number().min(0).max(1).describe("A score at or above this is green."),
  amber: z.number().min(0).max(1).describe("A score at or above this (and below green) is amber."),
  minCoverage: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      "The share of applicable weight that must be decided (by the checks or by a reviewer) before a principle or the whole can be green; below it the rating is provisional and at most amber. Default 0.",
    ),
});
export type Thresholds = z.infer<typeof Thresholds>;

export const Source = z.strictObject({
  title: text,
  publisher: text,
  date: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, "YYYY-MM or YYYY-MM-DD")
    .describe("The version date of the source, YYYY-MM or YYYY-MM-DD."),
  link: z.string().optional(),
  quoted: text.describe("What of the framework is quoted from the source."),
  added: text.describe("What the framework adds beyond the source (criteria, weights, checks)."),
});

/** The framework a tailored framework was built from. */
export const BasedOn = z.strictObject({
  id: z.string(),
  version: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const Framework = z
  .strictObject({
    $schema: schemaRef.optional(),
    schemaVersion,
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and -"),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, "a semantic version such as 1.0.0")
      .describe("Semantic version of this framework's content."),
    title: text,
    publisher: text,
    description: z.string().optional(),
    source: Source,
    thresholds: Thresholds.default({ green: 0.8, amber: 0.5 }),
    basedOn: BasedOn.optional().describe("Set on a tailored framework: the framework it extends."),
    principles: z.array(Principle).min(1),
  })
  .meta({ title: "Clinical senate framework" });
export type Framework = z.infer<typeof Framework>;
export type FrameworkInput = z.input<typeof Framework>;

const criterionOverride = z.strictObject({
  weight: z.number().min(0).optional(),
  severity: severity.optional(),
  recommendation: text.optional(),
  notApplicable: text.optional().describe("Mark the criterion not applicable, with the reason."),
});

/**
 * A framework written as changes to another: new weights, severities and thresholds, criteria added,
 * or criteria marked not applicable, so a local system tailors without copying.
 */
export const FrameworkExtension = z
  .strictObject({
    $schema: schemaRef.optional(),
    schemaVersion,
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and -"),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "a semantic version such as 1.0.0"),
    title: text,
    publisher: text,
    description: z.string().optional(),
    extends: text.describe("A built-in framework id (london-2020) or a path relative to this file."),
    source: Source.optional().describe("Defaults to the base framework's source."),
    thresholds: Thresholds.optional(),
    tailor: z
      .strictObject({
        principles: z.record(principleId, z.strictObject({ weight: z.number().min(0) })).optional(),
        criteria: z.record(criterionId, criterionOverride).optional(),
        add: z
          .array(z.strictObject({ principle: principleId, criteria: z.array(Criterion).min(1) }))
          .optional()
          .describe("New criteria, under an existing principle; ids must be new."),
      })
      .default({}),
  })
  .meta({ title: "Tailored clinical senate framework" });
export type FrameworkExtension = z.infer<typeof FrameworkExtension>;

/** What a framework file may hold: a whole framework, or an extension of another. */
export const FrameworkDocument = z.union([Framework, FrameworkExtension]).meta({ title: "Clinical senate framework" });

/** The message tail for an id a framework does not have: which criterion succeeds it, where one does. */
export function successorHint(framework: Framework, id: string): string {
  const successor = framework.principles.flatMap((p) => p.criteria).find((c) => c.succeeds?.includes(id));
  return successor ? `; it was retired, and ${successor.id} succeeds it: name ${successor.id} instead` : "";
}
