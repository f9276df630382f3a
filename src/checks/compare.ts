import { CompareCheck } from "../model/check.js";
import { type Span, showDate, spanOf } from "../model/dates.js";
import { expandPointer, getAt } from "../model/pointer.js";
import { type Finding, found } from "./codes.js";
import { defineBuiltin } from "./define.js";
import { describe, REASONS, TYPE_WORDS } from "./messages.js";
import type { CheckContext, CheckOf } from "./types.js";
import { eachMatch, type Matched, type Unanswered, unanswered } from "./values.js";

type Op = CheckOf<"compare">["op"];
/** What comparing one left-hand value can find. */
type One = Finding<"comparison_holds" | "comparison_fails" | "not_compared" | "wrong_type" | Unanswered>;

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
function order(a: Span, b: Span, op: Op): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  if (op === "lt" || op === "le") return cmp(a.end, b.start);
  if (op === "gt" || op === "ge") return cmp(a.start, b.end);
  return a.start === b.start && a.end === b.end ? 0 : cmp(a.start, b.start) || 1;
}

/** Why a side of the comparison cannot be compared: missing, a non-answer, or another kind of value. */
function notComparable(ctx: CheckContext, value: unknown, pointer: string): One {
  return unanswered(ctx, value, pointer) ?? found(false, pointer, "wrong_type", { pointer, expected: TYPE_WORDS.numberOrDate, found: describe(value) });
}

/** One left-hand value against the right-hand one. */
function compareOne(check: CheckOf<"compare">, ctx: CheckContext, left: unknown, pointer: string, right: unknown): One {
  const now = check.right === "$now";
  const values = { left: pointer, right: check.right, op: check.op };
  // Without an assessment date there is nothing to compare with, but what should be compared must be there.
  if (now && right === undefined) {
    return isDate(left) || isNumber(left)
      ? found(true, pointer, "not_compared", { left: pointer, reason: REASONS.noDate() })
      : notComparable(ctx, left, pointer);
  }
  if (check.ifGiven && left === undefined) return found(true, pointer, "not_compared", { left: pointer, reason: REASONS.notGiven(pointer) });
  const spans = [spanOf(left), spanOf(right)] as const;
  if (spans[0] && spans[1]) {
    const pass = TESTS[check.op](order(spans[0], spans[1], check.op));
    return found(pass, pointer, pass ? "comparison_holds" : "comparison_fails", { ...values, leftValue: showDate(left), rightValue: showDate(right) });
  }
  if (!isNumber(left)) return notComparable(ctx, left, pointer);
  if (!isNumber(right)) return notComparable(ctx, right, now ? pointer : check.right);
  const pass = TESTS[check.op](left - right * (check.factor ?? 1));
  return found(pass, pointer, pass ? "comparison_holds" : "comparison_fails", { ...values, leftValue: left, rightValue: right, factor: check.factor });
}

/** Of the values that failed, the one nearest to holding: the earliest for lt and le, the latest for gt and ge. */
function nearest(failures: One[], op: Op): Finding<"comparison_fails"> | undefined {
  const compared = failures.filter((f): f is Finding<"comparison_fails"> => f.code === "comparison_fails");
  const later = (a: Finding<"comparison_fails">, b: Finding<"comparison_fails">) => a.values.leftValue > b.values.leftValue;
  return compared.reduce<Finding<"comparison_fails"> | undefined>(
    (best, f) => (best === undefined || (op === "lt" || op === "le" ? later(best, f) : later(f, best)) ? f : best),
    undefined,
  );
}

/** `match: some`: at least one match compares; when none does, the nearest miss is quoted. */
function someMatch(check: CheckOf<"compare">, ctx: CheckContext, right: unknown): One | Finding<"none_compares" | Matched> {
  const failures: One[] = [];
  for (const pointer of expandPointer(ctx.proposal, check.left)) {
    const one = compareOne(check, ctx, getAt(ctx.proposal, pointer), pointer, right);
    if (one.pass) return one;
    failures.push(one);
  }
  const near = nearest(failures, check.op);
  if (!near) return failures[0] ?? eachMatch(ctx, check.left, (left, pointer) => compareOne(check, ctx, left, pointer, right));
  const { leftValue, rightValue } = near.values;
  return found(false, near.pointer, "none_compares", { left: check.left, right: check.right, op: check.op, at: near.pointer, leftValue, rightValue });
}

/**
 * Two numbers, or two dates, compare as stated. `left` may match several places (`*`): each must
 * compare, or with `match: some` at least one. `right` may be `$now`, the assessment date. With
 * `ifGiven`, a side that is not there is not compared, and the check passes.
 */
function run(check: CheckOf<"compare">, ctx: CheckContext) {
  const right = check.right === "$now" ? ctx.today : getAt(ctx.proposal, check.right);
  if (check.ifGiven) {
    const absent =
      check.right !== "$now" && right === undefined
        ? check.right
        : check.left.includes("*") && expandPointer(ctx.proposal, check.left).length === 0
          ? check.left
          : undefined;
    if (absent !== undefined) return found(true, absent, "not_compared", { left: check.left, reason: REASONS.nothingAt(absent) });
  }
  if (check.match === "some" && check.left.includes("*")) return someMatch(check, ctx, right);
  return eachMatch(ctx, check.left, (left, pointer) => compareOne(check, ctx, left, pointer, right));
}

export const compare = defineBuiltin({
  kind: "compare",
  params: CompareCheck,
  codes: ["comparison_holds", "comparison_fails", "none_compares", "not_compared", "wrong_type", "missing", "empty", "non_answer", "none_recorded", "all_pass"],
  doc: "Two numbers, or two dates, in the proposal compare as `op` states (`lt`, `le`, `eq`, `ge`, `gt`), after multiplying the right-hand number by `factor`, if given. `right` may be `$now`, the assessment date. With a `*` in `left`, every match must compare, or with `match: some` at least one, and the nearest miss is quoted. With `ifGiven`, a side that is not there is not compared and the check passes (`not_compared`).",
  run: (check, _proposal, ctx) => run(check, ctx),
});
