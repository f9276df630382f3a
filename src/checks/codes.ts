import type { NonAnswerKind } from "./non-answers.js";

/** A non-answer as an outcome carries it: its kind, the text quoted, and where it is. */
export type NonAnswerValues = {
  kind: NonAnswerKind;
  text: string;
  found: string;
};

/** Optionally, the first non-answer left out of a count, and how many were. */
export type Skipped = { [K in keyof NonAnswerValues]?: NonAnswerValues[K] | undefined } & { nonAnswers?: number | undefined };

/** For a missing value: the nearest ancestor that exists (`at`, "" for the root) and the first absent segment. */
export type AbsentValues = {
  pointer: string;
  at: string;
  absent: string;
};

/** A total and the sum of its parts. */
type Sum = { total: string; parts: string; totalValue: number; partsValue: number; count: number };
/** Two figures and the change stated between them; `difference` is `to` minus `from`. */
type NetChange = { from: string; to: string; change: string; fromValue: number; toValue: number; changeValue: number; difference: number };
/** A change and the baseline it is a change from. */
type Baseline = { change: string; baseline: string; changeValue: number; baselineValue: number };
/** Two sides compared: pointers (or $now), the operator, and the values read. */
type Comparison = { left: string; right: string; op: string; leftValue: number | string; rightValue: number | string; factor?: number | undefined };

/**
 * What each outcome code carries: the one list of codes and their typed fields. The wording is in
 * MESSAGES (messages.ts); reports and fingerprints read these values.
 */
export interface MessageValues {
  given: { pointer: string };
  missing: AbsentValues & { expected?: string | undefined; min?: number | undefined; max?: number | undefined };
  empty: { pointer: string };
  wrong_type: { pointer: string; expected: string; found: string };
  non_answer: { pointer: string } & NonAnswerValues;
  none_recorded: AbsentValues & { min?: number | undefined; pattern?: string | undefined };
  enough_words: { pointer: string; words: number };
  too_few_words: { pointer: string; words: number; minWords: number };
  enough_items: { pointer: string; count: number } & Skipped;
  too_few_items: { pointer: string; count: number; min: number; max?: number | undefined } & Skipped;
  too_many_items: { pointer: string; count: number; min: number; max: number };
  covered: { pointer: string; total: number; within?: string | undefined };
  missing_keys: { pointer: string; covered: number; total: number; missing: string[]; unanswered: string[]; within?: string | undefined } & Skipped;
  in_range: { pointer: string; value: number };
  out_of_range: { pointer: string; value: number; min?: number | undefined; max?: number | undefined };
  equal: { pointer: string; value: string };
  not_equal: { pointer: string; value: string; expected: string };
  comparison_holds: Comparison;
  comparison_fails: Comparison;
  not_compared: { left: string; reason: string };
  not_given: { pointer: string };
  plausible: { pointer: string; value: number };
  implausible: { pointer: string; value: number; min?: number | undefined; max?: number | undefined };
  sum_agrees: Sum;
  sum_differs: Sum;
  sum_within: Sum;
  sum_exceeds: Sum;
  change_agrees: NetChange;
  change_differs: NetChange;
  within_baseline: Baseline;
  exceeds_baseline: Baseline;
  none_compares: Omit<Comparison, "factor"> & { at: string };
  valid: { pointer: string };
  invalid: { pointer: string; rule: string; detail: string } & Skipped;
  cited: { pointer: string; id: string; type: string };
  no_evidence: { pointer: string; types: string[] } & Skipped;
  below_grade: { pointer: string; types: string[]; minGrade: string };
  not_cited: { pointer: string; types: string[]; ids: string[]; citedAt?: string | undefined };
  all_pass: { pattern: string; count: number };
  all_checks_pass: { details: string[] };
  none_pass: { alternatives: string[] };
  ruled_out: { detail: string };
  not_registered: { kind: string };
}

/** A built-in outcome code. */
export type MessageCode = keyof MessageValues;

/** Values as an outcome stores them: an optional field is left out, never undefined. */
export type Stored<V> = { [K in keyof V]: Exclude<V[K], undefined> };

/**
 * What a runner finds: pass or fail, the pointer it read, a code and the values behind it, and no
 * wording (the registry renders the sentence). A union keyed by `code`: narrowing on it types `values`.
 */
export type Finding<C extends MessageCode = MessageCode> = {
  [K in C]: { pass: boolean; pointer: string; code: K; values: Stored<MessageValues[K]> };
}[C];

/** A built-in check's outcome: a finding and its sentence. Narrow on `code` for typed `values`. */
export type BuiltinOutcome<C extends MessageCode = MessageCode> = {
  [K in C]: { pass: boolean; pointer: string; code: K; values: Stored<MessageValues[K]>; message: string };
}[C];

/** A finding with its code and values, undefined values left out. */
export function found<C extends MessageCode>(pass: boolean, pointer: string, code: C, values: MessageValues[C]): Finding<C> {
  // A loop, not Object.entries: an assessment builds about a hundred of these.
  const defined: Record<string, unknown> = {};
  for (const key in values) {
    const v = values[key as keyof typeof values];
    if (v !== undefined && Object.hasOwn(values, key)) defined[key] = v;
  }
  return { pass, pointer, code, values: defined } as Finding<C>;
}
