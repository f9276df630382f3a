import { z } from "zod";
import { pointer } from "./common.js";
import { evidenceGrade, evidenceType } from "./proposal.js";

const base = {
  message: z.string().optional().describe("What to say when the check fails, in place of the generated message."),
};

/** The value at `path` exists and is not empty. */
export const PresentCheck = z.strictObject({
  kind: z.literal("present"),
  path: pointer,
  ...base,
});

/** The text at `path` says something: enough words, and not a placeholder such as TBC. */
export const SubstantiveCheck = z.strictObject({
  kind: z.literal("substantive"),
  path: pointer,
  minWords: z.number().int().min(1).default(12),
  ...base,
});

/** An evidence register item of one of `types` exists and is cited at `citedAt` (or anywhere). */
export const EvidenceCheck = z.strictObject({
  kind: z.literal("evidence"),
  types: z.array(evidenceType).min(1),
  citedAt: pointer.optional().describe("A pointer to a list of evidence ids (or a response) that must cite the item."),
  minGrade: evidenceGrade.optional(),
  ...base,
});

/** The record or list at `path` covers every key in `keys` (or every one of them listed at `within`). */
export const CoversCheck = z.strictObject({
  kind: z.literal("covers"),
  path: pointer,
  keys: z.array(z.string().min(1)).min(1),
  field: z.string().optional().describe("For a list of objects: the field holding the key. Omit for a record or a list of strings."),
  within: pointer
    .optional()
    .describe("A list in the proposal that narrows `keys` to those it names, when it names any: e.g. the age groups a service is designed for."),
  ...base,
});

/** The number at `path` lies within `min` and `max` (inclusive). */
export const RangeCheck = z.strictObject({
  kind: z.literal("range"),
  path: pointer,
  min: z.number().optional(),
  max: z.number().optional(),
  ...base,
});

/** The list at `path` has at least `min` (and at most `max`) items. */
export const CountCheck = z.strictObject({
  kind: z.literal("count"),
  path: pointer,
  min: z.number().int().min(0).default(1),
  max: z.number().int().min(0).optional(),
  ...base,
});

/** The value at `path` equals `value`. */
export const EqualsCheck = z.strictObject({
  kind: z.literal("equals"),
  path: pointer,
  value: z.union([z.string(), z.number(), z.boolean()]),
  ...base,
});

/**
 * Compares two numbers, or two dates, in the proposal: proposed beds below current beds, a carbon cut
 * no bigger than its baseline, an engagement event dated before the document. `left` may hold `*`:
 * every match must compare as stated. `right` may be `$now`, the date the assessment is made.
 */
export const CompareCheck = z.strictObject({
  kind: z.literal("compare"),
  left: pointer,
  op: z.enum(["lt", "le", "eq", "ge", "gt"]),
  right: z.union([pointer, z.literal("$now")]).describe("A pointer, or $now for the assessment date (compares dates)."),
  factor: z.number().optional().describe("Multiplies the right-hand number before comparing, e.g. -1 to compare a change with minus its baseline."),
  match: z
    .enum(["every", "some"])
    .optional()
    .describe(
      "With * in left: every match must compare (every, the default), or at least one must (some), e.g. one engagement activity before the options were fixed.",
    ),
  ifGiven: z
    .boolean()
    .optional()
    .describe("Compare only where both sides are given: when left matches nothing, or either side is absent, the check passes (not_compared)."),
  ...base,
});

/**
 * Every number at `path` is plausible: within `min` and `max`. Where nothing is given there is nothing
 * implausible, so it passes; pair it with `present` or `range` where the figure is required.
 */
export const PlausibleCheck = z.strictObject({
  kind: z.literal("plausible"),
  path: pointer,
  min: z.number().optional(),
  max: z.number().optional(),
  ...base,
});

const consistentBase = { kind: z.literal("consistent"), ...base };

/** A total equals the sum of its parts, e.g. beds by type add up to the beds in total. */
const SumRule = z.strictObject({
  ...consistentBase,
  rule: z.literal("sum"),
  total: pointer,
  parts: pointer.describe("A pointer with a * matching every part, e.g. /beds/byType/*/current."),
  tolerance: z.number().min(0).optional().describe("How far apart the total and the sum may be, for rounded figures (default 0)."),
  atMost: z.boolean().optional().describe("True when the parts need only add up to no more than the total, e.g. beds closed temporarily."),
});

