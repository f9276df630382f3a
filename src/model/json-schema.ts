import { z } from "zod";
import { Crosswalk } from "./crosswalk.js";
import { FrameworkDocument } from "./framework.js";
import { Proposal } from "./proposal.js";
import { AssessmentReport } from "./report.js";
import { Reviews } from "./reviews.js";
import { Waivers } from "./waivers.js";

/** The document shapes published as JSON Schemas, by file stem. */
export const PUBLISHED = {
  proposal: Proposal,
  framework: FrameworkDocument,
  reviews: Reviews,
  waivers: Waivers,
  report: AssessmentReport,
  crosswalk: Crosswalk,
} as const satisfies Record<string, z.ZodType>;

export type SchemaName = keyof typeof PUBLISHED;

const BASE_ID = "https://github.com/nhs-senate/senate-principles/schemas/";

/**
 * Drops `format` wherever a `pattern` says the same thing, so the schema needs no format
 * plug-in: strict Ajv compiles it as it is, and every validator agrees with zod.
 */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "format" && "pattern" in node) continue;
    if (key === "maximum" && value === Number.MAX_SAFE_INTEGER) continue;
    if (key === "minimum" && value === Number.MIN_SAFE_INTEGER) continue;
    out[key] = tidy(value);
  }
  return out;
}

/** The published JSON Schema (draft-07) of one document shape. */
export function jsonSchemaFor(name: SchemaName): Record<string, unknown> {
  const raw = z.toJSONSchema(PUBLISHED[name], { target: "draft-7", io: "input", unrepresentable: "any" });
  const { $schema, ...rest } = tidy(raw) as Record<string, unknown>;
  return { $schema, $id: `${BASE_ID}${name}.schema.json`, ...rest };
}
