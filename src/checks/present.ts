import type { CheckOf, CheckRunner } from "./types.js";
import { eachMatch, isPresent } from "./values.js";

/** The value exists and is not empty. */
export const present: CheckRunner<CheckOf<"present">> = (check, ctx) =>
  eachMatch(
    ctx,
    check.path,
    (value, pointer) =>
      isPresent(value) ? { pass: true, pointer, message: `${pointer} is given` } : { pass: false, pointer, message: `${pointer} is missing or empty` },
    `nothing at ${check.path}`,
  );
