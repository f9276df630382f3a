import { outcome } from "./messages.js";
import type { CheckOf, CheckRunner } from "./types.js";
import { eachMatch, unanswered } from "./values.js";

/** Whether a pointer reads a list item: its last segment is an index into a list. */
function isItem(pointer: string): boolean {
  return /\/(?:0|[1-9]\d*)$/.test(pointer);
}

/** The value exists, is not empty, and is not a non-answer such as "TBC" or "<name of the clinical lead>". */
export const present: CheckRunner<CheckOf<"present">> = (check, ctx) =>
  eachMatch(ctx, check.path, (value, pointer) => unanswered(ctx, value, pointer, isItem(pointer)) ?? outcome(true, pointer, "given", { pointer }));
