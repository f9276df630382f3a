import type { z } from "zod";
import type { Proposal } from "../model/proposal.js";
import type { Finding, MessageCode } from "./codes.js";
import type { BuiltinKind, CheckContext, CheckOf, CheckOutcome, CustomCheckOutcome } from "./types.js";

/**
 * A check kind, defined in one place: the kind a framework names, the zod schema of its
 * parameters, a pure `run`, and (required of the built-ins) the codes it can find and a paragraph
 * saying what it checks. Built-in and custom checks share this type.
 */
export interface CheckDefinition<K extends string, P, R, C extends string = string> {
  kind: K;
  params: z.ZodType<P>;
  /** The codes `run` can return. */
  codes?: readonly C[];
  /** What the check checks, in a paragraph, for the documentation. */
  doc?: string;
  /** Pure. `ctx` holds the assessment date (`today`) and indexes built once per proposal. */
  run(params: P, proposal: Proposal, ctx: CheckContext): R;
}

/** A check a TypeScript caller adds: a kind starting `x-`, typed params, and a pure `run`. */
export type CustomCheckDefinition<P = unknown> = CheckDefinition<`x-${string}`, P, CustomCheckOutcome>;

/** Defines a custom check; pass it to `assess` and `loadFramework` in `checks`. */
export function defineCheck<P>(definition: CustomCheckDefinition<P>): CustomCheckDefinition<P> {
  return definition;
}

/**
 * A built-in check kind. Its parameters are the check itself, as the model's schema reads it from a
 * framework (src/model/check.ts, which the framework model needs, so it stays below checks/); `run`
 * returns only the codes the definition declares, or (all, any, not) a nested check's outcome.
 */
export type BuiltinDefinition<K extends BuiltinKind, C extends MessageCode> = CheckDefinition<K, CheckOf<K>, NoInfer<Finding<C>> | CheckOutcome, C> & {
  codes: readonly C[];
  doc: string;
};

/** Defines a built-in check kind: the codes listed are the only ones its `run` may find. */
export function defineBuiltin<K extends BuiltinKind, C extends MessageCode>(definition: BuiltinDefinition<K, C>): BuiltinDefinition<K, C> {
  return definition;
}
