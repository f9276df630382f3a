import { outcome } from "./messages.js";
import type { CheckOf, CheckRunner } from "./types.js";

/** Every check passes; reports the first failure. */
export const all: CheckRunner<CheckOf<"all">> = (check, ctx) => {
  const outcomes = check.checks.map((c) => ctx.evaluate(c));
  const failed = outcomes.find((o) => !o.pass);
  if (failed) return failed;
  return outcome(true, outcomes[0]?.pointer ?? "", "all_checks_pass", { details: outcomes.map((o) => o.message) });
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
