import type { ErrorObject } from "ajv";
import { SchemaCheck } from "../model/check.js";
import { canonicalJson } from "../model/hash.js";
import { escapeSegment, getAt } from "../model/pointer.js";
import { type Finding, found } from "./codes.js";
import { defineBuiltin } from "./define.js";
import { compileFragment } from "./fragment-compile.js";
import { schemaWords } from "./messages.js";
import { type FoundNonAnswer, findNonAnswer, isBlank, withoutNonAnswers } from "./non-answer.js";
import type { CheckContext, CheckOf } from "./types.js";
import { missing } from "./values.js";

const named = new WeakMap<object, ReadonlySet<string>>();

/** Every text a fragment names in a `const` or an `enum`: values it means, never non-answers. */
function namedTexts(schema: object): ReadonlySet<string> {
  const cached = named.get(schema);
  if (cached) return cached;
  const texts = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "const" && typeof v === "string") texts.add(v);
      if (k === "enum" && Array.isArray(v)) for (const e of v) if (typeof e === "string") texts.add(e);
      walk(v);
    }
  };
  walk(schema);
  named.set(schema, texts);
  return texts;
}

/**
 * The value is valid against a JSON Schema fragment (the escape hatch), evaluated by Ajv. It must
 * be valid as written, with its non-answer texts left out (a required mitigation of "TBC" fails
 * like a missing one), AND with list items named by a non-answer left out too (a commissioner
 * called "TBC" does not count as the commissioner that `contains` asks for). Each pass only adds a
 * condition, so a fragment that rules something out is never loosened.
 */
function run(check: CheckOf<"schema">, ctx: CheckContext) {
  const pointer = check.path;
  const value = getAt(ctx.proposal, pointer);
  if (value === undefined) return missing(ctx, pointer);
  const validate = compileFragment(check.schema);
  // Whether a value is valid never depends on its key order, but which error Ajv reports first does:
  // a failing value is validated again as a canonical copy, so the error reported is independent of it.
  if (!validate(value)) {
    const canonical: unknown = JSON.parse(canonicalJson(value));
    validate(canonical);
    const first = validate.errors?.[0];
    const at = first ? `${pointer}${first.instancePath}` : pointer;
    const seen = first ? getAt(canonical, first.instancePath) : value;
    return found(false, at, "invalid", { pointer: at, rule: first?.keyword ?? "", detail: schemaWords(first, seen) });
  }
  const keep = namedTexts(check.schema);
  // Most values hold no non-answer: found without a copy, and only then screened from a canonical one.
  if (!holdsNonAnswer(value, keep)) return found(true, pointer, "valid", { pointer });
  const canonical: unknown = JSON.parse(canonicalJson(value));
  const dropped: FoundNonAnswer[] = [];
  const screened = withoutNonAnswers(canonical, pointer, keep, dropped);
  if (dropped.length === 0) return found(true, pointer, "valid", { pointer });
  const unnamed: FoundNonAnswer[] = [];
  const named = withoutNonAnswers(canonical, pointer, keep, unnamed, true);
  // A value that is nothing but non-answers (a partner list whose one entry is "<one of the
  // organisations>") answers nothing, as a missing one would, even where the fragment only rules things out.
  if (isBlank(named)) return wholly(unnamed[0] ?? (dropped[0] as FoundNonAnswer), pointer);
  if (!validate(screened)) return blame(dropped, pointer, validate.errors?.[0]);
  if (validate(named)) return found(true, pointer, "valid", { pointer });
  return blame(unnamed, pointer, validate.errors?.[0]);
}

export const schema = defineBuiltin({
  kind: "schema",
  params: SchemaCheck,
  codes: ["valid", "invalid", "non_answer", "missing"],
  doc: "The value at `path` exists and is valid against `schema`, a JSON Schema (draft-07) fragment evaluated by Ajv: the escape hatch. It must be valid as written with its non-answer texts left out (texts the fragment names in a `const` or `enum` are kept), and with list items named by a non-answer left out too, so a required field of TBC fails like a missing one; a value that is nothing but non-answers (a list whose every item is a placeholder) fails as a non-answer, even against a fragment that only rules something out. A failure is said in plain words by JSON Schema keyword.",
  run: (check, _proposal, ctx) => run(check, ctx),
});

/** True when some text leaf of the value (not one the fragment names) is a non-answer, as withoutNonAnswers drops them. */
function holdsNonAnswer(value: unknown, keep: ReadonlySet<string>): boolean {
  if (typeof value !== "object" || value === null) return false;
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    if (typeof v === "string" ? !keep.has(v) && findNonAnswer(v) !== undefined : holdsNonAnswer(v, keep)) return true;
  }
  return false;
}

/** The value at `pointer` says nothing: every part of it is a non-answer, the first of which is quoted. */
function wholly(first: FoundNonAnswer, pointer: string): Finding<"non_answer"> {
  return found(false, pointer, "non_answer", { pointer, kind: first.kind, text: first.text, found: first.pointer });
}

/**
 * Why the value fails once its non-answers are left out: the non-answer itself when it stands
 * where a required field went missing (or where the failure is), else the failure, naming the
 * first non-answer left out at or under it.
 */
function blame(dropped: FoundNonAnswer[], pointer: string, error: ErrorObject | undefined): Finding<"non_answer" | "invalid"> {
  const at = `${pointer}${error?.instancePath ?? ""}`;
  const field = error?.keyword === "required" ? `${at}/${escapeSegment(String(error.params.missingProperty))}` : at;
  const exact = dropped.find((d) => d.pointer === field);
  if (exact) return found(false, exact.pointer, "non_answer", { pointer: exact.pointer, kind: exact.kind, text: exact.text, found: exact.pointer });
  const near = dropped.find((d) => d.pointer.startsWith(`${at}/`)) ?? (dropped[0] as FoundNonAnswer);
  const detail = schemaWords(error, undefined);
  return found(false, at, "invalid", { pointer: at, rule: error?.keyword ?? "", detail, kind: near.kind, text: near.text, found: near.pointer });
}
