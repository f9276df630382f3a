import type { AbsentValues, Finding, MessageCode, MessageValues, Skipped } from "./codes.js";
import type { NonAnswerKind } from "./non-answers.js";
import type { CheckOutcome } from "./types.js";

// The one catalogue of check wording (English). Runners find a code and values (codes.ts); every
// sentence a reader sees, and every word a runner puts in a value, is written here.

export type { AbsentValues, MessageCode, MessageValues, NonAnswerValues } from "./codes.js";
// A schema failure in plain words, by JSON Schema keyword: a part of this catalogue kept in its own file.
export { schemaWords } from "./schema-words.js";

const KIND_LABEL: Record<NonAnswerKind, string> = {
  deferral: "deferral",
  unknown: "unknown answer",
  "bare-reference": "bare reference",
  "not-applicable": "not-applicable answer",
  "template-marker": "template placeholder",
  filler: "filler text",
};

const OPS: Record<string, string> = { lt: "less than", le: "at most", eq: "equal to", ge: "at least", gt: "greater than" };

const DATE_OPS: Record<string, string> = { lt: "before", le: "on or before", eq: "on", ge: "on or after", gt: "after" };

type Comparison = Pick<MessageValues["comparison_holds"], "right" | "op" | "leftValue" | "rightValue" | "factor">;

/** Dates compare in time words; numbers in amount words. */
const opWord = (v: Comparison) => (typeof v.leftValue === "string" ? DATE_OPS[v.op] : OPS[v.op]);

/** The right-hand side, with its factor worked out when there is one. */
function side(v: Comparison): string {
  const name = v.right === "$now" ? "the assessment date" : v.right;
  if (v.factor === undefined || typeof v.rightValue !== "number") return `${name} (${v.rightValue})`;
  return `${v.factor} × ${name} (${v.factor} × ${v.rightValue} = ${v.factor * v.rightValue})`;
}

const items = (n: number) => `${n} ${n === 1 ? "item" : "items"}`;
const either = (types: string[]) => types.join(" or ");

/** What kind of non-answer a text is, in words: "deferral", "template placeholder". */
export function nonAnswerLabel(kind: NonAnswerKind): string {
  return KIND_LABEL[kind];
}

/** "deferral 'TBC' at /quality/qia/risks/0/mitigation". */
export function nonAnswerPhrase(v: Skipped): string {
  return v.kind === undefined ? "" : `${KIND_LABEL[v.kind]} '${v.text ?? ""}' at ${v.found ?? ""}`;
}

/** " (/quality has no qia)" after "/quality/qia/risks is missing": said when the nearest ancestor is not the parent. */
function absent(v: AbsentValues): string {
  const parent = v.pointer.slice(0, v.pointer.lastIndexOf("/"));
  return v.absent === "" || v.at === parent ? "" : ` (${v.at === "" ? "the proposal" : v.at} has no ${v.absent})`;
}

function skipped(v: Skipped): string {
  const n = v.nonAnswers ?? 0;
  return n === 0 ? "" : `; ${n} ${n === 1 ? "non-answer" : "non-answers"} not counted, such as ${nonAnswerPhrase(v)}`;
}

function unanswered(keys: string[], missing: number, v: Skipped): string {
  if (keys.length === 0) return "";
  const which = keys.length === missing ? (missing === 1 ? "it is" : "each is") : `${keys.join(", ")} ${keys.length === 1 ? "is" : "are"}`;
  return ` (${which} there only as a non-answer, such as ${nonAnswerPhrase(v)})`;
}

/** " of those at /population/ageGroups", when a list in the proposal narrowed the keys. */
const narrowed = (within: string | undefined) => (within === undefined ? "" : ` of those at ${within}`);

/** What a missing value should have been, when the check knows: "; expected true", "; expected at least 0". */
function expectation(v: MessageValues["missing"]): string {
  if (v.expected !== undefined) return `; expected ${v.expected}`;
  return v.min === undefined && v.max === undefined ? "" : `; expected ${bounds(v.min, v.max)}`;
}

