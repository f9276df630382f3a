import { readFileSync } from "node:fs";
import fc from "fast-check";
import { parse as parseYamlText, stringify as yamlStringify } from "yaml";
import { BUILTIN_FRAMEWORKS } from "../../src/framework/builtin.js";
import { MINIMAL_PROPOSAL } from "../helpers/proposal.js";
import { FRAMEWORK, PROPOSAL, REVIEWS, WAIVERS } from "../hostile/documents.js";

// Generators for the fuzz suite: YAML-ish text, byte-level mutations of real documents, and documents
// built field by field with values of the wrong type, duplicate ids and unknown criteria.

/** What a fuzz input is read as. */
export type Target = "proposal" | "reviews" | "waivers" | "framework";

/** One fuzz input: bytes or text, the file name it is read under (which sets its format), and its target. */
export interface FuzzInput {
  target: Target;
  filename: string;
  text?: string;
  bytes?: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// YAML-ish text

/** Fragments that mean something to YAML, JSON, Markdown or the model. */
const TOKENS = [
  ...["schemaVersion", "metadata", "caseForChange", "summary", "evidence", "responses", "population", "beds", "current", "options", "items"],
  ...["reviews", "waivers", "criterion", "rating", "expires", "framework", "london-2020", "extends", "tailor", "principles", "criteria"],
  ...["checks", "kind", "present", "schema", "path", "/population", "/beds/current", "id", "E1", "LDN-1", "LDN-1.1", "LDN-9.9"],
  ...["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"],
  ...[":", ": ", "- ", "\n", "\n  ", "\n    ", "  ", "[", "]", "{", "}", ",", '"', "'", "&a ", "*a", "!", "!!str ", "!!binary ", "!!set "],
  ...["|", "|-", ">", "#", "%YAML 1.1\n", "%TAG ! tag:x:\n", "---\n", "...\n", "? ", "<<: ", "~", "null", "true", "yes", "1", "-1", "1e999", "0x1F"],
  ...[".nan", "-.inf", "2026-01-01", "2020-02-30", "12:30:00", "\\", "\\n", "\\e", "\t", "\r\n", "\r", "\u00e9", "\u{1F600}", "\ufeff", "\u2028"],
  ...["\u0000", "\u001b[2J", "\ud800", "## LDN-1 ", "[E1]", "[E9]", "```", "http://127.0.0.1:1/", "../../etc/passwd"],
];

const token = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: "binary" }) });
const tokens = (max: number) => fc.array(token, { maxLength: max }).map((t) => t.join(""));

const PROPOSAL_STARTS = [PROPOSAL, `${PROPOSAL}evidence:\n  - id: E1\n    type: research\n    title: A study\n`, ""];

/** Random YAML-ish text: tokens alone, or appended to (or spliced into) a valid document. */
export const yamlish: fc.Arbitrary<FuzzInput> = fc
  .record({
    target: fc.constantFrom<Target>("proposal", "proposal", "reviews", "waivers", "framework"),
    ext: fc.constantFrom("yaml", "yaml", "json", "md"),
    start: fc.nat(),
    at: fc.nat(),
    body: tokens(60),
  })
  .map(({ target, ext, start, at, body }) => {
    const starts = target === "proposal" ? PROPOSAL_STARTS : target === "reviews" ? [REVIEWS, ""] : target === "waivers" ? [WAIVERS, ""] : [FRAMEWORK, ""];
    const base = starts[start % starts.length] as string;
    const cut = base.length === 0 ? 0 : at % (base.length + 1);
    const spliced = at % 3 === 0 ? `${base.slice(0, cut)}${body}${base.slice(cut)}` : `${base}${body}`;
    const text = ext === "md" && target === "proposal" ? `---\n${spliced}\n---\n\n## LDN-1 Population\n\n${body} [E1]\n` : spliced;
    return { target, filename: `fuzz.${target === "proposal" ? ext : ext === "md" ? "yaml" : ext}`, text };
  });

