import { Ajv, type ValidateFunction } from "ajv";

let shared: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/** One Ajv instance for JSON Schema fragments in checks, created on first use. */
function ajv(): Ajv {
  // Unknown keywords are errors (strictSchema); type and required pedantry is not, since fragments are small and local.
  shared ??= new Ajv({ strictSchema: true, strictTypes: false, strictRequired: false, strictTuples: false, allowUnionTypes: true, validateFormats: false });
  return shared;
}

/** Compiles a check's JSON Schema fragment once; throws Ajv's error when the fragment is invalid. */
export function compileFragment(schema: Record<string, unknown>): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const fn = ajv().compile(schema);
  compiled.set(schema, fn);
  return fn;
}
