import { outcome } from "./messages.js";
import type { CheckOf, CheckRunner } from "./types.js";
import { describe, eachMatch, unanswered } from "./values.js";

/** The number lies within the bounds (inclusive). Text there is quoted when it is a non-answer ("XX"). */
export const range: CheckRunner<CheckOf<"range">> = (check, ctx) =>
  eachMatch(ctx, check.path, (value, pointer) => {
    const { min, max } = check;
    if (typeof value !== "number") {
      return (
        unanswered(ctx, value, pointer, false, { min, max }) ?? outcome(false, pointer, "wrong_type", { pointer, expected: "a number", found: describe(value) })
      );
    }
    const ok = (min === undefined || value >= min) && (max === undefined || value <= max);
    return ok ? outcome(true, pointer, "in_range", { pointer, value }) : outcome(false, pointer, "out_of_range", { pointer, value, min, max });
  });
