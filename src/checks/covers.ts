import { escapeSegment, getAt } from "../model/pointer.js";
import { outcome } from "./messages.js";
import { type FoundNonAnswer, isBlank, nonAnswerIn } from "./non-answer.js";
import type { CheckContext, CheckOf, CheckRunner } from "./types.js";
import { describe, missing } from "./values.js";

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
    const found = field === undefined ? undefined : nonAnswerIn(item, at, true);
    if (found) keys.unanswered.set(key, found);
    else keys.have.add(key);
  });
  return keys;
}

function recordKeys(record: Record<string, unknown>, pointer: string): Keys {
  const keys: Keys = { have: new Set(), unanswered: new Map() };
  for (const [key, entry] of Object.entries(record)) {
    // An entry with nothing in it (null, {}) covers nothing either.
    if (isBlank(entry)) continue;
    const found = nonAnswerIn(entry, `${pointer}/${escapeSegment(key)}`);
    if (found) keys.unanswered.set(key, found);
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
export const covers: CheckRunner<CheckOf<"covers">> = (check, ctx) => {
  const pointer = check.path;
  const value = getAt(ctx.proposal, pointer);
  if (value === undefined) return missing(ctx, pointer);
  if (typeof value !== "object" || value === null)
    return outcome(false, pointer, "wrong_type", { pointer, expected: "a list or a map", found: describe(value) });
  const keys = Array.isArray(value) ? listKeys(value, check.field, pointer) : recordKeys(value as Record<string, unknown>, pointer);
  const { keys: asked, within } = wanted(check.keys, check.within, ctx);
  const absent = asked.filter((k) => !keys.have.has(k));
  if (absent.length === 0) return outcome(true, pointer, "covered", { pointer, total: asked.length, within });
  const unanswered = absent.filter((k) => keys.unanswered.has(k));
  const first = unanswered[0] === undefined ? undefined : keys.unanswered.get(unanswered[0]);
  return outcome(false, pointer, "missing_keys", {
    pointer,
    covered: asked.length - absent.length,
    total: asked.length,
    within,
    missing: absent,
    unanswered,
    ...(first ? { kind: first.kind, text: first.text, found: first.pointer } : {}),
  });
};
