import { z } from "zod";

/** Version of every document shape this package reads and writes. */
export const SCHEMA_VERSION = "1" as const;

/** The `schemaVersion` field every document carries. */
export const schemaVersion = z.literal(SCHEMA_VERSION).describe('Version of this document shape. Always "1" for this release.');

/** The optional `$schema` line that editors use for completion. */
export const schemaRef = z.string().describe("Path or URL of the JSON Schema this document follows; used by editors.");

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.iso.date().describe("A calendar date, YYYY-MM-DD.");

/** A UTC instant, `YYYY-MM-DDThh:mm:ssZ`, or a date (read as the end of that day, UTC). */
export const utcInstant = z
  .union([z.iso.datetime(), z.iso.date()])
  .describe("A UTC date-time (ending in Z) or a date, which means the end of that day in UTC.");

/** A JSON pointer (RFC 6901) into a proposal; `*` matches every item of an array or record. */
export const pointer = z
  .string()
  .regex(/^(\/[^/]+)+$/, "must be a JSON pointer such as /equality/eqia")
  .describe("A JSON pointer into the proposal, e.g. /equality/eqia. A * segment matches every item.");

/** Short non-empty text. */
export const text = z.string().min(1);

/** A web link. */
export const link = z
  .string()
  .regex(/^https?:\/\/\S+$/, "must be an http(s) link")
  .describe("An http or https link.");

/** An evidence id, as listed in the proposal's evidence register. */
export const evidenceId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9._-]*$/, "must start with a letter; letters, digits, . _ -")
  .describe("The id of an item in the proposal's evidence register, e.g. E1.");

/** A criterion id: a principle prefix, a number and a sub-number, e.g. LDN-3.1. */
export const criterionId = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*-\d+\.\d+$/, "must look like LDN-3.1")
  .describe("A criterion id, e.g. LDN-3.1.");

/** A principle id, e.g. LDN-3. */
export const principleId = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*-\d+$/, "must look like LDN-3")
  .describe("A principle id, e.g. LDN-3.");

/**
 * Where a proposal is in NHS England's service-change process, in order. `options-appraisal` and
 * `post-implementation-review` are this project's names for the steps either side of the formal stages.
 */
export const STAGES = [
  "case-for-change",
  "options-appraisal",
  "stage-1-sense-check",
  "pre-consultation-business-case",
  "stage-2-assurance",
  "consultation",
  "decision-making-business-case",
  "decision",
  "implementation",
  "post-implementation-review",
] as const;

export const stage = z.enum(STAGES).describe("Where the proposal is in NHS England's service-change process.");
export type Stage = z.infer<typeof stage>;

/** How serious an unmet criterion is. */
export const severity = z.enum(["critical", "major", "minor"]);
export type Severity = z.infer<typeof severity>;

/** What a reviewer may conclude about a criterion. */
export const judgement = z.enum(["met", "partially-met", "not-met", "not-applicable"]);
export type Judgement = z.infer<typeof judgement>;
