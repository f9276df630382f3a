import { getAt } from "../model/pointer.js";
import type { CheckOf, CheckRunner } from "./types.js";

function keysOf(value: unknown, field: string | undefined): Set<string> | undefined {
  if (Array.isArray(value)) {
    const keys = value.map((item) => (field === undefined ? item : (item as Record<string, unknown> | null)?.[field]));
    return new Set(keys.filter((k): k is string => typeof k === "string"));
  }
  if (typeof value === "object" && value !== null) return new Set(Object.keys(value));
  return undefined;
}

/** The record or list covers every key of a set, e.g. all nine protected characteristics. */
export const covers: CheckRunner<CheckOf<"covers">> = (check, ctx) => {
  const pointer = check.path;
  const have = keysOf(getAt(ctx.proposal, pointer), check.field);
  if (!have) return { pass: false, pointer, message: `${pointer} is missing` };
  const missing = check.keys.filter((k) => !have.has(k));
  if (missing.length > 0) {
    return { pass: false, pointer, message: `${pointer} covers ${check.keys.length - missing.length} of ${check.keys.length}; missing: ${missing.join(", ")}` };
  }
  return { pass: true, pointer, message: `${pointer} covers all ${check.keys.length}` };
};