// ---------------------------------------------------------------------------------------------
// Byte-level mutations of real documents

const file = (path: string) => new Uint8Array(readFileSync(path));
const LONDON = readFileSync("principles/london-2020.yaml", "utf8");
/** london-2020 cut down to its first principle: a realistic framework that loads in a few milliseconds. */
const LONDON_EXCERPT = LONDON.slice(0, LONDON.indexOf("  - id: LDN-2"));

const encoder = new TextEncoder();

/** Documents to mutate, weighted towards the small ones so that the suite stays fast. */
const SEEDS: { weight: number; target: Target; filename: string; bytes: Uint8Array }[] = [
  { weight: 1, target: "proposal", filename: "stroke-hasu.yaml", bytes: file("examples/stroke-hasu.yaml") },
  { weight: 1, target: "proposal", filename: "maternity-unit.md", bytes: file("examples/maternity-unit.md") },
  { weight: 2, target: "proposal", filename: "outpatient-virtual.yaml", bytes: file("examples/outpatient-virtual.yaml") },
  { weight: 4, target: "proposal", filename: "minor-injuries-overnight.yaml", bytes: file("examples/minor-injuries-overnight.yaml") },
  { weight: 2, target: "proposal", filename: "minimal.json", bytes: encoder.encode(JSON.stringify(MINIMAL_PROPOSAL, null, 2)) },
  { weight: 3, target: "reviews", filename: "stroke-hasu.reviews.yaml", bytes: file("examples/stroke-hasu.reviews.yaml") },
  { weight: 3, target: "waivers", filename: "outpatient-virtual.waivers.yaml", bytes: file("examples/outpatient-virtual.waivers.yaml") },
  { weight: 2, target: "framework", filename: "tiny.yaml", bytes: encoder.encode(FRAMEWORK) },
  { weight: 1, target: "framework", filename: "london-excerpt.yaml", bytes: encoder.encode(LONDON_EXCERPT) },
];

type Mutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "insert"; at: number; byte: number }
  | { kind: "token"; at: number; token: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "truncate"; at: number }
  | { kind: "duplicateLine" | "deleteLine"; line: number }
  | { kind: "swapLines"; a: number; b: number }
  | { kind: "indent"; line: number; by: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), byte: fc.nat(255) }),
  fc.record({ kind: fc.constant("token" as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom("duplicateLine" as const, "deleteLine" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("swapLines" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("indent" as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Byte ranges of the lines of `bytes` (each without its \n). */
function lines(bytes: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}

const NL = Uint8Array.of(0x0a);

/** Applies one mutation; positions wrap around the document's length. */
export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = "at" in m ? m.at % (bytes.length + 1) : 0;
  switch (m.kind) {
    case "flip": {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      const i = at % bytes.length;
      out[i] = (out[i] as number) ^ (1 << m.bit);
      return out;
    }
    case "insert":
      return concat(bytes.subarray(0, at), Uint8Array.of(m.byte), bytes.subarray(at));
    case "token":
      return concat(bytes.subarray(0, at), encoder.encode(m.token), bytes.subarray(at));
    case "delete":
      return concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
    case "truncate":
      return bytes.subarray(0, at);
    default:
      return mutateLines(bytes, m);
  }
}

function mutateLines(bytes: Uint8Array, m: Extract<Mutation, { line: number } | { a: number }>): Uint8Array {
  const ranges = lines(bytes);
  const pick = (n: number) => ranges[n % ranges.length] as [number, number];
  const text = (r: [number, number]) => bytes.subarray(r[0], r[1]);
  const rebuild = (parts: Uint8Array[]) => concat(...parts.flatMap((p, i) => (i === 0 ? [p] : [NL, p])));
  const all = ranges.map(text);
  if (m.kind === "swapLines") {
    const a = m.a % ranges.length;
    const b = m.b % ranges.length;
    [all[a], all[b]] = [all[b] as Uint8Array, all[a] as Uint8Array];
    return rebuild(all);
  }
  const i = m.line % ranges.length;
  if (m.kind === "duplicateLine") all.splice(i, 0, text(pick(i)));
  else if (m.kind === "deleteLine") all.splice(i, 1);
  else if (m.kind === "indent") {
    const line = all[i] as Uint8Array;
    all[i] = m.by >= 0 ? concat(encoder.encode(" ".repeat(m.by)), line) : line.subarray(Math.min(-m.by, line.findIndex((b) => b !== 0x20) + 1 || 0));
  }
  return rebuild(all);
}

const seed = fc.oneof(...SEEDS.map((s) => ({ weight: s.weight, arbitrary: fc.constant(s) })));

/** A real document with one to five byte-level mutations. */
export const mutatedBytes: fc.Arbitrary<FuzzInput> = fc
  .tuple(seed, fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([s, ms]) => ({ target: s.target, filename: s.filename, bytes: ms.reduce(mutate, s.bytes) }));

// ---------------------------------------------------------------------------------------------
// Documents built from values, with wrong types

/** Values that break a model: wrong types, special keys and strings, extremes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>(
      ...[null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, "", " ", "TBC", "1", "yes", "null"],
      ...["__proto__", "constructor", "LDN-9.9", "LDN-1.1", "LDN-1", "E1", "../../etc/passwd", "/etc/passwd", "http://127.0.0.1:1/"],
      ...["2026-02-30", "2020-01-01", "9999-12-31T23:59:59Z", "x".repeat(2000), "\u0000", "\u202e", "a\nb", [], {}, [null], [[[]]]],
      JSON.parse('{"__proto__": {"polluted": true}}'),
      JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    ),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.double() },
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) pathsOf(v, [...path, i], out);
  } else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

type Edit =
  | { kind: "set"; pick: number; value: unknown }
  | { kind: "delete" | "duplicate"; pick: number }
  | { kind: "add"; pick: number; key: string; value: unknown };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("set" as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom("delete" as const, "duplicate" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("add" as const),
      pick: fc.nat(),
      key: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })),
      value: hostileValue,
    }),
  },
);

/** Applies an edit to a deep copy: set a value, delete a key or item, duplicate an item, or add a key. */
export function applyEdit(doc: unknown, e: Edit): unknown {
  const root = { doc: structuredClone(doc) as Json };
  const paths = pathsOf(root.doc);
  const path = ["doc", ...(paths[e.pick % paths.length] as Path)];
  const key = path.pop() as string | number;
  let parent: unknown = root;
  for (const seg of path) parent = (parent as Record<string | number, unknown>)[seg];
  const container = parent as Record<string | number, unknown> & unknown[];
  if (e.kind === "set") container[key] = e.value;
  else if (e.kind === "delete") {
    if (Array.isArray(container)) container.splice(Number(key), 1);
    else if (key !== "doc") delete container[key];
  } else if (e.kind === "duplicate") {
    if (Array.isArray(container)) container.splice(Number(key), 0, structuredClone(container[Number(key)]));
  } else if (e.kind === "add") {
    const target = container[key];
    if (target !== null && typeof target === "object" && !Array.isArray(target))
      Object.defineProperty(target, e.key, { value: e.value, enumerable: true, writable: true, configurable: true });
  }
  return root.doc;
}

/** A document as text: JSON (which `JSON.stringify` writes even for `__proto__` keys) or YAML. */
function serialise(doc: unknown, format: "json" | "yaml"): string {
  return format === "json" ? (JSON.stringify(doc, null, 2) ?? "null") : yamlStringify(doc, { aliasDuplicateObjects: false });
}

const data = (path: string) => parseYamlText(readFileSync(path, "utf8")) as unknown;
const PROPOSAL_DOCS = [
  MINIMAL_PROPOSAL,
  data("examples/minor-injuries-overnight.yaml"),
  data("examples/outpatient-virtual.yaml"),
  data("examples/stroke-hasu.yaml"),
];

/** A real or minimal proposal with zero to four edits, as JSON or YAML. */
export const editedProposal: fc.Arbitrary<FuzzInput> = fc
  .record({ doc: fc.constantFrom(...PROPOSAL_DOCS), edits: fc.array(edit, { maxLength: 4 }), format: fc.constantFrom("json" as const, "yaml" as const) })
  .map(({ doc, edits, format }) => ({ target: "proposal", filename: `edited.${format}`, text: serialise(edits.reduce(applyEdit, doc), format) }));

const CRITERION_IDS = BUILTIN_FRAMEWORKS["london-2020"].principles.flatMap((p) => p.criteria.map((c) => c.id));
const maybe = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: hostileValue });
const criterion = maybe(
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CRITERION_IDS) }, { weight: 1, arbitrary: fc.constantFrom("LDN-9.9", "TST-1.1", "LDN-1") }),
);

