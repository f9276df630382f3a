import { NotCheck } from "../model/check.js";
import { found } from "./codes.js";
import { defineBuiltin } from "./define.js";

/**
 * The inner check fails. When it passes instead, the sentence says what was found and that the
 * check rules it out ("/beds/alternativeProvision is given, which the check rules out"), never
 * schema logic; when it fails, its own finding is the reason this one passes.
 */
export const not = defineBuiltin({
  kind: "not",
  params: NotCheck,
  codes: ["ruled_out"],
  doc: "The check in `check` fails. Its failure, as it found it, is this check's pass; when it passes instead, this check fails (`ruled_out`), saying what was found and that the check rules it out.",
  run: (check, _proposal, ctx) => {
    const inner = ctx.evaluate(check.check);
    if (!inner.pass) return { ...inner, pass: true };
    return found(false, inner.pointer, "ruled_out", { detail: inner.message });
  },
});
