import { PlausibleCheck } from "../model/check.js";
import { expandPointer } from "../model/pointer.js";
import { found } from "./codes.js";
import { defineBuiltin } from "./define.js";
import { describe, TYPE_WORDS } from "./messages.js";
import type { CheckContext, CheckOf } from "./types.js";
import { eachMatch, unanswered } from "./values.js";

/**
 * Every number at the path lies within the bounds a figure of its kind can take: beds, staff,
 * minutes and money are not negative, a percentage is at most 100. Unlike `range`, a figure that
 * is not given passes: a plausibility check finds what is wrong with what is there, and leaves
 * what is missing to the checks that ask for it.
 */
function run(check: CheckOf<"plausible">, ctx: CheckContext) {
  const { min, max } = check;
  // A wildcard that matches nothing (no breakdown given) has nothing implausible in it either.
  if (check.path.includes("*") && expandPointer(ctx.proposal, check.path).length === 0) return found(true, check.path, "not_given", { pointer: check.path });
  return eachMatch(ctx, check.path, (value, pointer) => {
    if (value === undefined || value === null) return found(true, pointer, "not_given", { pointer });
    if (typeof value !== "number") {
      return (
        unanswered(ctx, value, pointer, false, { min, max }) ??
        found(false, pointer, "wrong_type", { pointer, expected: TYPE_WORDS.number, found: describe(value) })
      );
    }
    const ok = (min === undefined || value >= min) && (max === undefined || value <= max);
    return ok ? found(true, pointer, "plausible", { pointer, value }) : found(false, pointer, "implausible", { pointer, value, min, max });
  });
}

export const plausible = defineBuiltin({
  kind: "plausible",
  params: PlausibleCheck,
  codes: ["plausible", "implausible", "not_given", "wrong_type", "missing", "empty", "non_answer", "none_recorded", "all_pass"],
  doc: "Every number at `path` (which may hold `*`) lies within `min` and `max`, the bounds a figure of its kind can take: money, beds, staff and minutes at least 0, a percentage at most 100. A figure that is not given passes (`not_given`): this check finds what is wrong with the figures that are there, and leaves what is missing to `present` or `range`.",
  run: (check, _proposal, ctx) => run(check, ctx),
});
