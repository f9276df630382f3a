import type { CheckOf, CheckRunner } from "./types.js";
import { eachMatch } from "./values.js";

/** The value equals the expected one. */
export const equals: CheckRunner<CheckOf<"equals">> = (check, ctx) =>
  eachMatch(
    ctx,
    check.path,
    (value, pointer) =>
      value === check.value
        ? { pass: true, pointer, message: `${pointer} is ${JSON.stringify(value)}` }
        : {
            pass: false,
            pointer,
            message:
              value === undefined
                ? `${pointer} is missing; expected ${JSON.stringify(check.value)}`
                : `${pointer} is ${JSON.stringify(value)}; expected ${JSON.stringify(check.value)}`,
          },
    `nothing at ${check.path}`,
  );
