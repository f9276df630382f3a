import { expandPointer, getAt, segmentsOf, toPointer } from "../model/pointer.js";
import { type AbsentValues, type Finding, found, type MessageCode } from "./codes.js";
import { isBlank, nonAnswerIn } from "./non-answer.js";
import type { CheckContext } from "./types.js";

// Wording helpers live in messages.ts; these re-exports keep the places that imported them here working.
export { describe, ownWords, withMessage } from "./messages.js";

/** True for a value that says something: not missing, null, blank, or an empty list or map. */
export function isPresent(value: unknown): boolean {
  return !isBlank(value);
}

/**
 * Where a pointer stops reading anything: its nearest ancestor that exists (`at`) and the first
 * segment that does not (`absent`, "" when the value itself exists). A report locates a missing
 * value at `at`; the message names `absent`.
 */
export function absence(root: unknown, pointer: string): AbsentValues {
  const segments = segmentsOf(pointer);
  let node = root;
  let i = 0;
  for (; i < segments.length; i++) {
    const seg = segments[i] as string;
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, seg)) break;
    node = (node as Record<string, unknown>)[seg];
  }
  return { pointer, at: toPointer(segments.slice(0, i)), absent: segments[i] ?? "" };
}

/** The finding for a value that is not there, with what it should have been when the check knows. */
export function missing(ctx: CheckContext, pointer: string, expected: Expected = {}): Finding<"missing"> {
  return found(false, pointer, "missing", { ...absence(ctx.proposal, pointer), ...expected });
}

/** What a missing value should have been: a value (as JSON), or bounds. */
export type Expected = { expected?: string; min?: number | undefined; max?: number | undefined };

/** The codes `unanswered` can find. */
export type Unanswered = "missing" | "empty" | "non_answer";

/**
 * The failure for a value that holds nothing (missing, empty) or only a non-answer, or undefined
 * when the value says something. `item` reads a list item (whose naming field decides).
 */
export function unanswered(ctx: CheckContext, value: unknown, pointer: string, item = false, expected: Expected = {}): Finding<Unanswered> | undefined {
  if (value === undefined) return missing(ctx, pointer, expected);
  if (isBlank(value)) return found(false, pointer, "empty", { pointer });
  const nonAnswer = nonAnswerIn(value, pointer, item);
  return nonAnswer && found(false, pointer, "non_answer", { pointer, kind: nonAnswer.kind, text: nonAnswer.text, found: nonAnswer.pointer });
}

/** The pattern's fixed part, before any `*`: where to point when nothing matched. */
function stem(pattern: string): string {
  const star = pattern.indexOf("/*");
  return star === -1 ? pattern : pattern.slice(0, star);
}

/** The codes `eachMatch` adds to those its test finds. */
export type Matched = "none_recorded" | "all_pass";

/**
 * Runs `test` on every value a (possibly wildcard) pointer matches. Passes when there is a
 * match and every match passes; the first failure is reported. No match at all is "none recorded".
 */
export function eachMatch<C extends MessageCode>(
  ctx: CheckContext,
  pattern: string,
  test: (value: unknown, pointer: string) => Finding<C>,
): Finding<C> | Finding<Matched> {
  const pointers = pattern.includes("*") ? expandPointer(ctx.proposal, pattern) : [pattern];
  if (pointers.length === 0) return found(false, stem(pattern), "none_recorded", { ...absence(ctx.proposal, stem(pattern)), pattern });
  let last: Finding<C> | undefined;
  for (const pointer of pointers) {
    last = test(getAt(ctx.proposal, pointer), pointer);
    if (!last.pass) return last;
  }
  return pointers.length === 1 && last ? last : found(true, pattern, "all_pass", { pattern, count: pointers.length });
}
