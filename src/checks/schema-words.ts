import type { ErrorObject } from "ajv";

const plural = (n: unknown, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;
const list = (values: unknown) => (Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join(", ") : JSON.stringify(values));
const isScalar = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";
// The value is quoted when it is short and plain: "is \"not-yet-known\", not one of …".
const shown = (v: unknown) => (isScalar(v) && String(v).length <= 60 ? `is ${JSON.stringify(v)}, ` : "is ");
const article = (type: unknown) => {
  const t = Array.isArray(type) ? type.join(" or ") : String(type);
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
};

/**
 * JSON Schema failures in plain words, by keyword: never "must NOT be valid". A framework that
 * wants a sentence about its own logic gives the check a `message`, which goes in front of these.
 */
const RULES: Record<string, (p: Record<string, unknown>, found: unknown) => string> = {
  required: (p) => `has no ${String(p.missingProperty)}`,
  type: (p) => `is not ${article(p.type)}`,
  const: (p, found) => `${shown(found)}not ${JSON.stringify(p.allowedValue)}`,
  enum: (p, found) => `${shown(found)}not one of ${list(p.allowedValues)}`,
  minLength: (p) => `is shorter than ${plural(p.limit, "character", "characters")}`,
  maxLength: (p) => `is longer than ${plural(p.limit, "character", "characters")}`,
  minItems: (p) => `has fewer than ${plural(p.limit, "item", "items")}`,
  maxItems: (p) => `has more than ${plural(p.limit, "item", "items")}`,
  minProperties: (p) => `has fewer than ${plural(p.limit, "entry", "entries")}`,
  maxProperties: (p) => `has more than ${plural(p.limit, "entry", "entries")}`,
  minimum: (p) => `is below ${String(p.limit)}`,
  exclusiveMinimum: (p) => `is not above ${String(p.limit)}`,
  maximum: (p) => `is above ${String(p.limit)}`,
  exclusiveMaximum: (p) => `is not below ${String(p.limit)}`,
  multipleOf: (p) => `is not a multiple of ${String(p.multipleOf)}`,
  pattern: () => "is not in the expected form",
  format: (p) => `is not a valid ${String(p.format)}`,
  contains: (p) => (p.maxContains !== undefined ? "has too many items that meet the condition" : "has no item that meets the condition"),
  uniqueItems: () => "has the same item twice",
  additionalProperties: (p) => `has an unexpected field ${String(p.additionalProperty)}`,
  additionalItems: () => "has more items than expected",
  propertyNames: (p) => `has a field name that is not allowed (${String(p.propertyName)})`,
  dependencies: (p) => `has ${String(p.property)} without ${String(p.missingProperty)}`,
  not: (_, found) => (isScalar(found) ? `is ${JSON.stringify(found)}, which the check rules out` : "meets a condition the check rules out"),
  anyOf: () => "meets none of the alternatives the check allows",
  oneOf: () => "does not meet exactly one of the alternatives the check allows",
  if: () => "does not meet the condition that applies to it",
  false: () => "is not allowed here",
};

/**
 * One schema failure as words after a pointer ("has no mitigation", "is "opposes", not one of …"),
 * given the value found where it failed.
 */
export function schemaWords(error: ErrorObject | undefined, found: unknown): string {
  if (!error) return "is not as required";
  return RULES[error.keyword]?.(error.params as Record<string, unknown>, found) ?? "is not as required";
}
