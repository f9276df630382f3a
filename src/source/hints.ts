import type { z } from "zod";

type ZodIssue = z.core.$ZodIssue;

/** A value as a message shows it: text quoted and shortened, numbers as written. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

/** `caseForChange` → "case for change"; a list index (`0`) → "item". */
function words(key: string): string {
  return /^\d+$/.test(key) ? "item" : key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

/** A key and value as YAML would show them in an example line. */
function example(key: string, value: string): string {
  return `e.g. ${key}: ${value}`;
}

const DATE_HINT = "expected a date, YYYY-MM-DD, e.g. 2026-03-31";

/**
 * The message for a value of the wrong type or form: what was expected, an example of it, and what
 * was found. Where the fix is mechanical (a version written as a number), it says what to write.
 */
export function explain(zi: ZodIssue, key: string, value: unknown): string {
  const got = `got ${describe(value)}`;
  if (zi.code === "invalid_type") {
    if (zi.expected === "string" && (typeof value === "number" || typeof value === "boolean")) {
      return `expected text, ${got}: quote it to keep it as written, ${example(key, `"${String(value)}"`)}`;
    }
    if (zi.expected === "number") return `expected a number, ${example(key, "42")} (digits only, no units or commas); ${got}`;
    if (zi.expected === "int") return `expected a whole number, ${example(key, "3")}; ${got}`;
    if (zi.expected === "boolean") return `expected true or false, ${example(key, "true")}; ${got}`;
    if (zi.expected === "array") return `expected a list, ${example(key, "[first, second]")}; ${got}`;
    if (zi.expected === "object") return `expected a map of fields, ${example(key, "{ … }")}; ${got}`;
    return `expected ${zi.expected}, ${got}`;
  }
  if (zi.code === "invalid_value") {
    const values = zi.values.map((v) => String(v));
    const list = values.length === 1 ? `"${values[0]}"` : `one of ${values.join(", ")}`;
    return `expected ${list}, ${example(key, JSON.stringify(values[0]))}; ${got}`;
  }
  if (zi.code === "invalid_format" && zi.format === "date") return `${DATE_HINT}; ${got}`;
  if ((zi.code === "too_big" || zi.code === "too_small") && zi.origin === "number") {
    const bound = Number(zi.code === "too_big" ? zi.maximum : zi.minimum);
    return `expected a number ${zi.code === "too_big" ? "of at most" : "of at least"} ${bound}, ${example(key, String(bound))}; ${got}`;
  }
  if (zi.code === "too_small" && zi.origin === "string" && Number(zi.minimum) === 1) {
    return `must not be empty; write the ${words(key)}, or leave the field out where it is optional`;
  }
  if (zi.code === "too_big" || zi.code === "too_small") return `${zi.message.replace(/^Too (big|small): /, "")}; ${got}`;
  // A message the model wrote itself (a pattern's wording, a union's hint) says what is expected.
  return `${zi.message}, ${got}`;
}
