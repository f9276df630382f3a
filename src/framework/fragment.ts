import type { ErrorObject } from "ajv";
import { alwaysValid, equal, GROUPS, isObject, NO_CODE, type Schema, ValueSet } from "./fragment-subset.js";

export { interpretable } from "./fragment-subset.js";

// A small interpreter for the JSON Schema fragments frameworks carry in `schema` checks, so that an
// assessment with the built-in frameworks never loads Ajv (about 70 ms of a one-file CLI run: load,
// then compile). It takes only fragments made of the keywords in fragment-subset.ts, with values Ajv accepts, and
// answers exactly as Ajv 8 does with the options in ajv.ts (draft-07, allErrors off): the same
// verdict and the same errors. That means following Ajv's evaluation order (the type check, then
// const, enum, not, anyOf, if; then the number, string, array and object keywords; the first failing
// keyword ends a schema, and a type error ends it at the end of the next group) and its reporting:
// outside a composite keyword the first error ends validation; inside one (anyOf, contains, not,
// if) errors collect.
// Anything else goes to Ajv. tests/fast-path.test.ts compares the two on generated schemas and data.

/** Where errors go: `composite` inside anyOf, contains, not and if, where Ajv collects instead of returning. */
interface Ctx {
  composite: boolean;
  errors: ErrorObject[];
}
type Run = (data: unknown, path: string, ctx: Ctx) => void;

/** Ajv returning from validation with one error (outside composite keywords). */
class Return {
  constructor(readonly errors: ErrorObject[]) {}
}

function hasType(type: string, data: unknown): boolean {
  switch (type) {
    case "array":
      return Array.isArray(data);
    case "object":
      return isObject(data);
    case "number": // strictNumbers
      return typeof data === "number" && Number.isFinite(data);
    case "integer":
      return typeof data === "number" && Number.isFinite(data) && data % 1 === 0;
    case "null":
      return data === null;
    default:
      return typeof data === type;
  }
}

/** String length in code points, as Ajv's ucs2length counts it. */
function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** A key in an instance path (JSON pointer), and in a schema path (URI fragment), as Ajv writes them. */
const pointerKey = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
const escapeFragment = (key: string) => encodeURIComponent(pointerKey(key));

/**
 * Reports an error the way Ajv does: inside a composite keyword it is collected; outside, it ends
 * validation, alone or (`append`, for anyOf and if) after the errors collected so far.
 */
function report(ctx: Ctx, path: string, at: string, keyword: string, params: Record<string, unknown>, message: string, append = false): void {
  const e: ErrorObject = { instancePath: path, schemaPath: `${at}/${keyword}`, keyword, params, message };
  if (ctx.composite) ctx.errors.push(e);
  else throw new Return(append ? [...ctx.errors, e] : [e]);
}

/** Runs a schema and tells whether it passed (added no error to the context). */
function passes(run: Run, d: unknown, p: string, ctx: Ctx): boolean {
  const before = ctx.errors.length;
  run(d, p, ctx);
  return ctx.errors.length === before;
}

const composite = (ctx: Ctx): Ctx => ({ composite: true, errors: ctx.errors });
const isolated = (): Ctx => ({ composite: true, errors: [] });

function limit(k: string, v: number, at: string, size: (d: unknown) => number, unit: string): Run {
  const most = k.startsWith("max");
  return (d, p, ctx) => {
    const n = size(d);
    if (most ? n > v : n < v) report(ctx, p, at, k, { limit: v }, `must NOT have ${most ? "more" : "fewer"} than ${v} ${unit}`);
  };
}

function keyword(schema: Schema, k: string, at: string): Run {
  const v = schema[k];
  switch (k) {
    case "const": {
      const same = (d: unknown) => (typeof v === "object" && v !== null ? equal(d, v) : d === v);
      // Ajv writes a primitive into its generated code, where -0 becomes 0.
      const allowedValue = Object.is(v, -0) ? 0 : v;
      return (d, p, ctx) => (same(d) ? undefined : report(ctx, p, at, k, { allowedValue }, "must be equal to constant"));
    }
    case "enum": {
      const values = v as unknown[];
      const allowed = new ValueSet();
      for (const x of values) allowed.add(x);
      return (d, p, ctx) => (allowed.matches(d) ? undefined : report(ctx, p, at, k, { allowedValues: values }, "must be equal to one of the allowed values"));
    }
    case "not": {
      const inner = compile(v as Schema, `${at}/not`);
      return (d, p, ctx) => (passes(inner, d, p, isolated()) ? report(ctx, p, at, k, {}, "must NOT be valid") : undefined);
    }
    case "anyOf": {
      const branches = (v as Schema[]).map((b, i) => compile(b, `${at}/anyOf/${i}`));
      if ((v as Schema[]).some(alwaysValid)) return () => undefined;
      return (d, p, ctx) => {
        const before = ctx.errors.length;
        if (branches.some((branch) => passes(branch, d, p, composite(ctx)))) ctx.errors.length = before;
        else report(ctx, p, at, k, {}, "must match a schema in anyOf", true);
      };
    }
    case "if":
      return conditional(schema, at);
    case "maximum":
    case "minimum": {
      const [cmp, fails] = k === "maximum" ? ["<=", (d: number) => d > (v as number)] : [">=", (d: number) => d < (v as number)];
      const bound = Object.is(v, -0) ? 0 : v;
      return (d, p, ctx) => (fails(d as number) ? report(ctx, p, at, k, { comparison: cmp, limit: bound }, `must be ${cmp} ${bound}`) : undefined);
    }
    case "maxLength":
    case "minLength":
      return limit(k, v as number, at, (d) => length(d as string), "characters");
    case "maxItems":
    case "minItems":
      return limit(k, v as number, at, (d) => (d as unknown[]).length, "items");
    case "items": {
      const inner = compile(v as Schema, `${at}/items`);
      return (d, p, ctx) => void (d as unknown[]).every((x, i) => passes(inner, x, `${p}/${i}`, ctx));
    }
    case "contains": {
      const inner = compile(v as Schema, `${at}/contains`);
      return (d, p, ctx) => {
        const before = ctx.errors.length;
        if ((d as unknown[]).some((x, i) => passes(inner, x, `${p}/${i}`, composite(ctx)))) ctx.errors.length = before;
        else report(ctx, p, at, k, { minContains: 1 }, "must contain at least 1 valid item(s)");
      };
    }
    case "required":
      return (d, p, ctx) => {
        const missing = (v as string[]).find((name) => (d as Schema)[name] === undefined);
        if (missing !== undefined) report(ctx, p, at, k, { missingProperty: missing }, `must have required property '${missing}'`);
      };
    case "additionalProperties":
      return additional(schema, at);
    default:
      return properties(v as Record<string, Schema>, at);
  }
}

