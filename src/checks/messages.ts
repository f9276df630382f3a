import type { NonAnswerKind } from "./non-answers.js";
import type { CheckOutcome } from "./types.js";

/** A non-answer as an outcome carries it: its kind, the text quoted, and where it is. */
export interface NonAnswerValues {
  kind: NonAnswerKind;
  text: string;
  found: string;
}

/** Optionally, the first non-answer left out of a count, and how many were. */
type Skipped = { [K in keyof NonAnswerValues]?: NonAnswerValues[K] | undefined } & { nonAnswers?: number | undefined };

/** For a missing value: the nearest ancestor that exists (`at`, "" for the root) and the first absent segment. */
export interface AbsentValues {
  pointer: string;
  at: string;
  absent: string;
}

/** What each outcome code carries. The wording is in MESSAGES; reports and fingerprints read these. */
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
  comparison_holds: { left: string; right: string; op: string; leftValue: number | string; rightValue: number | string; factor?: number | undefined };
  comparison_fails: { left: string; right: string; op: string; leftValue: number | string; rightValue: number | string; factor?: number | undefined };
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
  none_compares: { left: string; right: string; op: string; at: string; leftValue: number | string; rightValue: number | string };
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

/** A total and the sum of its parts. */
type Sum = { total: string; parts: string; totalValue: number; partsValue: number; count: number };
/** Two figures and the change stated between them; `difference` is `to` minus `from`. */
type NetChange = { from: string; to: string; change: string; fromValue: number; toValue: number; changeValue: number; difference: number };
/** A change and the baseline it is a change from. */
type Baseline = { change: string; baseline: string; changeValue: number; baselineValue: number };

/** A built-in outcome code. */
export type MessageCode = keyof MessageValues;

const KIND_LABEL: Record<NonAnswerKind, string> = {
  deferral: "deferral",
  unknown: "unknown answer",
  "bare-reference": "bare reference",
  "not-applicable": "not-applicable answer",
  "template-marker": "template placeholder",
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

/** An outcome with its code, its values (undefined ones left out) and the sentence MESSAGES gives them. */
export function outcome<C extends MessageCode>(pass: boolean, pointer: string, code: C, values: MessageValues[C]): CheckOutcome {
  // A loop, not Object.entries: an assessment builds about a hundred of these.
  const defined: CheckOutcome["values"] = {};
  for (const key in values) {
    const v = values[key as keyof typeof values] as CheckOutcome["values"][string] | undefined;
    if (v !== undefined && Object.hasOwn(values, key)) defined[key] = v;
  }
  return { pass, pointer, code, values: defined, message: MESSAGES[code](values) };
}
