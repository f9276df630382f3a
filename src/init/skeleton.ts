import { z } from "zod";
import { isoDate } from "../model/common.js";

/** The part of a JSON Schema (as `jsonSchemaFor` emits it) that a template is built from. */
export interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  propertyNames?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  anyOf?: SchemaNode[];
}

/** A value in a template: a scalar (as YAML text), a map, or a list with one example item. */
export type TemplateValue =
  | { kind: "scalar"; yaml: string; hint?: string; commented?: boolean }
  | { kind: "map"; entries: TemplateEntry[]; commented?: boolean }
  | { kind: "list"; item: TemplateValue };

/** A key in a template map, with the comment lines that go above it. */
export interface TemplateEntry {
  key: string;
  value: TemplateValue;
  comments: string[];
}

/** Keys for a record whose keys are free (a pattern), such as the principle ids of `responses`. */
export type RecordKeys = (recordKey: string) => string[];

/** The placeholder every date gets; `senate validate` flags it until it is replaced. */
export const DATE_PLACEHOLDER = "YYYY-MM-DD";

// Dates are recognised by the pattern zod writes for `isoDate`, so a new date field needs no change here.
// Worked out on first use, not when the CLI bundle loads: every other command would pay for it.
let datePattern: string | undefined;
function isDatePattern(pattern: string): boolean {
  datePattern ??= (z.toJSONSchema(isoDate) as { pattern?: string }).pattern ?? "";
  return pattern === datePattern;
}

/** `caseForChange` → "case for change". */
export function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** A value the field's pattern accepts: the example its description gives ("e.g. E1"), or a link. */
function patterned(node: SchemaNode): string | undefined {
  const re = new RegExp(node.pattern ?? "");
  const example = /e\.g\. ([^\s,;]+?)\.?(?:\s|$)/.exec(node.description ?? "")?.[1];
  if (example !== undefined && re.test(example)) return example;
  if (re.test("https://example.org/")) return "https://example.org/";
  return undefined;
}

/** `activities` → `activity`: good enough for the nouns of this model's lists. */
function singular(noun: string): string {
  return noun.replace(/ies$/, "y").replace(/([^s])s$/, "$1");
}

// An unfilled template should claim nothing: where a choice says "not known yet", it is the default.
const UNDECIDED = /^(unknown|not-yet-known|not-assessed)$/;

// The metadata section describes the proposal itself, so its placeholders say "of the proposal".
const NOUNS: Record<string, string> = { metadata: "proposal" };

/** A choice of forms (a day, a month, a financial year or a period) takes its template from the day. */
function hasDate(node: SchemaNode): boolean {
  return (node.pattern !== undefined && isDatePattern(node.pattern)) || (node.anyOf ?? []).some(hasDate);
}

function scalar(node: SchemaNode, key: string, noun: string, inList: boolean): TemplateValue {
  if (node.anyOf && hasDate(node)) return { kind: "scalar", yaml: yamlString(DATE_PLACEHOLDER) };
  // A quantity is a number or the number as written: the template offers the number.
  const numeric = node.anyOf?.find((n) => n.type === "number" || n.type === "integer");
  if (numeric) return scalar(numeric, key, noun, inList);
  if (node.const !== undefined) return { kind: "scalar", yaml: JSON.stringify(node.const) };
  if (node.enum && node.enum.length > 0) {
    const hint = node.enum.length > 1 ? `one of: ${node.enum.join(", ")}` : undefined;
    const honest = node.enum.find((v) => typeof v === "string" && UNDECIDED.test(v)) ?? node.enum[0];
    return { kind: "scalar", yaml: JSON.stringify(honest), ...(hint ? { hint } : {}) };
  }
  if (node.type === "boolean") return { kind: "scalar", yaml: "false", hint: "true or false" };
  if (node.type === "number" || node.type === "integer") {
    const range = node.minimum !== undefined && node.maximum !== undefined ? `${node.minimum} to ${node.maximum}` : undefined;
    const hint = `${node.type === "integer" ? "a whole number" : "a number"}${range ? `, ${range}` : ""}`;
    return { kind: "scalar", yaml: String(node.minimum ?? 0), hint };
  }
  if (node.pattern !== undefined && isDatePattern(node.pattern)) return { kind: "scalar", yaml: yamlString(DATE_PLACEHOLDER) };
  const example = node.pattern === undefined ? undefined : patterned(node);
  if (example !== undefined) return { kind: "scalar", yaml: yamlString(example), hint: "an example: replace it" };
  return { kind: "scalar", yaml: yamlString(`<${inList ? `one of the ${words(key)}` : `${words(key)} of the ${noun}`}>`) };
}