function conditional(schema: Schema, at: string): Run {
  const test = compile(schema.if as Schema, `${at}/if`);
  const clause = (name: "then" | "else"): Run | undefined => {
    const sub = schema[name];
    if (sub === undefined || alwaysValid(sub)) return undefined;
    const run = compile(sub as Schema, `${at}/${name}`);
    return (d, p, ctx) => (passes(run, d, p, ctx) ? undefined : report(ctx, p, at, "if", { failingKeyword: name }, `must match "${name}" schema`, true));
  };
  const then = clause("then");
  const otherwise = clause("else");
  if (!then && !otherwise) return () => undefined;
  return (d, p, ctx) => (passes(test, d, p, isolated()) ? then?.(d, p, ctx) : otherwise?.(d, p, ctx));
}

function additional(schema: Schema, at: string): Run {
  const known = new Set(Object.keys((schema.properties as Schema | undefined) ?? {}));
  const v = schema.additionalProperties;
  const inner = typeof v === "object" && !alwaysValid(v) ? compile(v as Schema, `${at}/additionalProperties`) : undefined;
  return (d, p, ctx) => {
    for (const key in d as Schema) {
      if (known.has(key)) continue;
      if (v === false) return report(ctx, p, at, "additionalProperties", { additionalProperty: key }, "must NOT have additional properties");
      if (inner && !passes(inner, (d as Schema)[key], `${p}/${pointerKey(key)}`, ctx)) return;
    }
  };
}

function properties(props: Record<string, Schema>, at: string): Run {
  const runs = Object.entries(props).map(([key, s]) => [key, compile(s, `${at}/properties/${escapeFragment(key)}`)] as const);
  return (d, p, ctx) => {
    for (const [key, run] of runs) {
      const value = (d as Schema)[key];
      if (value !== undefined && !passes(run, value, `${p}/${pointerKey(key)}`, ctx)) return;
    }
  };
}

function compile(schema: Schema, at: string): Run {
  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type as string | string[]);
  const used = GROUPS.filter(([, keys]) => keys.some((k) => k in schema));
  const groups = used.map(([type, keys]) => [type, keys.filter((k) => k in schema && !NO_CODE.has(k)).map((k) => keyword(schema, k, at))] as const);
  // Ajv checks the type up front, unless the one type named has keywords of its own: that group reports it.
  const single = types.length === 1 && groups.some(([type]) => type === types[0]) ? types[0] : undefined;
  const typeError = (p: string, ctx: Ctx) => report(ctx, p, at, "type", { type: schema.type }, `must be ${String(schema.type)}`);
  return (d, p, ctx) => {
    const before = ctx.errors.length;
    if (single === undefined && types.length > 0 && !types.some((t) => hasType(t, d))) typeError(p, ctx);
    for (const [type, runs] of groups) {
      if (type !== "" && !hasType(type, d)) {
        if (type === single) typeError(p, ctx);
      } else if (!runs.every((run) => passes(run, d, p, ctx))) {
        return; // allErrors off: the first failing keyword ends the schema
      }
      if (ctx.errors.length !== before) return; // and so does the end of a group after a type error
    }
  };
}

/** A validate function shaped like Ajv's: returns the verdict and sets `errors` (null when valid). */
export interface FragmentValidator {
  (data: unknown): boolean;
  errors: ErrorObject[] | null;
}

/** Compiles an interpretable fragment (see `interpretable`). */
export function interpret(schema: Record<string, unknown>): FragmentValidator {
  const run = compile(schema, "#");
  const validate = ((data: unknown) => {
    const ctx: Ctx = { composite: false, errors: [] };
    try {
      run(data, "", ctx);
    } catch (error) {
      if (!(error instanceof Return)) throw error;
      ctx.errors = error.errors;
    }
    validate.errors = ctx.errors.length > 0 ? ctx.errors : null;
    return ctx.errors.length === 0;
  }) as FragmentValidator;
  validate.errors = null;
  return validate;
}
