import { outcome } from "./messages.js";
import type { CheckOf, CheckRunner } from "./types.js";
import { eachMatch, unanswered } from "./values.js";

/**
 * The value equals the expected one. A value that equals it passes whatever it says (a framework
 * may expect "not-applicable"); one that does not is reported as a non-answer when it is one.
 */
export const equals: CheckRunner<CheckOf<"equals">> = (check, ctx) =>
  eachMatch(ctx, check.path, (value, pointer) => {
    const expected = JSON.stringify(check.value);
    if (value === check.value) return outcome(true, pointer, "equal", { pointer, value: expected });
    return unanswered(ctx, value, pointer, false, { expected }) ?? outcome(false, pointer, "not_equal", { pointer, value: JSON.stringify(value), expected });
  });
