import { AllCheck } from "../model/check.js";
import { found } from "./codes.js";
import { defineBuiltin } from "./define.js";

/** Passes that found nothing to judge (a figure not given, a date with nothing to compare it with). */
const VACUOUS = new Set(["not_given", "not_compared"]);

/** Every check passes; reports the first failure. A pass says what was found, not what was absent. */
export const all = defineBuiltin({
  kind: "all",
  params: AllCheck,
  codes: ["all_checks_pass"],
  doc: "Every check in `checks` passes. A failure is the first failing check's own outcome; a pass quotes what the checks found (`all_checks_pass`), leaving out those that found nothing to judge.",
  run: (check, _proposal, ctx) => {
    const outcomes = check.checks.map((c) => ctx.evaluate(c));
    const failed = outcomes.find((o) => !o.pass);
    if (failed) return failed;
    const judged = outcomes.filter((o) => !VACUOUS.has(o.code));
    const said = judged.length > 0 ? judged : outcomes;
    return found(true, said[0]?.pointer ?? "", "all_checks_pass", { details: said.map((o) => o.message) });
  },
});
