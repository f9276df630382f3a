import { expandPointer } from "../model/pointer.js";
import { outcome } from "./messages.js";
import type { CheckOf, CheckRunner } from "./types.js";
import { describe, eachMatch, unanswered } from "./values.js";

/**
 * Every number at the path lies within the bounds a figure of its kind can take: beds, staff,
 * minutes and money are not negative, a percentage is at most 100. Unlike `range`, a figure that
 * is not given passes: a plausibility check finds what is wrong with what is there, and leaves
 * what is missing to the checks that ask for it.
 */
export const plausible: CheckRunner<CheckOf<"plausible">> = (check, ctx) => {
  const { min, max } = check;
  // A wildcard that matches nothing (no breakdown given) has nothing implausible in it either.
  if (check.path.includes("*") && expandPointer(ctx.proposal, check.path).length === 0) return outcome(true, check.path, "not_given", { pointer: check.path });
  return eachMatch(ctx, check.path, (value, pointer) => {
    if (value === undefined || value === null) return outcome(true, pointer, "not_given", { pointer });
    if (typeof value !== "number") {
      return (
        unanswered(ctx, value, pointer, false, { min, max }) ?? outcome(false, pointer, "wrong_type", { pointer, expected: "a number", found: describe(value) })
      );
    }
    const ok = (min === undefined || value >= min) && (max === undefined || value <= max);
    return ok ? outcome(true, pointer, "plausible", { pointer, value }) : outcome(false, pointer, "implausible", { pointer, value, min, max });
  });
};