function isCommented(value: TemplateValue): boolean {
  return value.kind === "list" ? value.item.kind === "scalar" && value.item.commented === true : value.commented === true;
}

/** A number, or a quantity (a number or the number as written). */
function isNumber(node: SchemaNode): boolean {
  return node.type === "number" || node.type === "integer" || (node.anyOf ?? []).some(isNumber);
}

/**
 * True when the template's value for an optional property would claim something: a choice with no
 * "not known yet" value ("grade: high"), a list of such choices, a number (any figure it wrote, even 0,
 * would pass as given), or an object that cannot be written without a number ("carbon") or whose
 * every field is commented out.
 */
function claims(node: SchemaNode, value: TemplateValue): boolean {
  if (isNumber(node)) return true;
  if (value.kind === "map") {
    const numbers = (node.required ?? []).some((k) => node.properties?.[k] !== undefined && isNumber(node.properties[k] as SchemaNode));
    return numbers || (value.entries.length > 0 && value.entries.every((e) => isCommented(e.value)));
  }
  const choices = node.enum ?? (value.kind === "list" ? node.items?.enum : undefined);
  return choices !== undefined && !choices.some((v) => typeof v === "string" && UNDECIDED.test(v));
}

function isObject(node: SchemaNode): boolean {
  return node.type === "object" || node.properties !== undefined;
}

/** A property's value: objects describe themselves, scalars are "<key of the noun>". */
function child(node: SchemaNode, key: string, noun: string, keys: RecordKeys): TemplateValue {
  if (isObject(node)) return build(node, key, NOUNS[key] ?? words(key), keys);
  if (node.type === "array" && node.items) {
    const item = node.items;
    if (isObject(item)) return { kind: "list", item: build(item, key, singular(key === "items" ? noun : words(key)), keys) };
    return { kind: "list", item: scalar(item, key, noun, true) };
  }
  return scalar(node, key, noun, false);
}

function recordEntries(node: SchemaNode, key: string, keys: RecordKeys): TemplateEntry[] {
  const value = typeof node.additionalProperties === "object" ? node.additionalProperties : undefined;
  if (!value) return [];
  const names = node.propertyNames?.enum?.map(String) ?? keys(key);
  return names.map((name) => ({ key: name, value: build(value, name, `${name} ${singular(words(key))}`, keys), comments: [] }));
}

/** The value written commented out: a scalar, a map, or the scalar item of a list. */
function commentOut(value: TemplateValue): TemplateValue {
  if (value.kind === "scalar" || value.kind === "map") return { ...value, commented: true };
  return value.kind === "list" && value.item.kind === "scalar" ? { kind: "list", item: { ...value.item, commented: true } } : value;
}

/**
 * The template value of an object schema: every property, one example item per list, every key
 * of a record whose keys are listed (or given by `keys`), and per scalar a placeholder such as
 * "<title of the proposal>" or, where a pattern allows no placeholder, a valid example.
 */
export function build(node: SchemaNode, key: string, noun: string, keys: RecordKeys): TemplateValue {
  if (!node.properties) return { kind: "map", entries: recordEntries(node, key, keys) };
  const required = new Set(node.required ?? []);
  const entries = Object.entries(node.properties).map(([k, c]) => {
    const value = child(c, k, noun, keys);
    // An optional value that would make a claim is written commented out, so an untouched template
    // claims nothing and still shows what goes there. A required one stays: the document must parse.
    const out = !required.has(k) && claims(c, value) ? commentOut(value) : value;
    return { key: k, value: out, comments: c.description ? [c.description] : [] };
  });
  return { kind: "map", entries };
}
