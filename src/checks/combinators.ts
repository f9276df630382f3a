import type { CheckOf, CheckRunner } from "./types.js";

/** Every check passes; reports the first failure. */
export const all: CheckRunner<CheckOf<"all">> = (check, ctx) => {
  const outcomes = check.checks.map((c) => ctx.evaluate(c));
  const failed = outcomes.find((o) => !o.pass);
  if (failed) return failed;
  return { pass: true, pointer: outcomes[0]?.pointer ?? "", message: outcomes.map((o) => o.message).join("; ") };
};

/** At least one check passes; when none does, says what each wanted. */
export const any: CheckRunner<CheckOf<"any">> = (check, ctx) => {
  const outcomes = check.checks.map((c) => ctx.evaluate(c));
  const passed = outcomes.find((o) => o.pass);
  if (passed) return passed;
  return { pass: false, pointer: outcomes[0]?.pointer ?? "", message: `none of: ${outcomes.map((o) => o.message).join("; or ")}` };
};

/** The inner check fails. */
export const not: CheckRunner<CheckOf<"not">> = (check, ctx) => {
  const inner = ctx.evaluate(check.check);
  return { pass: !inner.pass, pointer: inner.pointer, message: inner.pass ? `not expected: ${inner.message}` : inner.message };
};
