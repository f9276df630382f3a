import type { CheckSpec } from "../model/check.js";
import type { Proposal } from "../model/proposal.js";
import { evidenceLists } from "../proposal/references.js";
import { all } from "./all.js";
import { any } from "./any.js";
import { type Finding, found } from "./codes.js";
import { compare } from "./compare.js";
import { consistent } from "./consistent.js";
import { count } from "./count.js";
import { covers } from "./covers.js";
import type { CustomCheckDefinition } from "./define.js";
import { equals } from "./equals.js";
import { evidence } from "./evidence.js";
import { render, withMessage } from "./messages.js";
import { not } from "./not.js";
import { plausible } from "./plausible.js";
import { present } from "./present.js";
import { range } from "./range.js";
import { schema } from "./schema.js";
import { substantive } from "./substantive.js";
import type { BuiltinKind, CheckContext, CheckOutcome } from "./types.js";

export { type CheckDefinition, type CustomCheckDefinition, defineCheck } from "./define.js";

/** Every built-in check kind, each defined in its own file. */
export const BUILTIN_CHECKS = [present, substantive, evidence, covers, range, count, equals, compare, plausible, consistent, schema, all, any, not] as const;

// A built-in kind missing from the list above is a compile error here.
type Listed = (typeof BUILTIN_CHECKS)[number]["kind"];
const complete: [BuiltinKind] extends [Listed] ? true : never = true;
void complete;

/** A built-in definition as the registry calls it. */
type Runnable = { kind: string; run(check: CheckSpec, proposal: Proposal, ctx: CheckContext): Finding | CheckOutcome };

const BUILTIN = new Map<string, Runnable>(BUILTIN_CHECKS.map((d) => [d.kind, d as unknown as Runnable]));

/** The built-in check kinds, for validators and documentation. */
export const BUILTIN_KINDS: BuiltinKind[] = BUILTIN_CHECKS.map((d) => d.kind);

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

/** Evaluates one check against a proposal: the runner finds, the catalogue words it. */
export function evaluateCheck(check: CheckSpec, ctx: CheckContext, custom: CustomChecks = new Map()): CheckOutcome {
  const kind = check.kind;
  if (kind.startsWith("x-")) {
    const definition = custom.get(kind);
    if (!definition) return render(found(false, "", "not_registered", { kind }));
    const params = definition.params.parse((check as { params?: unknown }).params ?? {});
    const { pass, pointer, message, code = "custom", values = {} } = definition.run(params, ctx.proposal, ctx);
    return withMessage({ pass, pointer, code, values, message }, check.message);
  }
  const definition = BUILTIN.get(kind) as Runnable;
  return withMessage(render(definition.run(check, ctx.proposal, ctx)), check.message, kind);
}
