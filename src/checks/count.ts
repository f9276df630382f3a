import { escapeSegment, getAt } from "../model/pointer.js";
import { outcome } from "./messages.js";
import { type FoundNonAnswer, isBlank, nonAnswerIn } from "./non-answer.js";
import type { CheckOf, CheckRunner } from "./types.js";
import { absence, describe } from "./values.js";

/** The items of a list (or the entries of a record) with their pointers; undefined for anything else. */
function entries(value: unknown, pointer: string): { value: unknown; pointer: string; item: boolean }[] | undefined {
  if (Array.isArray(value)) return value.map((v, i) => ({ value: v, pointer: `${pointer}/${i}`, item: true }));
  if (typeof value !== "object" || value === null) return undefined;
  return Object.keys(value)
    .sort()
    .map((k) => ({ value: (value as Record<string, unknown>)[k], pointer: `${pointer}/${escapeSegment(k)}`, item: false }));
}

/** The list (or record) has enough items that say something; blank items and non-answers are not counted. */
export const count: CheckRunner<CheckOf<"count">> = (check, ctx) => {
  const pointer = check.path;
  const value = getAt(ctx.proposal, pointer);
  const all = entries(value, pointer);
  const { min, max } = check;
  if (value !== undefined && value !== null && !all) return outcome(false, pointer, "wrong_type", { pointer, expected: "a list", found: describe(value) });
  const skipped: FoundNonAnswer[] = [];
  let n = 0;
  for (const e of all ?? []) {
    const found = isBlank(e.value) ? undefined : nonAnswerIn(e.value, e.pointer, e.item);
    if (found) skipped.push(found);
    else if (!isBlank(e.value)) n++;
  }
  const first = skipped[0];
  const notCounted = first ? { nonAnswers: skipped.length, kind: first.kind, text: first.text, found: first.pointer } : {};
  if (n === 0 && skipped.length === 0 && min > 0) return outcome(false, pointer, "none_recorded", { ...absence(ctx.proposal, pointer), min });
  if (n < min) return outcome(false, pointer, "too_few_items", { pointer, count: n, min, max, ...notCounted });
  if (max !== undefined && n > max) return outcome(false, pointer, "too_many_items", { pointer, count: n, min, max });
  return outcome(true, pointer, "enough_items", { pointer, count: n, ...notCounted });
};
