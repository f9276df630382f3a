import { z } from "zod";
import type { CustomCheckDefinition } from "../checks/registry.js";
import { builtinFramework } from "../framework/builtin.js";
import { frameworkSource, validateFramework } from "../framework/load.js";
import { argumentIssue, isRecord, kindOf, optionIssue, optionIssues } from "../model/arguments.js";
import { Framework, type Thresholds } from "../model/framework.js";
import type { Issue } from "../model/issue.js";
import { Proposal } from "../model/proposal.js";
import { Reviews } from "../model/reviews.js";
import { markValidated, wasValidated } from "../model/validated.js";
import { Waivers } from "../model/waivers.js";
import { validateParsed } from "../source/validate.js";

// assess() is typed, but a JavaScript caller (or a cast) can hand it anything; it must answer with
// issues, never an exception. Everything it reads is checked here first: the proposal and framework
// against their schemas (once per object, as both are usually assessed many times), and each option.

const share = z.number().min(0).max(1);
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === "function", "expected a function");

const AssessOptionsShape = z
  .looseObject({
    reviews: z.unknown().optional(),
    waivers: z.unknown().optional(),
    now: z.unknown().optional(),
    waiverWarningDays: z.number().int().min(0).optional(),
    thresholds: z.strictObject({ green: share.optional(), amber: share.optional(), minCoverage: share.optional() }).optional(),
    checks: z.array(z.looseObject({ kind: z.string().startsWith("x-"), params: z.looseObject({ safeParse: fn }), run: fn })).optional(),
    generatedAt: z.string().optional(),
  })
  .optional();

/** The sentinel that stands for "no custom checks" in the framework cache. */
const NO_CHECKS = {};
/** Frameworks already found valid, with the custom check lists they were found valid with. */
const validFrameworks = new WeakMap<object, WeakSet<object>>();

function schemaIssues(schema: z.ZodType, data: unknown, what: string, file?: unknown): Issue[] {
  const result = validateParsed(schema, { data, locate: () => undefined }, typeof file === "string" ? file : undefined);
  return result.ok ? [] : result.issues.map((i) => ({ ...i, message: `${what}: ${i.message}` }));
}

/** The proposal: a Proposal, or what parseProposal returned. */
function proposalIssues(input: unknown): Issue[] {
  if (!isRecord(input)) return [argumentIssue(`the proposal must be an object; got ${kindOf(input)}`)];
  const parsed = "proposal" in input && "locate" in input;
  if (parsed && typeof input.locate !== "function") return [argumentIssue(`the parsed proposal's locate must be a function; got ${kindOf(input.locate)}`)];
  const proposal = parsed ? input.proposal : input;
  if (wasValidated(proposal)) return [];
  const issues = schemaIssues(Proposal, proposal, "the proposal", parsed ? input.file : undefined);
  if (issues.length === 0) markValidated(proposal as object);
  return issues;
}

/** The framework: a Framework, or what loadFramework returned; valid with the custom checks given. */
function frameworkIssues(input: unknown, checks: readonly unknown[] | undefined): Issue[] {
  if (!isRecord(input)) return [argumentIssue(`the framework must be an object; got ${kindOf(input)}`)];
  const loaded = "framework" in input && "sha256" in input;
  const framework = loaded ? input.framework : input;
  if (loaded && typeof input.sha256 !== "string") return [argumentIssue(`the framework's sha256 must be a string; got ${kindOf(input.sha256)}`)];
  if (!isRecord(framework)) return [argumentIssue(`the framework must be an object; got ${kindOf(framework)}`)];
  // The built-in frameworks were validated when they were generated.
  if (typeof framework.id === "string" && builtinFramework(framework.id)?.framework === framework) return [];
  const key = checks && checks.length > 0 ? checks : NO_CHECKS;
  if (validFrameworks.get(framework)?.has(key)) return [];
  // A framework loaded from a file is checked again with the custom checks given here, and its problems
  // (a custom check it names but that was not passed) located in that file.
  const source = frameworkSource(framework);
  const options = {
    ...(checks ? { checks: checks as readonly CustomCheckDefinition<unknown>[] } : {}),
    ...(source?.file === undefined ? {} : { filename: source.file }),
  };
  const result = validateFramework(framework, options, source?.locate);
  if (!result.ok) return result.issues.map((i) => ({ ...i, message: `the framework: ${i.message}` }));
  const seen = validFrameworks.get(framework) ?? new WeakSet<object>();
  validFrameworks.set(framework, seen.add(key));
  return [];
}

/** A reviews or waivers document: the value itself, or what parseReviews or parseWaivers returned. */
function documentIssues(doc: unknown, schema: z.ZodType, name: "reviews" | "waivers"): Issue[] {
  if (doc === undefined) return [];
  if (!isRecord(doc)) return [optionIssue(`options.${name} must be an object; got ${kindOf(doc)}`)];
  const sourced = "value" in doc && typeof doc.value === "object";
  if (sourced && doc.locate !== undefined && typeof doc.locate !== "function") return [optionIssue(`options.${name}.locate must be a function`)];
  return schemaIssues(schema, sourced ? doc.value : doc, `options.${name}`, sourced ? doc.file : undefined);
}

/** `now` must be a real instant: an invalid Date compares false with every expiry, so it would apply any waiver. */
function nowIssues(now: unknown): Issue[] {
  if (now === undefined) return [];
  const valid = Object.prototype.toString.call(now) === "[object Date]" && Number.isFinite((now as Date).getTime());
  return valid ? [] : [optionIssue(`options.now must be a valid Date; got ${kindOf(now) === "a Date" ? "an invalid Date" : kindOf(now)}`)];
}

/** Overridden thresholds must stay in order with the framework's: amber at or below green. */
function orderIssues(thresholds: { green?: number; amber?: number } | undefined, framework: { green: number; amber: number }): Issue[] {
  const green = thresholds?.green ?? framework.green;
  const amber = thresholds?.amber ?? framework.amber;
  return amber <= green ? [] : [optionIssue(`options.thresholds: amber (${amber}) is above green (${green}); amber must be at or below green`)];
}

/** Every problem with assess()'s arguments, or none. */
export function assessArgumentIssues(input: unknown, framework: unknown, options: unknown): Issue[] {
  const shape = optionIssues(AssessOptionsShape, options);
  if (shape.length > 0) return shape;
  const o = (options ?? {}) as { reviews?: unknown; waivers?: unknown; now?: unknown; thresholds?: { green?: number; amber?: number }; checks?: unknown[] };
  const fw = frameworkIssues(framework, o.checks);
  const issues = [...proposalIssues(input), ...fw, ...documentIssues(o.reviews, Reviews, "reviews"), ...documentIssues(o.waivers, Waivers, "waivers")];
  issues.push(...nowIssues(o.now));
  if (fw.length === 0) {
    const f = isRecord(framework) && "framework" in framework && "sha256" in framework ? framework.framework : framework;
    issues.push(...orderIssues(o.thresholds, (f as { thresholds?: Thresholds }).thresholds ?? Framework.shape.thresholds.parse(undefined)));
  }
  return issues;
}
