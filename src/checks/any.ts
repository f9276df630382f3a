import { AnyCheck } from "../model/check.js";
import { found } from "./codes.js";
import { defineBuiltin } from "./define.js";

/** At least one check passes; when none does, says what each wanted. */
export const any = defineBuiltin({
  kind: "any",
  params: AnyCheck,
  codes: ["none_pass"],
  doc: "At least one check in `checks` passes. A pass is the first passing check's own outcome; a failure (`none_pass`) quotes what each alternative found.",
  run: (check, _proposal, ctx) => {
    const outcomes = check.checks.map((c) => ctx.evaluate(c));
    const passed = outcomes.find((o) => o.pass);
    if (passed) return passed;
    return found(false, outcomes[0]?.pointer ?? "", "none_pass", { alternatives: outcomes.map((o) => o.message) });
  },
});
