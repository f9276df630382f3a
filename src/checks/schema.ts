import type { ErrorObject } from "ajv";
import { compileFragment } from "./fragment-compile.js";
import { canonicalJson } from "../model/hash.js";
import { escapeSegment, getAt } from "../model/pointer.js";
import { outcome } from "./messages.js";
import { type FoundNonAnswer, findNonAnswer, withoutNonAnswers } from "./non-answer.js";
import { schemaWords } from "./schema-words.js";
import type { CheckOf, CheckOutcome, CheckRunner } from "./types.js";
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
export const schema: CheckRunner<CheckOf<"schema">> = (check, ctx) => {
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
    const found = first ? getAt(canonical, first.instancePath) : value;
    return outcome(false, at, "invalid", { pointer: at, rule: first?.keyword ?? "", detail: schemaWords(first, found) });
  }
  const keep = namedTexts(check.schema);
  // Most values hold no non-answer: found without a copy, and only then screened from a canonical one.
  if (!holdsNonAnswer(value, keep)) return outcome(true, pointer, "valid", { pointer });
  const canonical: unknown = JSON.parse(canonicalJson(value));
  const dropped: FoundNonAnswer[] = [];
  const screened = withoutNonAnswers(canonical, pointer, keep, dropped);
  if (dropped.length === 0) return outcome(true, pointer, "valid", { pointer });
  if (!validate(screened)) return blame(dropped, pointer, validate.errors?.[0]);
  const unnamed: FoundNonAnswer[] = [];
  if (validate(withoutNonAnswers(canonical, pointer, keep, unnamed, true))) return outcome(true, pointer, "valid", { pointer });
  return blame(unnamed, pointer, validate.errors?.[0]);
};

/** True when some text leaf of the value (not one the fragment names) is a non-answer, as withoutNonAnswers drops them. */
function holdsNonAnswer(value: unknown, keep: ReadonlySet<string>): boolean {
  if (typeof value !== "object" || value === null) return false;
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    if (typeof v === "string" ? !keep.has(v) && findNonAnswer(v) !== undefined : holdsNonAnswer(v, keep)) return true;
  }
  return false;
}

/**
 * Why the value fails once its non-answers are left out: the non-answer itself when it stands
 * where a required field went missing (or where the failure is), else the failure, naming the
 * first non-answer left out at or under it.
 */
function blame(dropped: FoundNonAnswer[], pointer: string, error: ErrorObject | undefined): CheckOutcome {
  const at = `${pointer}${error?.instancePath ?? ""}`;
  const field = error?.keyword === "required" ? `${at}/${escapeSegment(String(error.params.missingProperty))}` : at;
  const exact = dropped.find((d) => d.pointer === field);
  if (exact) return outcome(false, exact.pointer, "non_answer", { pointer: exact.pointer, kind: exact.kind, text: exact.text, found: exact.pointer });
  const near = dropped.find((d) => d.pointer.startsWith(`${at}/`)) ?? (dropped[0] as FoundNonAnswer);
  const detail = schemaWords(error, undefined);
  return outcome(false, at, "invalid", { pointer: at, rule: error?.keyword ?? "", detail, kind: near.kind, text: near.text, found: near.pointer });
}
