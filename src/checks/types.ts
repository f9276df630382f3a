import type { CheckSpec } from "../model/check.js";
import type { Proposal } from "../model/proposal.js";

/** What a check found: pass or fail, the pointer it read, and a message a reader understands. */
export interface CheckOutcome {
  pass: boolean;
  pointer: string;
  message: string;
}

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

/** Evaluates one kind of check. */
export type CheckRunner<C> = (check: C, ctx: CheckContext) => CheckOutcome;

/** The built-in check kinds. */
export type BuiltinKind = Exclude<CheckSpec["kind"], `x-${string}`>;
export type CheckOf<K extends CheckSpec["kind"]> = Extract<CheckSpec, { kind: K }>;
