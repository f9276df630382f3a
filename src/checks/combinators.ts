import { outcome } from "./messages.js";
import type { CheckOf, CheckRunner } from "./types.js";

/** Passes that found nothing to judge (a figure not given, a date with nothing to compare it with). */
const VACUOUS = new Set(["not_given", "not_compared"]);

/** Every check passes; reports the first failure. A pass says what was found, not what was absent. */
export const all: CheckRunner<CheckOf<"all">> = (check, ctx) => {
  const outcomes = check.checks.map((c) => ctx.evaluate(c));
  const failed = outcomes.find((o) => !o.pass);
  if (failed) return failed;
  const found = outcomes.filter((o) => !VACUOUS.has(o.code));
  const said = found.length > 0 ? found : outcomes;
  return outcome(true, said[0]?.pointer ?? "", "all_checks_pass", { details: said.map((o) => o.message) });
};

/** At least one check passes; when none does, says what each wanted. */
export const any: CheckRunner<CheckOf<"any">> = (check, ctx) => {
  const outcomes = check.checks.map((c) => ctx.evaluate(c));
  const passed = outcomes.find((o) => o.pass);
  if (passed) return passed;
  return outcome(false, outcomes[0]?.pointer ?? "", "none_pass", { alternatives: outcomes.map((o) => o.message) });
};

/**
 * The inner check fails. When it passes instead, the sentence says what was found and that the
 * check rules it out ("/beds/alternativeProvision is given, which the check rules out"), never
 * schema logic; when it fails, its own finding is the reason this one passes.
 */
export const not: CheckRunner<CheckOf<"not">> = (check, ctx) => {
  const inner = ctx.evaluate(check.check);
  if (!inner.pass) return { ...inner, pass: true };
  return outcome(false, inner.pointer, "ruled_out", { detail: inner.message });
};
