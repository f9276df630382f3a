import { RangeCheck } from "../model/check.js";
import { found } from "./codes.js";
import { defineBuiltin } from "./define.js";
import { describe, TYPE_WORDS } from "./messages.js";
import { eachMatch, unanswered } from "./values.js";

/** The number lies within the bounds (inclusive). Text there is quoted when it is a non-answer ("XX"). */
export const range = defineBuiltin({
  kind: "range",
  params: RangeCheck,
  codes: ["in_range", "out_of_range", "wrong_type", "missing", "empty", "non_answer", "none_recorded", "all_pass"],
  doc: "The value at `path` is a number within `min` and `max` (inclusive). A missing value fails, naming the bounds it should have met; text there fails, quoted when it is a non-answer.",
  run: (check, _proposal, ctx) =>
    eachMatch(ctx, check.path, (value, pointer) => {
      const { min, max } = check;
      if (typeof value !== "number") {
        return (
          unanswered(ctx, value, pointer, false, { min, max }) ??
          found(false, pointer, "wrong_type", { pointer, expected: TYPE_WORDS.number, found: describe(value) })
        );
      }
      const ok = (min === undefined || value >= min) && (max === undefined || value <= max);
      return ok ? found(true, pointer, "in_range", { pointer, value }) : found(false, pointer, "out_of_range", { pointer, value, min, max });
    }),
});
