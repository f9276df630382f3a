import { type Span, showDate, spanOf } from "../model/dates.js";
import { getAt } from "../model/pointer.js";
import { outcome } from "./messages.js";
import type { CheckContext, CheckOf, CheckOutcome, CheckRunner } from "./types.js";
import { describe, eachMatch, unanswered } from "./values.js";

const TESTS = {
  lt: (d: number) => d < 0,
  le: (d: number) => d <= 0,
  eq: (d: number) => d === 0,
  ge: (d: number) => d >= 0,
  gt: (d: number) => d > 0,
} as const;

const isDate = (v: unknown): boolean => spanOf(v) !== undefined;
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * How two spans of days compare for an operator. A comparison holds only if it holds for every day of
 * both, so a period is "on or before" a date only if it ended by then, and "after" it only if it began
 * after; a single day compares as itself.
 */
function order(a: Span, b: Span, op: keyof typeof TESTS): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  if (op === "lt" || op === "le") return cmp(a.end, b.start);
  if (op === "gt" || op === "ge") return cmp(a.start, b.end);
  return a.start === b.start && a.end === b.end ? 0 : cmp(a.start, b.start) || 1;
}

/** Why a side of the comparison cannot be compared: missing, a non-answer, or another kind of value. */
function notComparable(ctx: CheckContext, value: unknown, pointer: string): CheckOutcome {
  return unanswered(ctx, value, pointer) ?? outcome(false, pointer, "wrong_type", { pointer, expected: "a number or a date", found: describe(value) });
}

/**
 * Two numbers, or two dates, compare as stated. `left` may match several places (`*`): each must
 * compare. `right` may be `$now`, the assessment date; without one, nothing is compared with it.
 */
export const compare: CheckRunner<CheckOf<"compare">> = (check, ctx) => {
  const now = check.right === "$now";
  const right = now ? ctx.today : getAt(ctx.proposal, check.right);
  return eachMatch(ctx, check.left, (left, pointer) => {
    const values = { left: pointer, right: check.right, op: check.op };
    // Without an assessment date there is nothing to compare with, but what should be compared must be there.
    if (now && right === undefined) {
      return isDate(left) || isNumber(left)
        ? outcome(true, pointer, "not_compared", { left: pointer, reason: "no assessment date was given" })
        : notComparable(ctx, left, pointer);
    }
    const spans = [spanOf(left), spanOf(right)] as const;
    if (spans[0] && spans[1]) {
      const pass = TESTS[check.op](order(spans[0], spans[1], check.op));
      return outcome(pass, pointer, pass ? "comparison_holds" : "comparison_fails", { ...values, leftValue: showDate(left), rightValue: showDate(right) });
    }
    if (!isNumber(left)) return notComparable(ctx, left, pointer);
    if (!isNumber(right)) return notComparable(ctx, right, now ? pointer : check.right);
    const pass = TESTS[check.op](left - right * (check.factor ?? 1));
    return outcome(pass, pointer, pass ? "comparison_holds" : "comparison_fails", { ...values, leftValue: left, rightValue: right, factor: check.factor });
  });
};
