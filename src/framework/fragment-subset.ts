// Which JSON Schema fragments src/framework/fragment.ts runs itself: the keywords it implements, in
// Ajv's groups and order, with values Ajv would accept (anything else is compiled by Ajv, which
// also reports the fragments that are invalid).

import { canonicalJson } from "../model/hash.js";

export type Schema = Record<string, unknown>;

const TYPES = new Set(["string", "number", "integer", "boolean", "null", "object", "array"]);
/** Ajv's keyword groups, in its order; `type`, `then` and `else` generate no code but make their group count as used. */
export const GROUPS: [string, string[]][] = [
  ["", ["type", "const", "enum", "not", "anyOf", "if", "then", "else"]],
  ["number", ["maximum", "minimum"]],
  ["string", ["maxLength", "minLength"]],
  ["array", ["maxItems", "minItems", "items", "contains"]],
  ["object", ["required", "additionalProperties", "properties"]],
];
const KEYWORDS = new Set(GROUPS.flatMap(([, keys]) => keys));
export const NO_CODE = new Set(["type", "then", "else"]);

export const isObject = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0;
/** Ajv's alwaysValidSchema, for the schemas taken here: one with no keyword at all. */
export const alwaysValid = (schema: unknown) => isObject(schema) && Object.keys(schema).length === 0;

function validType(t: unknown): boolean {
  if (typeof t === "string") return TYPES.has(t);
  return Array.isArray(t) && t.length > 0 && t.every((x) => typeof x === "string" && TYPES.has(x)) && new Set(t).size === t.length;
}

/**
 * True when the fragment uses only keywords (with well-formed values) this interpreter answers exactly
 * as Ajv. `contains` is left to Ajv inside a loop (items, additionalProperties, contains): there Ajv's
 * generated code reuses its verdict for an empty list from the previous element.
 */
export function interpretable(schema: unknown, inLoop = false): boolean {
  if (!isObject(schema)) return false;
  const sub = (v: unknown) => interpretable(v, inLoop);
  const looped = (v: unknown) => interpretable(v, true);
  return Object.entries(schema).every(([k, v]) => {
    if (!KEYWORDS.has(k)) return false;
    switch (k) {
      case "type":
        return validType(v);
      case "const":
        return true;
      case "enum":
        return Array.isArray(v) && v.length > 0 && distinct(v);
      case "maximum":
      case "minimum":
        return typeof v === "number" && Number.isFinite(v);
      case "required":
        return Array.isArray(v) && v.every((x) => typeof x === "string") && new Set(v).size === v.length;
      case "properties":
        return isObject(v) && Object.values(v).every(sub);
      case "additionalProperties":
        return typeof v === "boolean" || looped(v);
      case "anyOf":
        return Array.isArray(v) && v.length > 0 && v.every(sub);
      case "if": // Ajv's strict mode rejects an `if` without `then` or `else`, and those without `if`
        return (schema.then !== undefined || schema.else !== undefined) && sub(v);
      case "then":
      case "else":
        return schema.if !== undefined && sub(v);
      case "not":
        return sub(v);
      case "items":
        return looped(v);
      case "contains":
        return !inLoop && looped(v);
      default:
        return isCount(v);
    }
  });
}

/** fast-deep-equal, as Ajv uses for `const` and object `enum` values. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === "object" && typeof b === "object") {
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => equal(x, (b as unknown[])[i]));
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal((a as Schema)[k], (b as Schema)[k]));
  }
  return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}

/**
 * Buckets of values that may be equal (as `equal` judges): the same primitive, or the same canonical
 * JSON, which NaN, the infinities and null share, so members are compared with `equal` after.
 */
export class ValueSet {
  private readonly primitives = new Set<unknown>();
  private readonly objects = new Map<string, unknown[]>();

  /** Adds a value; false when an equal one is already there. */
  add(value: unknown): boolean {
    if (typeof value !== "object" || value === null) {
      if (this.primitives.has(value)) return false;
      this.primitives.add(value);
      return true;
    }
    const key = canonicalJson(value);
    const bucket = this.objects.get(key) ?? [];
    if (bucket.some((x) => equal(x, value))) return false;
    bucket.push(value);
    this.objects.set(key, bucket);
    return true;
  }

  /** True when an allowed value matches, as Ajv's enum does: `===` for primitives, `equal` for objects. */
  matches(value: unknown): boolean {
    if (typeof value !== "object" || value === null) return !Number.isNaN(value) && this.primitives.has(value);
    return (this.objects.get(canonicalJson(value)) ?? []).some((x) => equal(value, x));
  }
}

/** True when no two values are equal: one pass, where comparing every pair took minutes for a long enum. */
function distinct(values: unknown[]): boolean {
  const set = new ValueSet();
  return values.every((v) => set.add(v));
}