function wanted(min: number, max: number | undefined): string {
  return max === undefined ? `at least ${min}` : `${min} to ${max}`;
}

function bounds(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  if (min !== undefined) return `at least ${min}`;
  return max === undefined ? "a number" : `at most ${max}`;
}

/** The one catalogue of check wording: code → values → the sentence a reader sees. */
export const MESSAGES: { [C in MessageCode]: (v: MessageValues[C]) => string } = {
  given: (v) => `${v.pointer} is given`,
  missing: (v) => `${v.pointer} is missing${absent(v)}${expectation(v)}`,
  empty: (v) => `${v.pointer} is empty`,
  wrong_type: (v) => `${v.pointer} is ${v.found}, not ${v.expected}`,
  non_answer: (v) => nonAnswerPhrase(v),
  none_recorded: (v) =>
    `none recorded at ${v.pointer}${absent(v)}${v.min === undefined ? "" : `; at least ${v.min} expected`}${v.pattern === undefined ? "" : `, so there is no ${v.pattern} to check`}`,
  enough_words: (v) => `${v.pointer} has ${v.words} words`,
  too_few_words: (v) => `${v.pointer} has ${v.words} ${v.words === 1 ? "word" : "words"}; at least ${v.minWords} expected`,
  enough_items: (v) => `${v.pointer} has ${items(v.count)}${skipped(v)}`,
  too_few_items: (v) => `${v.pointer} has ${items(v.count)}; ${wanted(v.min, v.max)} expected${skipped(v)}`,
  too_many_items: (v) => `${v.pointer} has ${items(v.count)}; ${wanted(v.min, v.max)} expected`,
  covered: (v) => `${v.pointer} covers all ${v.total}${narrowed(v.within)}`,
  missing_keys: (v) =>
    `${v.pointer} covers ${v.covered} of ${v.total}${narrowed(v.within)}; missing: ${v.missing.join(", ")}${unanswered(v.unanswered, v.missing.length, v)}`,
  in_range: (v) => `${v.pointer} is ${v.value}`,
  out_of_range: (v) => `${v.pointer} is ${v.value}; expected ${bounds(v.min, v.max)}`,
  equal: (v) => `${v.pointer} is ${v.value}`,
  not_equal: (v) => `${v.pointer} is ${v.value}; expected ${v.expected}`,
  comparison_holds: (v) => `${v.left} (${v.leftValue}) is ${opWord(v)} ${side(v)}`,
  comparison_fails: (v) => `${v.left} (${v.leftValue}) is not ${opWord(v)} ${side(v)}`,
  not_compared: (v) => `${v.left} is not compared: ${v.reason}`,
  not_given: (v) => `${v.pointer} is not given, so there is nothing implausible in it`,
  plausible: (v) => `${v.pointer} is ${v.value}`,
  implausible: (v) => `${v.pointer} is ${v.value}, which cannot be right: expected ${bounds(v.min, v.max)}`,
  sum_agrees: (v) => `${v.total} (${v.totalValue}) is the sum of ${v.parts} (${items(v.count)})`,
  sum_differs: (v) => `${v.total} is ${v.totalValue}, but ${v.parts} adds up to ${v.partsValue} (${items(v.count)})`,
  sum_within: (v) => `${v.parts} adds up to ${v.partsValue} (${items(v.count)}), no more than ${v.total} (${v.totalValue})`,
  sum_exceeds: (v) => `${v.parts} adds up to ${v.partsValue} (${items(v.count)}), more than ${v.total} (${v.totalValue})`,
  change_agrees: (v) => `${v.change} (${v.changeValue}) is ${v.to} (${v.toValue}) minus ${v.from} (${v.fromValue})`,
  change_differs: (v) => `${v.change} is ${v.changeValue}, but ${v.to} (${v.toValue}) minus ${v.from} (${v.fromValue}) is ${v.difference}`,
  within_baseline: (v) => `${v.change} (${v.changeValue}) is within ${v.baseline} (${v.baselineValue})`,
  exceeds_baseline: (v) => `${v.change} is ${v.changeValue}, a cut larger than the whole of ${v.baseline} (${v.baselineValue})`,
  none_compares: (v) => `none of ${v.left} is ${opWord(v)} ${side(v)}; the nearest is ${v.at} (${v.leftValue})`,
  valid: (v) => `${v.pointer} is as required`,
  invalid: (v) => `${v.pointer} ${v.detail}${v.kind === undefined ? "" : `, not counting non-answers such as ${nonAnswerPhrase(v)}`}`,
  cited: (v) => `${v.id} (${v.type}) is cited`,
  no_evidence: (v) => `no ${either(v.types)} evidence in the evidence register${v.kind === undefined ? "" : `; ${nonAnswerPhrase(v)} does not count`}`,
  below_grade: (v) => `no ${either(v.types)} evidence graded ${v.minGrade} or better`,
  not_cited: (v) => `${either(v.types)} evidence (${v.ids.join(", ")}) is in the register but not cited${v.citedAt === undefined ? "" : ` at ${v.citedAt}`}`,
  all_pass: (v) => `all ${v.count} at ${v.pattern} pass`,
  all_checks_pass: (v) => v.details.join("; "),
  none_pass: (v) => `none of: ${v.alternatives.join("; or ")}`,
  ruled_out: (v) => `${v.detail}, which the check rules out`,
  not_registered: (v) => `custom check ${v.kind} is not registered`,
};

