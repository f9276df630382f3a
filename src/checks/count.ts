import { getAt } from "../model/pointer.js";
import type { CheckOf, CheckRunner } from "./types.js";

/** The list (or record) has enough items. */
export const count: CheckRunner<CheckOf<"count">> = (check, ctx) => {
  const pointer = check.path;
  const value = getAt(ctx.proposal, pointer);
  const n = Array.isArray(value) ? value.length : typeof value === "object" && value !== null ? Object.keys(value).length : 0;
  const want = check.max === undefined ? `at least ${check.min}` : `${check.min} to ${check.max}`;
  const ok = n >= check.min && (check.max === undefined || n <= check.max);
  return { pass: ok, pointer, message: ok ? `${pointer} has ${n} items` : `${pointer} has ${n} items; expected ${want}` };
};
