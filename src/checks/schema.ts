import { compileFragment } from "../framework/ajv.js";
import { canonicalJson } from "../model/hash.js";
import { getAt } from "../model/pointer.js";
import type { CheckOf, CheckRunner } from "./types.js";

/** The value is valid against a JSON Schema fragment (the escape hatch), evaluated by Ajv. */
export const schema: CheckRunner<CheckOf<"schema">> = (check, ctx) => {
  const pointer = check.path;
  const value = getAt(ctx.proposal, pointer);
  if (value === undefined) return { pass: false, pointer, message: `${pointer} is missing` };
  const validate = compileFragment(check.schema);
  // Ajv reports errors in the value's key order; a canonical copy makes the first error independent of it.
  if (validate(JSON.parse(canonicalJson(value)))) return { pass: true, pointer, message: `${pointer} is as required` };
  const first = validate.errors?.[0];
  const at = first ? `${pointer}${first.instancePath}` : pointer;
  return { pass: false, pointer: at, message: `${at} ${first?.message ?? "is not as required"}` };
};