/** A finding with the sentence MESSAGES gives it; an outcome that already has one (a nested check's) is kept. */
export function render(result: Finding | CheckOutcome): CheckOutcome {
  if ("message" in result) return result;
  const { pass, pointer, code, values } = result;
  return { pass, pointer, code, values, message: (MESSAGES[code] as (v: typeof values) => string)(values) };
}

/** What a value was found to be, where another kind was expected: words a `wrong_type` outcome carries. */
export const TYPE_WORDS = {
  number: "a number",
  text: "text",
  list: "a list",
  listOrMap: "a list or a map",
  numberOrDate: "a number or a date",
} as const;

/** What kind of value a message says was found instead: "a number", "a list". */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return TYPE_WORDS.list;
  if (typeof value === "string") return TYPE_WORDS.text;
  if (typeof value === "boolean") return "true or false";
  return typeof value === "object" && value !== null ? "a map" : `a ${String(typeof value)}`;
}

/** Why a comparison was not made: the `reason` a `not_compared` outcome carries. */
export const REASONS = {
  noDate: () => "no assessment date was given",
  notGiven: (pointer: string) => `${pointer} is not given`,
  nothingAt: (pointer: string) => `nothing is recorded at ${pointer}`,
  figureMissing: () => "it is not given, so there is nothing to compare",
  noParts: () => "no parts are given, so there is nothing to add up",
} as const;

/**
 * Findings a framework's message was not written for, which its words would misstate: a text that is
 * there but short ("There is no account of …" over a 26-word account), a wildcard with nothing to
 * match ("At least one recorded change is too vague" when none is recorded), and a comparison with a
 * side missing ("dated after the document" when there is no date). These are said in the check's own words.
 */
export function ownWords(kind: string, outcome: CheckOutcome): boolean {
  if (outcome.code === "too_few_words") return true;
  if (outcome.code === "none_recorded" && outcome.values.pattern !== undefined) return true;
  return kind === "compare" && (outcome.code === "missing" || outcome.code === "empty" || outcome.code === "none_recorded");
}

/**
 * A failure said in the framework's words, followed by what the check found, so the detail is
 * never lost: "No clinical lead is named: deferral 'TBC' at /engagement/staff/clinicalLeads/0/name".
 */
export function withMessage(outcome: CheckOutcome, message: string | undefined, kind = ""): CheckOutcome {
  if (outcome.pass || message === undefined || ownWords(kind, outcome)) return outcome;
  return { ...outcome, message: `${message}: ${outcome.message}` };
}
