import { getAt } from "../model/pointer.js";
import type { CheckOf, CheckRunner } from "./types.js";

const OPS = {
  lt: { test: (a: number, b: number) => a < b, word: "less than" },
  le: { test: (a: number, b: number) => a <= b, word: "at most" },
  eq: { test: (a: number, b: number) => a === b, word: "equal to" },
  ge: { test: (a: number, b: number) => a >= b, word: "at least" },
  gt: { test: (a: number, b: number) => a > b, word: "greater than" },
} as const;

/** Two numbers in the proposal compare as stated. */
export const compare: CheckRunner<CheckOf<"compare">> = (check, ctx) => {
  const left = getAt(ctx.proposal, check.left);
  const right = getAt(ctx.proposal, check.right);
  const op = OPS[check.op];
  if (typeof left !== "number") return { pass: false, pointer: check.left, message: `${check.left} is missing` };
  if (typeof right !== "number") return { pass: false, pointer: check.right, message: `${check.right} is missing` };
  const pass = op.test(left, right);
  return { pass, pointer: check.left, message: `${check.left} (${left}) is ${pass ? "" : "not "}${op.word} ${check.right} (${right})` };
};
