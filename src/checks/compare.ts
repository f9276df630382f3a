import { getAt } from "../model/pointer.js";
import { outcome } from "./messages.js";
import type { CheckContext, CheckOf, CheckOutcome, CheckRunner } from "./types.js";
import { describe, unanswered } from "./values.js";

const TESTS = {
  lt: (a: number, b: number) => a < b,
  le: (a: number, b: number) => a <= b,
  eq: (a: number, b: number) => a === b,
  ge: (a: number, b: number) => a >= b,
  gt: (a: number, b: number) => a > b,
} as const;

/** Why a side of the comparison is not a number: missing, a non-answer, or another kind of value. */
function notANumber(ctx: CheckContext, value: unknown, pointer: string): CheckOutcome {
  return unanswered(ctx, value, pointer) ?? outcome(false, pointer, "wrong_type", { pointer, expected: "a number", found: describe(value) });
}

/** Two numbers in the proposal compare as stated. */
export const compare: CheckRunner<CheckOf<"compare">> = (check, ctx) => {
  const left = getAt(ctx.proposal, check.left);
  const right = getAt(ctx.proposal, check.right);
  if (typeof left !== "number") return notANumber(ctx, left, check.left);
  if (typeof right !== "number") return notANumber(ctx, right, check.right);
  const pass = TESTS[check.op](left, right);
  const values = { left: check.left, right: check.right, op: check.op, leftValue: left, rightValue: right };
  return outcome(pass, check.left, pass ? "comparison_holds" : "comparison_fails", values);
};
