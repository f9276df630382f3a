import type { CheckOf, CheckRunner } from "./types.js";
import { eachMatch } from "./values.js";

function bounds(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  if (min !== undefined) return `at least ${min}`;
  return max === undefined ? "a number" : `at most ${max}`;
}

/** The number lies within the bounds (inclusive). */
export const range: CheckRunner<CheckOf<"range">> = (check, ctx) =>
  eachMatch(
    ctx,
    check.path,
    (value, pointer) => {
      const want = bounds(check.min, check.max);
      if (typeof value !== "number") return { pass: false, pointer, message: `${pointer} is missing; expected ${want}` };
      const ok = (check.min === undefined || value >= check.min) && (check.max === undefined || value <= check.max);
      return ok ? { pass: true, pointer, message: `${pointer} is ${value}` } : { pass: false, pointer, message: `${pointer} is ${value}; expected ${want}` };
    },
    `nothing at ${check.path}`,
  );
