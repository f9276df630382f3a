import type { CheckSpec } from "../model/check.js";
import type { Proposal } from "../model/proposal.js";

/** A value an outcome carries: a number, a text, or a list of texts. */
export type OutcomeValue = string | number | string[];

/**
 * What a check found: pass or fail, the pointer it read, a snake_case `code` for what it found
 * (`missing`, `non_answer`, `too_few_words` …), the `values` behind it ({ words: 26, minWords: 40 }),
 * and `message`, the sentence src/checks/messages.ts renders from the code and values. The shape
 * every outcome has in a report; a built-in check's is a `BuiltinOutcome` (codes.ts), typed by code.
 */
export interface CheckOutcome {
  pass: boolean;
  pointer: string;
  code: string;
  values: Record<string, OutcomeValue>;
  message: string;
}

/** What a custom check returns: a code and values are optional, and default to `custom` and none. */
export type CustomCheckOutcome = Omit<CheckOutcome, "code" | "values"> & Partial<Pick<CheckOutcome, "code" | "values">>;

/** What a check may read: the proposal and indexes built once per assessment. */
export interface CheckContext {
  proposal: Proposal;
  /** For each evidence id: the pointers of the `evidence` lists that cite it. */
  citations: ReadonlyMap<string, readonly string[]>;
  /** The assessment date, YYYY-MM-DD, when the caller gave one; `$now` comparisons need it. */
  today?: string;
  /** Evaluates a nested check (for all/any/not). */
  evaluate(check: CheckSpec): CheckOutcome;
}

/** The built-in check kinds. */
export type BuiltinKind = Exclude<CheckSpec["kind"], `x-${string}`>;
export type CheckOf<K extends CheckSpec["kind"]> = Extract<CheckSpec, { kind: K }>;
