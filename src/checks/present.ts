import { PresentCheck } from "../model/check.js";
import { found } from "./codes.js";
import { defineBuiltin } from "./define.js";
import { eachMatch, unanswered } from "./values.js";

/** Whether a pointer reads a list item: its last segment is an index into a list. */
function isItem(pointer: string): boolean {
  return /\/(?:0|[1-9]\d*)$/.test(pointer);
}

/** The value exists, is not empty, and is not a non-answer such as "TBC" or "<name of the clinical lead>". */
export const present = defineBuiltin({
  kind: "present",
  params: PresentCheck,
  codes: ["given", "missing", "empty", "non_answer", "none_recorded", "all_pass"],
  doc: 'The value at `path` exists, is not empty (not `""`, `[]`, `{}` or `null`) and is not a non-answer such as TBC or a template placeholder. With a `*` in `path`, every match must be present.',
  run: (check, _proposal, ctx) =>
    eachMatch(ctx, check.path, (value, pointer) => unanswered(ctx, value, pointer, isItem(pointer)) ?? found(true, pointer, "given", { pointer })),
});
