import { getAt } from "../model/pointer.js";
import type { CheckOf, CheckOutcome, CheckRunner } from "./types.js";
import { eachMatch } from "./values.js";

const OPS = {
  lt: { test: (d: number) => d < 0, word: "less than", date: "before" },
  le: { test: (d: number) => d <= 0, word: "at most", date: "on or before" },
  eq: { test: (d: number) => d === 0, word: "equal to", date: "on" },
  ge: { test: (d: number) => d >= 0, word: "at least", date: "on or after" },
  gt: { test: (d: number) => d > 0, word: "greater than", date: "after" },
} as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isDate = (v: unknown): v is string => typeof v === "string" && DATE.test(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Two numbers, or two dates, in the proposal compare as stated. */
export const compare: CheckRunner<CheckOf<"compare">> = (check, ctx) => {
  const now = check.right === "$now";
  if (now && ctx.today === undefined) {
    return { pass: true, pointer: check.left, message: "no assessment date was given, so dates are not compared with today" };
  }
  const rightValue = now ? ctx.today : getAt(ctx.proposal, check.right);
  const rightName = now ? "the assessment date" : check.right;
  const op = OPS[check.op];
  return eachMatch(
    ctx,
    check.left,
    (left, pointer): CheckOutcome => {
      if (isDate(left) && isDate(rightValue)) {
        const pass = op.test(left < rightValue ? -1 : left > rightValue ? 1 : 0);
        return { pass, pointer, message: `${pointer} (${left}) is ${pass ? "" : "not "}${op.date} ${rightName} (${rightValue})` };
      }
      if (!isNumber(left)) return { pass: false, pointer, message: `${pointer} is missing` };
      if (!isNumber(rightValue)) return { pass: false, pointer: now ? pointer : check.right, message: `${rightName} is missing` };
      const right = rightValue * (check.factor ?? 1);
      const pass = op.test(left - right);
      const shown = check.factor === undefined ? `${rightValue}` : `${check.factor} × ${rightValue} = ${right}`;
      return { pass, pointer, message: `${pointer} (${left}) is ${pass ? "" : "not "}${op.word} ${rightName} (${shown})` };
    },
    `nothing at ${check.left}`,
  );
};
