import { CoversCheck } from "../model/check.js";
import { escapeSegment, getAt } from "../model/pointer.js";
import { found } from "./codes.js";
import { defineBuiltin } from "./define.js";
import { describe, TYPE_WORDS } from "./messages.js";
import { type FoundNonAnswer, isBlank, nonAnswerIn } from "./non-answer.js";
import type { CheckContext, CheckOf } from "./types.js";
import { missing } from "./values.js";

interface Keys {
  have: Set<string>;
  /** Keys whose only entry is a non-answer, with the first non-answer for each. */
  unanswered: Map<string, FoundNonAnswer>;
}

function listKeys(list: unknown[], field: string | undefined, pointer: string): Keys {
  const keys: Keys = { have: new Set(), unanswered: new Map() };
  list.forEach((item, i) => {
    const at = `${pointer}/${i}`;
    const key = field === undefined ? item : (item as Record<string, unknown> | null)?.[field];
    if (typeof key !== "string") return;
    // A list of strings: the key is the whole item, and a key that is a non-answer ("TBC") is no key.
    const nonAnswer = field === undefined ? undefined : nonAnswerIn(item, at, true);
    if (nonAnswer) keys.unanswered.set(key, nonAnswer);
    else keys.have.add(key);
  });
  return keys;
}

function recordKeys(record: Record<string, unknown>, pointer: string): Keys {
  const keys: Keys = { have: new Set(), unanswered: new Map() };
  for (const [key, entry] of Object.entries(record)) {
    // An entry with nothing in it (null, {}) covers nothing either.
    if (isBlank(entry)) continue;
    const nonAnswer = nonAnswerIn(entry, `${pointer}/${escapeSegment(key)}`);
    if (nonAnswer) keys.unanswered.set(key, nonAnswer);
    else keys.have.add(key);
  }
  return keys;
}

/**
 * The keys to cover: all of them, or, when `within` names a list in the proposal that holds some of
 * them (the age groups a service is for), only those.
 */
function wanted(keys: string[], within: string | undefined, ctx: CheckContext): { keys: string[]; within?: string } {
  if (within === undefined) return { keys };
  const listed = getAt(ctx.proposal, within);
  const narrowed = Array.isArray(listed) ? keys.filter((k) => listed.includes(k)) : [];
  return narrowed.length === 0 ? { keys } : { keys: narrowed, within };
}

/**
 * The record or list covers every key of a set, e.g. all nine protected characteristics. An entry
 * that is only a non-answer (impact unknown, evidence "<evidence of the race characteristic>")
 * does not cover its key.
 */
function run(check: CheckOf<"covers">, ctx: CheckContext) {
  const pointer = check.path;
  const value = getAt(ctx.proposal, pointer);
  if (value === undefined) return missing(ctx, pointer);
  if (typeof value !== "object" || value === null)
    return found(false, pointer, "wrong_type", { pointer, expected: TYPE_WORDS.listOrMap, found: describe(value) });
  const keys = Array.isArray(value) ? listKeys(value, check.field, pointer) : recordKeys(value as Record<string, unknown>, pointer);
  const { keys: asked, within } = wanted(check.keys, check.within, ctx);
  const absent = asked.filter((k) => !keys.have.has(k));
  if (absent.length === 0) return found(true, pointer, "covered", { pointer, total: asked.length, within });
  const unanswered = absent.filter((k) => keys.unanswered.has(k));
  const first = unanswered[0] === undefined ? undefined : keys.unanswered.get(unanswered[0]);
  return found(false, pointer, "missing_keys", {
    pointer,
    covered: asked.length - absent.length,
    total: asked.length,
    within,
    missing: absent,
    unanswered,
    ...(first ? { kind: first.kind, text: first.text, found: first.pointer } : {}),
  });
}

export const covers = defineBuiltin({
  kind: "covers",
  params: CoversCheck,
  codes: ["covered", "missing_keys", "missing", "wrong_type"],
  doc: "The record at `path` has every key in `keys`, or the list at `path` holds every key (as strings, or in each item's `field`). An entry that is empty or only a non-answer covers nothing. With `within`, a pointer to a list in the proposal, only the keys that list names are asked for, when it names any.",
  run: (check, _proposal, ctx) => run(check, ctx),
});
