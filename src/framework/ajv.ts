import type { Ajv, Options, ValidateFunction } from "ajv";
import { lazyRequire } from "../source/require.js";
import { interpret, interpretable } from "./fragment.js";
import { badRef } from "./fragment-refs.js";
import { ajvRegExp } from "./linear-regexp.js";

// Ajv is large (tens of milliseconds to load, and as long again to compile a framework's fragments)
// and most fragments are simple: those made of the common keywords are run by fragment.ts, which
// answers exactly as Ajv would; Ajv is required on the first fragment that needs it, never at start-up.
const ajvModule = lazyRequire<typeof import("ajv")>("ajv");

// Unknown keywords are errors (strictSchema); type and required pedantry is not, since fragments are
// small and local. Patterns run on RE2 (linear-regexp.ts).
const OPTIONS: Options = {
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
  shared ??= new (ajvModule().Ajv)(OPTIONS);
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
  return new (ajvModule().Ajv)({ ...OPTIONS, validateSchema: false }).compile(schema);
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

/** Compiles a check's JSON Schema fragment once; throws Ajv's error (or a FragmentError) when it is invalid. */
export function compileFragment(schema: Record<string, unknown>): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const fn = interpretable(schema) ? (interpret(schema) as unknown as ValidateFunction) : compileAlone(schema);
  compiled.set(schema, fn);
  return fn;
}

/** Compiles a fragment with Ajv whatever it holds (for tests comparing the two). */
export function compileWithAjv(schema: Record<string, unknown>): ValidateFunction {
  return compileAlone(schema);
}
