import { expandPointer, getAt, segmentsOf, toPointer } from "../model/pointer.js";
import { type AbsentValues, outcome } from "./messages.js";
import { isBlank, nonAnswerIn } from "./non-answer.js";
import type { CheckContext, CheckOutcome } from "./types.js";

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

/** The outcome for a value that is not there, with what it should have been when the check knows. */
export function missing(ctx: CheckContext, pointer: string, expected: Expected = {}): CheckOutcome {
  return outcome(false, pointer, "missing", { ...absence(ctx.proposal, pointer), ...expected });
}

/** What a missing value should have been: a value (as JSON), or bounds. */
export type Expected = { expected?: string; min?: number | undefined; max?: number | undefined };

/**
 * The failure for a value that holds nothing (missing, empty) or only a non-answer, or undefined
 * when the value says something. `item` reads a list item (whose naming field decides).
 */
export function unanswered(ctx: CheckContext, value: unknown, pointer: string, item = false, expected: Expected = {}): CheckOutcome | undefined {
  if (value === undefined) return missing(ctx, pointer, expected);
  if (isBlank(value)) return outcome(false, pointer, "empty", { pointer });
  const found = nonAnswerIn(value, pointer, item);
  return found && outcome(false, pointer, "non_answer", { pointer, kind: found.kind, text: found.text, found: found.pointer });
}

/** What kind of value a message says was found instead: "a number", "a list". */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  if (typeof value === "boolean") return "true or false";
  return typeof value === "object" && value !== null ? "a map" : `a ${String(typeof value)}`;
}

/** The pattern's fixed part, before any `*`: where to point when nothing matched. */
function stem(pattern: string): string {
  const star = pattern.indexOf("/*");
  return star === -1 ? pattern : pattern.slice(0, star);
}

/**
 * Runs `test` on every value a (possibly wildcard) pointer matches. Passes when there is a
 * match and every match passes; the first failure is reported. No match at all is "none recorded".
 */
export function eachMatch(ctx: CheckContext, pattern: string, test: (value: unknown, pointer: string) => CheckOutcome): CheckOutcome {
  const pointers = pattern.includes("*") ? expandPointer(ctx.proposal, pattern) : [pattern];
  if (pointers.length === 0) return outcome(false, stem(pattern), "none_recorded", { ...absence(ctx.proposal, stem(pattern)), pattern });
  let last: CheckOutcome | undefined;
  for (const pointer of pointers) {
    last = test(getAt(ctx.proposal, pointer), pointer);
    if (!last.pass) return last;
  }
  return pointers.length === 1 && last ? last : outcome(true, pattern, "all_pass", { pattern, count: pointers.length });
}

/**
 * Findings a framework's message was not written for, which its words would misstate: a text that is
 * there but short ("There is no account of …" over a 26-word account), a wildcard with nothing to
 * match ("At least one recorded change is too vague" when none is recorded), and a comparison with a
 * side missing ("dated after the document" when there is no date). These are said in the check's own words.
 */
export function ownWords(kind: string, outcome: CheckOutcome): boolean {
  if (outcome.code === "too_few_words") return true;
  if (outcome.code === "none_recorded" && outcome.values.pattern !== undefined) return true;
  return kind === "compare" && (outcome.code === "missing" || outcome.code === "empty" || outcome.code === "none_recorded");
}

/**
 * A failure said in the framework's words, followed by what the check found, so the detail is
 * never lost: "No clinical lead is named: deferral 'TBC' at /engagement/staff/clinicalLeads/0/name".
 */
export function withMessage(outcome: CheckOutcome, message: string | undefined, kind = ""): CheckOutcome {
  if (outcome.pass || message === undefined || ownWords(kind, outcome)) return outcome;
  return { ...outcome, message: `${message}: ${outcome.message}` };
}
