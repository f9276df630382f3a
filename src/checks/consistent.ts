import { ConsistentCheck } from "../model/check.js";
import { expandPointer, getAt } from "../model/pointer.js";
import { type Finding, found } from "./codes.js";
import { defineBuiltin } from "./define.js";
import { REASONS } from "./messages.js";
import type { CheckContext, CheckOf } from "./types.js";

type Consistent = CheckOf<"consistent">;

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Rounds away binary noise (0.1 + 0.2) so a message quotes the figure a person wrote. */
const tidy = (n: number) => Math.round(n * 1e9) / 1e9;

/** The numbers at the pointers, or the first pointer that gives none. */
function figures(ctx: CheckContext, pointers: string[]): number[] | string {
  const out: number[] = [];
  for (const p of pointers) {
    const v = getAt(ctx.proposal, p);
    if (!isNumber(v)) return p;
    out.push(v);
  }
  return out;
}

const notGiven = (pointer: string, at: string) => found(true, pointer, "not_compared", { left: at, reason: REASONS.figureMissing() });

function sum(
  check: Extract<Consistent, { rule: "sum" }>,
  ctx: CheckContext,
): Finding<"sum_within" | "sum_exceeds" | "sum_agrees" | "sum_differs" | "not_compared"> {
  const parts = expandPointer(ctx.proposal, check.parts);
  if (parts.length === 0) return found(true, check.total, "not_compared", { left: check.parts, reason: REASONS.noParts() });
  const read = figures(ctx, [check.total, ...parts]);
  if (typeof read === "string") return notGiven(check.total, read);
  const [total = 0, ...amounts] = read;
  const partsValue = tidy(amounts.reduce((a, b) => a + b, 0));
  const values = { total: check.total, parts: check.parts, totalValue: total, partsValue, count: amounts.length };
  const slack = check.tolerance ?? 0;
  if (check.atMost) {
    const within = partsValue <= total + slack;
    return found(within, check.total, within ? "sum_within" : "sum_exceeds", values);
  }
  const pass = Math.abs(total - partsValue) <= slack;
  return found(pass, check.total, pass ? "sum_agrees" : "sum_differs", values);
}

function netChange(check: Extract<Consistent, { rule: "net-change" }>, ctx: CheckContext): Finding<"change_agrees" | "change_differs" | "not_compared"> {
  const read = figures(ctx, [check.from, check.to, check.change]);
  if (typeof read === "string") return notGiven(check.change, read);
  const [fromValue = 0, toValue = 0, changeValue = 0] = read;
  const values = { from: check.from, to: check.to, change: check.change, fromValue, toValue, changeValue, difference: tidy(toValue - fromValue) };
  const pass = values.difference === changeValue;
  return found(pass, check.change, pass ? "change_agrees" : "change_differs", values);
}

function withinBaseline(
  check: Extract<Consistent, { rule: "within-baseline" }>,
  ctx: CheckContext,
): Finding<"within_baseline" | "exceeds_baseline" | "not_compared"> {
  const read = figures(ctx, [check.change, check.baseline]);
  if (typeof read === "string") return notGiven(check.change, read);
  const [changeValue = 0, baselineValue = 0] = read;
  const values = { change: check.change, baseline: check.baseline, changeValue, baselineValue };
  const pass = changeValue >= -baselineValue;
  return found(pass, check.change, pass ? "within_baseline" : "exceeds_baseline", values);
}

/**
 * Figures agree with each other: a total with its parts, a stated change with the figures it
 * joins, a reduction with its baseline. Where a figure is missing there is nothing to compare and
 * the check passes; where they disagree, the message quotes every figure, since either may be the
 * wrong one.
 */
export const consistent = defineBuiltin({
  kind: "consistent",
  params: ConsistentCheck,
  codes: ["sum_agrees", "sum_differs", "sum_within", "sum_exceeds", "change_agrees", "change_differs", "within_baseline", "exceeds_baseline", "not_compared"],
  doc: "Figures in the proposal agree with each other, by one of three values of `rule`: `sum` (the number at `total` is the sum of those at `parts`, a pointer with a `*`, within `tolerance`, or with `atMost` no more than it), `net-change` (`to` minus `from` is `change`) and `within-baseline` (a reduction at `change` is no larger than its `baseline`). Where a figure is missing there is nothing to compare and it passes (`not_compared`); a disagreement quotes every figure, since any one of them may be wrong.",
  run: (check, _proposal, ctx) => {
    if (check.rule === "sum") return sum(check, ctx);
    if (check.rule === "net-change") return netChange(check, ctx);
    return withinBaseline(check, ctx);
  },
});
