import { EqualsCheck } from "../model/check.js";
import { found } from "./codes.js";
import { defineBuiltin } from "./define.js";
import { eachMatch, unanswered } from "./values.js";

/**
 * The value equals the expected one. A value that equals it passes whatever it says (a framework
 * may expect "not-applicable"); one that does not is reported as a non-answer when it is one.
 */
export const equals = defineBuiltin({
  kind: "equals",
  params: EqualsCheck,
  codes: ["equal", "not_equal", "missing", "empty", "non_answer", "none_recorded", "all_pass"],
  doc: "The value at `path` equals `value` (text, a number, or true or false). A value that differs is quoted as JSON, or as a non-answer when it is one.",
  run: (check, _proposal, ctx) =>
    eachMatch(ctx, check.path, (value, pointer) => {
      const expected = JSON.stringify(check.value);
      if (value === check.value) return found(true, pointer, "equal", { pointer, value: expected });
      return unanswered(ctx, value, pointer, false, { expected }) ?? found(false, pointer, "not_equal", { pointer, value: JSON.stringify(value), expected });
    }),
});
