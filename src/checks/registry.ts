import type { z } from "zod";
import type { CheckSpec } from "../model/check.js";
import type { Proposal } from "../model/proposal.js";
import { evidenceLists } from "../proposal/references.js";
import { all, any, not } from "./combinators.js";
import { compare } from "./compare.js";
import { consistent } from "./consistent.js";
import { count } from "./count.js";
import { covers } from "./covers.js";
import { equals } from "./equals.js";
import { evidence } from "./evidence.js";
import { plausible } from "./plausible.js";
import { present } from "./present.js";
import { range } from "./range.js";
import { schema } from "./schema.js";
import { substantive } from "./substantive.js";
import { outcome } from "./messages.js";
import type { BuiltinKind, CheckContext, CheckOf, CheckOutcome, CheckRunner, CustomCheckOutcome } from "./types.js";
import { withMessage } from "./values.js";

/** Every built-in kind maps to its runner; the type makes a missing kind a compile error. */
const BUILTIN: { [K in BuiltinKind]: CheckRunner<CheckOf<K>> } = {
  present,
  substantive,
  evidence,
  covers,
  range,
  count,
  equals,
  compare,
  plausible,
  consistent,
  schema,
  all,
  any,
  not,
};

/** The built-in check kinds, for validators and documentation. */
export const BUILTIN_KINDS = Object.keys(BUILTIN) as BuiltinKind[];

/** A check a TypeScript caller adds: a kind starting `x-`, typed params, and a pure `run`. */
export interface CustomCheckDefinition<P = unknown> {
  kind: `x-${string}`;
  params: z.ZodType<P>;
  /** Pure. A `code` and `values` are optional; without them the outcome's code is `custom`. */
  run(params: P, proposal: Proposal): CustomCheckOutcome;
}

/** Defines a custom check; pass it to `assess` and `loadFramework` in `checks`. */
export function defineCheck<P>(definition: CustomCheckDefinition<P>): CustomCheckDefinition<P> {
  return definition;
}

/** Custom checks by kind. */
export type CustomChecks = ReadonlyMap<string, CustomCheckDefinition<unknown>>;

/** Indexes custom check definitions by kind. */
export function customChecks(list: readonly CustomCheckDefinition<unknown>[] = []): CustomChecks {
  return new Map(list.map((c) => [c.kind, c]));
}

/** For each evidence id, the pointers of the `evidence` lists that cite it. */
function citationIndex(proposal: Proposal): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const list of evidenceLists(proposal)) {
    for (const id of list.ids) {
      if (typeof id !== "string") continue;
      const at = index.get(id) ?? [];
      at.push(list.pointer);
      index.set(id, at);
    }
  }
  return index;
}

/** Builds the context checks read, once per proposal. */
export function checkContext(proposal: Proposal, custom: CustomChecks = new Map(), now?: Date): CheckContext {
  const ctx: CheckContext = {
    proposal,
    ...(now === undefined || Number.isNaN(now.getTime()) ? {} : { today: now.toISOString().slice(0, 10) }),
    citations: citationIndex(proposal),
    evaluate: (check) => evaluateCheck(check, ctx, custom),
  };
  return ctx;
}

/** Evaluates one check against a proposal. */
export function evaluateCheck(check: CheckSpec, ctx: CheckContext, custom: CustomChecks = new Map()): CheckOutcome {
  const kind = check.kind;
  if (kind.startsWith("x-")) {
    const definition = custom.get(kind);
    if (!definition) return outcome(false, "", "not_registered", { kind });
    const params = definition.params.parse((check as { params?: unknown }).params ?? {});
    const { pass, pointer, message, code = "custom", values = {} } = definition.run(params, ctx.proposal);
    return withMessage({ pass, pointer, code, values, message }, check.message);
  }
  const runner = BUILTIN[kind as BuiltinKind] as CheckRunner<CheckSpec>;
  return withMessage(runner(check, ctx), check.message, kind);
}
