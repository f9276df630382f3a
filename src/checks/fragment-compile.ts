import type { Ajv, Options, ValidateFunction } from "ajv";
import { PRECOMPILED } from "../generated/fragments.js";
import { lazyRequire } from "../source/require.js";
import { badRef } from "./fragment-refs.js";
import { ajvRegExp } from "./linear-regexp.js";

// One JSON Schema engine, Ajv, in two forms. The built-in frameworks' fragments were compiled by
// Ajv ahead of time (`npm run generate` writes its standalone code to src/generated/fragments.ts),
// so assessing with them never loads Ajv; any other fragment (a user's framework) is compiled by
// Ajv when it is first used. Ajv is large: tens of milliseconds to load, as long again to compile.
const ajvModule = lazyRequire<typeof import("ajv")>("ajv");

/**
 * The options every fragment is compiled with, ahead of time or at load. Unknown keywords are
 * errors (strictSchema); type and required pedantry is not, since fragments are small and local.
 * Patterns run on RE2 (linear-regexp.ts).
 */
export const AJV_OPTIONS: Options = {
  strictSchema: true,
  strictTypes: false,
  strictRequired: false,
  strictTuples: false,
  allowUnionTypes: true,
  validateFormats: false,
  code: { regExp: ajvRegExp },
};

let shared: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/** An Ajv instance that never keeps a fragment: each is removed again once compiled. */
function ajv(): Ajv {
  shared ??= new (ajvModule().Ajv)(AJV_OPTIONS);
  return shared;
}

/** True when a schema (or one inside it) declares an `$id`, which Ajv would register by name. */
function hasId(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (!Array.isArray(value) && Object.hasOwn(value, "$id")) return true;
  return Object.values(value).some(hasId);
}

/**
 * Compiles a fragment with Ajv, keeping nothing of it in Ajv: a fragment is a world of its own,
 * so loading the same framework twice, or two that use the same `$id`, never collide, and no
 * fragment can `$ref` another's. One with an `$id` gets an Ajv instance of its own (checked against
 * the meta-schema by the shared one, which is the costly part of a new instance).
 */
function compileAlone(schema: Record<string, unknown>): ValidateFunction {
  const bad = badRef(schema);
  if (bad) throw new FragmentError(bad.message, bad.pointer);
  const shared = ajv();
  if (!hasId(schema)) {
    try {
      return shared.compile(schema);
    } finally {
      shared.removeSchema(schema);
    }
  }
  shared.validateSchema(schema, true);
  return new (ajvModule().Ajv)({ ...AJV_OPTIONS, validateSchema: false }).compile(schema);
}

/** A fragment Ajv must not run, with the pointer (inside the fragment) of the part to blame. */
export class FragmentError extends Error {
  constructor(
    message: string,
    readonly pointer: string,
  ) {
    super(message);
  }
}

/**
 * Compiles a check's JSON Schema fragment once; throws Ajv's error (or a FragmentError) when it is
 * invalid. A fragment written exactly as a built-in one (keys in the same order, which decides the
 * order Ajv reports errors in) runs the code compiled ahead of time.
 */
export function compileFragment(schema: Record<string, unknown>): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const fn = (PRECOMPILED.get(JSON.stringify(schema)) as ValidateFunction | undefined) ?? compileAlone(schema);
  compiled.set(schema, fn);
  return fn;
}

/** Compiles a fragment with Ajv whatever it is (for the generator, and for tests comparing the two). */
export function compileWithAjv(schema: Record<string, unknown>): ValidateFunction {
  return compileAlone(schema);
}
