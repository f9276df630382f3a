import { expandPointer, getAt } from "../model/pointer.js";
import type { CheckContext, CheckOutcome } from "./types.js";

/** True for a value that says something: not missing, null, blank, or an empty list or map. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/** The pattern's fixed part, before any `*`: where to point when nothing matched. */
function stem(pattern: string): string {
  const star = pattern.indexOf("/*");
  return star === -1 ? pattern : pattern.slice(0, star);
}

/**
 * Runs `test` on every value a (possibly wildcard) pointer matches. Passes when there is a
 * match and every match passes; the first failure is reported.
 */
export function eachMatch(ctx: CheckContext, pattern: string, test: (value: unknown, pointer: string) => CheckOutcome, none: string): CheckOutcome {
  const pointers = pattern.includes("*") ? expandPointer(ctx.proposal, pattern) : [pattern];
  if (pointers.length === 0) return { pass: false, pointer: stem(pattern), message: none };
  let last: CheckOutcome | undefined;
  for (const pointer of pointers) {
    last = test(getAt(ctx.proposal, pointer), pointer);
    if (!last.pass) return last;
  }
  return pointers.length === 1 && last ? last : { pass: true, pointer: pattern, message: `all ${pointers.length} at ${pattern} pass` };
}

/** Replaces the generated message of a failure with the check's own, when it has one. */
export function withMessage(outcome: CheckOutcome, message: string | undefined): CheckOutcome {
  return !outcome.pass && message !== undefined ? { ...outcome, message } : outcome;
}