/** `to` minus `from` equals `change`, e.g. proposed beds minus current beds is the stated net change. */
const NetChangeRule = z.strictObject({
  ...consistentBase,
  rule: z.literal("net-change"),
  from: pointer,
  to: pointer,
  change: pointer,
});

/** A reduction (a negative `change`) is no larger than its `baseline`, e.g. a carbon cut. */
const BaselineRule = z.strictObject({
  ...consistentBase,
  rule: z.literal("within-baseline"),
  change: pointer,
  baseline: pointer,
});

/**
 * Figures agree with each other where they are all given; where one is missing there is nothing to
 * compare, so it passes. A disagreement quotes every figure.
 */
export const ConsistentCheck = z.discriminatedUnion("rule", [SumRule, NetChangeRule, BaselineRule]);

/** The value at `path` is valid against a JSON Schema fragment, evaluated by Ajv. */
export const SchemaCheck = z.strictObject({
  kind: z.literal("schema"),
  path: pointer,
  schema: z.record(z.string(), z.unknown()).describe("A JSON Schema (draft-07) fragment."),
  ...base,
});

/** Every check passes. */
export const AllCheck = z.strictObject({
  kind: z.literal("all"),
  get checks() {
    return z.array(Check).min(1);
  },
  ...base,
});

/** At least one check passes. */
export const AnyCheck = z.strictObject({
  kind: z.literal("any"),
  get checks() {
    return z.array(Check).min(1);
  },
  ...base,
});

/** The check fails. */
export const NotCheck = z.strictObject({
  kind: z.literal("not"),
  get check() {
    return Check;
  },
  ...base,
});

/** A custom check registered by a TypeScript caller; its params are validated by the caller's schema. */
export const CustomCheck = z.strictObject({
  kind: z.templateLiteral(["x-", z.string().regex(/^[a-z0-9-]+$/)]).describe("A custom check kind: x- then lowercase letters, digits and -."),
  params: z.record(z.string(), z.unknown()).optional(),
  ...base,
});

/** A declarative check: data, never code. */
export const Check: z.ZodType<CheckSpec, CheckInput> = z
  .union([
    z.discriminatedUnion("kind", [
      PresentCheck,
      SubstantiveCheck,
      EvidenceCheck,
      CoversCheck,
      RangeCheck,
      CountCheck,
      EqualsCheck,
      CompareCheck,
      PlausibleCheck,
      ConsistentCheck,
      SchemaCheck,
      AllCheck,
      AnyCheck,
      NotCheck,
    ]),
    CustomCheck,
  ])
  .meta({ id: "Check" });

type Base = { message?: string | undefined };
type BaseIn = { message?: string | undefined };
/** A check, after defaults are applied. */
export type CheckSpec =
  | z.infer<typeof PresentCheck>
  | z.infer<typeof SubstantiveCheck>
  | z.infer<typeof EvidenceCheck>
  | z.infer<typeof CoversCheck>
  | z.infer<typeof RangeCheck>
  | z.infer<typeof CountCheck>
  | z.infer<typeof EqualsCheck>
  | z.infer<typeof CompareCheck>
  | z.infer<typeof PlausibleCheck>
  | z.infer<typeof ConsistentCheck>
  | z.infer<typeof SchemaCheck>
  | ({ kind: "all"; checks: CheckSpec[] } & Base)
  | ({ kind: "any"; checks: CheckSpec[] } & Base)
  | ({ kind: "not"; check: CheckSpec } & Base)
  | ({ kind: `x-${string}`; params?: Record<string, unknown> | undefined } & Base);

/** A check as written in a framework file. */
export type CheckInput =
  | z.input<typeof PresentCheck>
  | z.input<typeof SubstantiveCheck>
  | z.input<typeof EvidenceCheck>
  | z.input<typeof CoversCheck>
  | z.input<typeof RangeCheck>
  | z.input<typeof CountCheck>
  | z.input<typeof EqualsCheck>
  | z.input<typeof CompareCheck>
  | z.input<typeof PlausibleCheck>
  | z.input<typeof ConsistentCheck>
  | z.input<typeof SchemaCheck>
  | ({ kind: "all"; checks: CheckInput[] } & BaseIn)
  | ({ kind: "any"; checks: CheckInput[] } & BaseIn)
  | ({ kind: "not"; check: CheckInput } & BaseIn)
  | ({ kind: `x-${string}`; params?: Record<string, unknown> | undefined } & BaseIn);

export type CheckKind = CheckSpec["kind"];