const reviewArb = fc.record(
  {
    criterion,
    rating: maybe(fc.constantFrom("met", "partially-met", "not-met", "not-applicable")),
    rationale: maybe(fc.constant("Panel view.")),
    reviewer: maybe(fc.constant("Dr Test")),
    date: maybe(fc.constantFrom("2026-01-10", "2025-12-31")),
  },
  { requiredKeys: ["criterion", "rating", "rationale", "reviewer", "date"] },
);

const waiverArb = fc.record(
  {
    criterion,
    kind: maybe(fc.constantFrom("not-applicable", "accepted")),
    justification: maybe(fc.constant("Agreed at panel.")),
    approver: maybe(fc.constant("Medical Director")),
    expires: maybe(fc.constantFrom("2099-12-31", "2026-03-01", "2020-01-01", "2026-03-01T00:00:00Z", "2026-02-28T23:59:59.999Z")),
    pointer: maybe(fc.constantFrom("/equality", "/population", "/responses/LDN-1", "/nowhere")),
  },
  { requiredKeys: ["criterion", "kind", "justification", "approver", "expires"] },
);

/** A reviews or waivers file built item by item, sometimes with wrong types, unknown or repeated criteria. */
export const companion: fc.Arbitrary<FuzzInput> = fc
  .record({
    target: fc.constantFrom("reviews" as const, "waivers" as const),
    schemaVersion: maybe(fc.constant("1")),
    framework: maybe(fc.constantFrom("london-2020", "london-2020", "west-midlands")),
    reviews: fc.array(reviewArb, { maxLength: 8 }),
    waivers: fc.array(waiverArb, { maxLength: 6 }),
    edits: fc.array(edit, { maxLength: 2 }),
    format: fc.constantFrom("json" as const, "yaml" as const),
  })
  .map(({ target, schemaVersion, framework, reviews, waivers, edits, format }) => {
    const doc = target === "reviews" ? { schemaVersion, framework, reviews } : { schemaVersion, framework, waivers };
    return { target, filename: `${target}.${format}`, text: serialise(edits.reduce(applyEdit, doc as unknown), format) };
  });

const POINTERS = [
  ...["/population/description", "/population/size", "/equality/eqia/characteristics", "/evidence", "/beds/current", "/beds/proposed"],
  ...["/options/items", "/options/items/*/doNothing", "/responses/LDN-1", "/engagement/activities", "/caseForChange/summary"],
  ...["/equality/access/travelTime/*/proposedMinutes", "/nowhere", "population", "/responses/LDN-1/text", "/finance/capitalCost"],
];
const SCHEMA_FRAGMENTS: unknown[] = [
  { type: "array", minItems: 1 },
  { type: "object", required: ["mitigation"] },
  { type: "string", minLength: 10 },
  { type: "banana" },
  { unknownKeyword: true },
  { $ref: "#/definitions/nowhere" },
  { not: {} },
  { anyOf: [{ type: "number" }, { type: "string" }] },
];

