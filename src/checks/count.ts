import { CountCheck } from "../model/check.js";
import { escapeSegment, getAt } from "../model/pointer.js";
import { found } from "./codes.js";
import { defineBuiltin } from "./define.js";
import { describe, TYPE_WORDS } from "./messages.js";
import { type FoundNonAnswer, isBlank, nonAnswerIn } from "./non-answer.js";
import type { CheckOf, CheckContext } from "./types.js";
import { absence } from "./values.js";

/** The items of a list (or the entries of a record) with their pointers; undefined for anything else. */
function entries(value: unknown, pointer: string): { value: unknown; pointer: string; item: boolean }[] | undefined {
  if (Array.isArray(value)) return value.map((v, i) => ({ value: v, pointer: `${pointer}/${i}`, item: true }));
  if (typeof value !== "object" || value === null) return undefined;
  return Object.keys(value)
    .sort()
    .map((k) => ({ value: (value as Record<string, unknown>)[k], pointer: `${pointer}/${escapeSegment(k)}`, item: false }));
}

/** The list (or record) has enough items that say something; blank items and non-answers are not counted. */
function run(check: CheckOf<"count">, ctx: CheckContext) {
  const pointer = check.path;
  const value = getAt(ctx.proposal, pointer);
  const all = entries(value, pointer);
  const { min, max } = check;
  if (value !== undefined && value !== null && !all) return found(false, pointer, "wrong_type", { pointer, expected: TYPE_WORDS.list, found: describe(value) });
  const skipped: FoundNonAnswer[] = [];
  let n = 0;
  for (const e of all ?? []) {
    const nonAnswer = isBlank(e.value) ? undefined : nonAnswerIn(e.value, e.pointer, e.item);
    if (nonAnswer) skipped.push(nonAnswer);
    else if (!isBlank(e.value)) n++;
  }
  const first = skipped[0];
  const notCounted = first ? { nonAnswers: skipped.length, kind: first.kind, text: first.text, found: first.pointer } : {};
  if (n === 0 && skipped.length === 0 && min > 0) return found(false, pointer, "none_recorded", { ...absence(ctx.proposal, pointer), min });
  if (n < min) return found(false, pointer, "too_few_items", { pointer, count: n, min, max, ...notCounted });
  if (max !== undefined && n > max) return found(false, pointer, "too_many_items", { pointer, count: n, min, max });
  return found(true, pointer, "enough_items", { pointer, count: n, ...notCounted });
}

export const count = defineBuiltin({
  kind: "count",
  params: CountCheck,
  codes: ["enough_items", "too_few_items", "too_many_items", "none_recorded", "wrong_type"],
  doc: "The list (or record) at `path` has at least `min` items (default 1) and at most `max`. Empty items and non-answers are not counted, and the first one left out is quoted.",
  run: (check, _proposal, ctx) => run(check, ctx),
});
