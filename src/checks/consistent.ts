import { expandPointer, getAt } from "../model/pointer.js";
import { outcome } from "./messages.js";
import type { CheckContext, CheckOf, CheckOutcome, CheckRunner } from "./types.js";

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

const notGiven = (pointer: string, at: string) =>
  outcome(true, pointer, "not_compared", { left: at, reason: "it is not given, so there is nothing to compare" });

function sum(check: Extract<Consistent, { rule: "sum" }>, ctx: CheckContext): CheckOutcome {
  const parts = expandPointer(ctx.proposal, check.parts);
  if (parts.length === 0) return outcome(true, check.total, "not_compared", { left: check.parts, reason: "no parts are given, so there is nothing to add up" });
  const found = figures(ctx, [check.total, ...parts]);
  if (typeof found === "string") return notGiven(check.total, found);
  const [total = 0, ...amounts] = found;
  const partsValue = tidy(amounts.reduce((a, b) => a + b, 0));
  const values = { total: check.total, parts: check.parts, totalValue: total, partsValue, count: amounts.length };
  const slack = check.tolerance ?? 0;
  if (check.atMost) {
    const within = partsValue <= total + slack;
    return outcome(within, check.total, within ? "sum_within" : "sum_exceeds", values);
  }
  const pass = Math.abs(total - partsValue) <= slack;
  return outcome(pass, check.total, pass ? "sum_agrees" : "sum_differs", values);
}

function netChange(check: Extract<Consistent, { rule: "net-change" }>, ctx: CheckContext): CheckOutcome {
  const found = figures(ctx, [check.from, check.to, check.change]);
  if (typeof found === "string") return notGiven(check.change, found);
  const [fromValue = 0, toValue = 0, changeValue = 0] = found;
  const values = { from: check.from, to: check.to, change: check.change, fromValue, toValue, changeValue, difference: tidy(toValue - fromValue) };
  const pass = values.difference === changeValue;
  return outcome(pass, check.change, pass ? "change_agrees" : "change_differs", values);
}

function withinBaseline(check: Extract<Consistent, { rule: "within-baseline" }>, ctx: CheckContext): CheckOutcome {
  const found = figures(ctx, [check.change, check.baseline]);
  if (typeof found === "string") return notGiven(check.change, found);
  const [changeValue = 0, baselineValue = 0] = found;
  const values = { change: check.change, baseline: check.baseline, changeValue, baselineValue };
  const pass = changeValue >= -baselineValue;
  return outcome(pass, check.change, pass ? "within_baseline" : "exceeds_baseline", values);
}

/**
 * Figures agree with each other: a total with its parts, a stated change with the figures it
 * joins, a reduction with its baseline. Where a figure is missing there is nothing to compare and
 * the check passes; where they disagree, the message quotes every figure, since either may be the
 * wrong one.
 */
export const consistent: CheckRunner<Consistent> = (check, ctx) => {
  if (check.rule === "sum") return sum(check, ctx);
  if (check.rule === "net-change") return netChange(check, ctx);
  return withinBaseline(check, ctx);
};