const checkArb: fc.Arbitrary<unknown> = fc.letrec<{ check: unknown }>((tie) => ({
  check: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ kind: fc.constantFrom("present", "substantive"), path: maybe(fc.constantFrom(...POINTERS)) }),
    fc.record(
      { kind: fc.constant("evidence"), types: maybe(fc.constantFrom(["research"], ["eqia", "audit"], [])), citedAt: fc.constantFrom(...POINTERS) },
      { requiredKeys: ["kind", "types"] },
    ),
    fc.record({ kind: fc.constant("covers"), path: fc.constantFrom(...POINTERS), keys: maybe(fc.constantFrom(["age", "sex"], [])) }),
    fc.record(
      {
        kind: fc.constantFrom("range", "count"),
        path: fc.constantFrom(...POINTERS),
        min: maybe(fc.integer({ min: -2, max: 5 })),
        max: fc.integer({ min: 0, max: 5 }),
      },
      { requiredKeys: ["kind", "path"] },
    ),
    fc.record({ kind: fc.constant("equals"), path: fc.constantFrom(...POINTERS), value: hostileValue }),
    fc.record({
      kind: fc.constant("compare"),
      left: fc.constantFrom(...POINTERS),
      op: maybe(fc.constantFrom("lt", "le", "eq", "ge", "gt")),
      right: fc.constantFrom(...POINTERS),
    }),
    fc.record({ kind: fc.constant("schema"), path: fc.constantFrom(...POINTERS), schema: maybe(fc.constantFrom(...SCHEMA_FRAGMENTS)) }),
    fc.record({ kind: fc.constantFrom("all", "any"), checks: fc.array(tie("check"), { maxLength: 3 }) }),
    fc.record({ kind: fc.constant("not"), check: tie("check") }),
    fc.record({ kind: fc.constantFrom("x-custom", "bogus"), params: hostileValue }),
  ),
})).check;

const criterionDoc = (id: unknown) =>
  fc.record(
    {
      id: fc.constant(id),
      title: maybe(fc.constant("A criterion")),
      question: fc.constant("Is it so?"),
      guidance: fc.constant("Say so."),
      severity: maybe(fc.constantFrom("critical", "major", "minor")),
      weight: maybe(fc.constantFrom(0, 1, 2, 3.5)),
      mode: maybe(fc.constantFrom("automatic", "review", "automatic+review")),
      appliesWhen: checkArb,
      checks: fc.array(checkArb, { maxLength: 3 }),
      recommendation: fc.constant("Do it."),
    },
    { requiredKeys: ["id", "title", "question", "guidance", "severity", "mode", "recommendation"] },
  );

/** A framework built principle by principle, with random checks, weights, modes and some bad values. */
export const frameworkDoc: fc.Arbitrary<FuzzInput> = fc
  .record({
    ids: fc.array(fc.constantFrom("TST-1.1", "TST-1.2", "TST-1.3", "TST-2.1", "LDN-1.1"), { minLength: 1, maxLength: 4 }),
    thresholds: maybe(fc.record({ green: fc.constantFrom(0.9, 0.8, 0.4), amber: fc.constantFrom(0.5, 0.6, 0.95) })),
    format: fc.constantFrom("json" as const, "yaml" as const),
    edits: fc.array(edit, { maxLength: 2 }),
  })
  .chain(({ ids, thresholds, format, edits }) =>
    fc.tuple(...ids.map(criterionDoc)).map((criteria) => {
      const base = parseYamlText(FRAMEWORK) as Record<string, unknown>;
      const doc = { ...base, thresholds, principles: [{ id: "TST-1", title: "P", wording: "W", criteria }] };
      return { target: "framework" as const, filename: `framework.${format}`, text: serialise(edits.reduce(applyEdit, doc as unknown), format) };
    }),
  );
