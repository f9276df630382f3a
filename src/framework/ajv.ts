import type { Ajv, ValidateFunction } from "ajv";
import { lazyRequire } from "../source/require.js";
import { interpret, interpretable } from "./fragment.js";

// Ajv is large (tens of milliseconds to load, and as long again to compile a framework's fragments)
// and most fragments are simple: those made of the common keywords are run by fragment.ts, which
// answers exactly as Ajv would; Ajv is required on the first fragment that needs it, never at start-up.
const ajvModule = lazyRequire<typeof import("ajv")>("ajv");

let shared: Ajv | undefined;

/** A quantified group, a back-reference or a lookaround: the shapes that backtrack without bound. */
const UNSAFE_PATTERN = /\)[*+?{]|\\[1-9]|\\k<|\(\?<?[=!]/;

/**
 * Ajv's regular-expression engine for fragments: a `pattern` comes from the framework file, and one
 * such as ^(a+)+$ takes exponential time on a short proposal text. Such a pattern fails to compile,
 * so the framework is refused when it loads.
 */
const guardedRegExp = Object.assign(
  (pattern: string, flags: string): RegExp => {
    if (pattern.length > 200 || UNSAFE_PATTERN.test(pattern)) {
      throw new Error(
        `pattern "${pattern.slice(0, 40)}" may take unbounded time: no quantified groups, back-references or lookarounds, at most 200 characters`,
      );
    }
    return new RegExp(pattern, flags);
  },
  { code: "new RegExp" },
);
const compiled = new WeakMap<object, ValidateFunction>();

/** One Ajv instance for JSON Schema fragments in checks, created on first use. */
function ajv(): Ajv {
  // Unknown keywords are errors (strictSchema); type and required pedantry is not, since fragments are small and local.
  shared ??= new (ajvModule().Ajv)({
    strictSchema: true,
    strictTypes: false,
    strictRequired: false,
    strictTuples: false,
    allowUnionTypes: true,
    validateFormats: false,
    code: { regExp: guardedRegExp },
  });
  return shared;
}

/** Compiles a check's JSON Schema fragment once; throws Ajv's error when the fragment is invalid. */
export function compileFragment(schema: Record<string, unknown>): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const fn = interpretable(schema) ? (interpret(schema) as unknown as ValidateFunction) : ajv().compile(schema);
  compiled.set(schema, fn);
  return fn;
}

/** Compiles a fragment with Ajv whatever it holds (for tests comparing the two). */
export function compileWithAjv(schema: Record<string, unknown>): ValidateFunction {
  return ajv().compile(schema);
}
