import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { dump } from "js-yaml";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parse, Schema, stringify } from "yaml";
import { toPointer } from "../src/model/pointer.js";
import { isCoreNonString, resolveCore } from "../src/source/core-scalars.js";
import { parseFast } from "../src/source/fast-yaml.js";
import { DEFAULT_LIMITS } from "../src/source/limits.js";
import { BAD_PROPOSALS, HEAD } from "./fixtures/bad-proposals.js";

// The fast path (js-yaml, positions from a listener) against the full parse (`yaml`'s Document):
// the same library is loaded twice, once as shipped and once with the fast path switched off, and
// every outcome (issues, data, every location, every report) must be identical.

type Api = typeof import("../src/index.js") & typeof import("../src/source/read.js") & typeof import("../src/source/decode.js");

async function importApi(): Promise<Api> {
  return { ...(await import("../src/index.js")), ...(await import("../src/source/read.js")), ...(await import("../src/source/decode.js")) };
}

let fast: Api;
let slow: Api;
/** Calls to the switched-off fast path: proof that `slow` really takes the full parse. */
let declined = 0;
/** More runs for a deeper search: FAST_PATH_RUNS=20 runs twenty times as many cases. */
const SCALE = Number(process.env.FAST_PATH_RUNS ?? 1);
// A timeout that only stops a hang: these runs take 30 to 60 s on a busy 2-core machine, and a test must
// not fail because the machine is slow (issue 14).
const HANG = 600_000;

beforeAll(async () => {
  fast = await importApi();
  vi.resetModules();
  vi.doMock("../src/source/fast-yaml.js", async (original) => ({
    ...(await original<typeof import("../src/source/fast-yaml.js")>()),
    parseFast: () => {
      declined++;
      return undefined;
    },
  }));
  slow = await importApi();
  vi.doUnmock("../src/source/fast-yaml.js");
});

const NOW = new Date("2026-01-01T00:00:00Z");

function pointers(value: unknown, path: (string | number)[] = [], out: string[] = []): string[] {
  out.push(toPointer(path));
  if (Array.isArray(value)) for (const [i, v] of value.entries()) pointers(v, [...path, i], out);
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) pointers(v, [...path, k], out);
  return out;
}

/** Every observable outcome of reading a text: issues, or the data, every location and the reports. */
function outcome(api: Api, text: string, filename: string) {
  const read = api.readSource(text, { filename });
  const locations = read.ok
    ? [...pointers(read.value.data), "/missing", "/metadata/missing/0", "/evidence/99"].map((p) => [
        p,
        read.value.locate(p),
        read.value.locate(p, { key: true }),
      ])
    : read.issues;
  const parsed = api.parseProposal(text, { filename });
  if (!parsed.ok) return { locations, issues: parsed.issues };
  const report = api.assess(parsed.value, api.builtinFramework("london-2020")!, { now: NOW });
  const reports = report.ok ? (["json", "markdown", "text"] as const).map((f) => api.formatReport(report.value, f)) : report.issues;
  return { locations, proposal: parsed.value.proposal, sha256: parsed.value.sha256, reports };
}

function expectSame(text: string, filename = "p.yaml") {
  expect(outcome(fast, text, filename)).toEqual(outcome(slow, text, filename));
}

const readExample = (file: string) => readFileSync(`examples/${file}`, "utf8");
const exampleFiles = readdirSync("examples").filter((f) => /\.(ya?ml|md)$/.test(f) && !/\.(reviews|waivers)\./.test(f));
const frameworkFiles = readdirSync("principles").filter((f) => f.endsWith(".yaml"));

describe("the fast path", () => {
  it("reads every example and built-in framework (it is not silently skipped)", () => {
    for (const file of exampleFiles.filter((f) => f.endsWith(".yaml"))) expect(parseFast(readExample(file), DEFAULT_LIMITS), file).toBeDefined();
    for (const file of frameworkFiles) expect(parseFast(readFileSync(`principles/${file}`, "utf8"), DEFAULT_LIMITS), file).toBeDefined();
  });

  it.each(exampleFiles)("gives byte-identical reports and identical locations for examples/%s", (file) => {
    const before = declined;
    expectSame(readExample(file), file);
    expect(declined).toBeGreaterThan(before);
  });

  it.each(BAD_PROPOSALS)("gives identical issues for the bad input: $name", ({ text, filename = "p.yaml" }) => {
    const decode = (api: Api) => (typeof text === "string" ? { ok: true as const, value: text } : api.decodeBytes(text, filename));
    const [a, b] = [decode(fast), decode(slow)];
    expect(a).toEqual(b);
    if (a.ok) expectSame(a.value, filename);
  });

  it("gives identical results for reviews, waivers and frameworks", () => {
    for (const file of ["stroke-hasu.reviews.yaml", "outpatient-virtual.waivers.yaml"]) {
      const text = readExample(file);
      const parse = (api: Api) => (file.includes("reviews") ? api.parseReviews(text, { filename: file }) : api.parseWaivers(text, { filename: file }));
      const [a, b] = [parse(fast), parse(slow)];
      expect(a.ok && b.ok && { ...a.value, locate: undefined }).toEqual(b.ok && { ...b.value, locate: undefined });
    }
    for (const file of frameworkFiles) {
      const text = readFileSync(`principles/${file}`, "utf8");
      expect(JSON.stringify(fast.loadFramework(text, { filename: file }))).toBe(JSON.stringify(slow.loadFramework(text, { filename: file })));
    }
  });

  it("resolves plain scalars exactly as yaml's core schema does", () => {
    const tags = new Schema({}).tags.filter((t) => t.default === true && t.test && !t.collection);
    const yamlResolve = (s: string) => {
      const tag = tags.find((t) => t.test?.test(s)) as { resolve: (s: string, onError: () => void, options: object) => unknown } | undefined;
      if (!tag) return s;
      const v = tag.resolve(s, () => {}, {});
      return v !== null && typeof v === "object" && "value" in v ? (v as { value: unknown }).value : v;
    };
    const numberish = fc.stringMatching(/^[-+.]?(0[oxb]?)?[0-9a-fA-F._]{0,6}([eE][-+]?[0-9]{0,3})?$/);
    const words = fc.constantFrom(
      "~",
      "null",
      "Null",
      "NULL",
      "nULL",
      "true",
      "True",
      "TRUE",
      "tRUE",
      "false",
      "no",
      "yes",
      ".inf",
      "-.Inf",
      "+.INF",
      ".nan",
      ".NaN",
      "",
    );
    fc.assert(
      fc.property(fc.oneof(numberish, words, fc.string({ maxLength: 6 })), (s) => {
        expect(isCoreNonString(s) ? resolveCore(s) : s).toEqual(yamlResolve(s));
      }),
      { numRuns: 3000 * SCALE },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Generated documents: the examples' data, edited and written out in every style the two common
// YAML writers produce; and the examples' text, mutated with YAML's special characters.

const bases = () => exampleFiles.filter((f) => f.endsWith(".yaml")).map((f) => slow.readSource(readExample(f)));

const tricky = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "null",
    "~",
    "true",
    "1e3",
    "0x1F",
    "0o17",
    "+5",
    "-0",
    ".inf",
    "1_000",
    "0b101",
    "2026-01-01",
    "yes",
    "off",
    "'",
    '"',
    "a: b",
    "a #b",
    "- x",
    "blah blah blah etc",
  ),
  fc.constantFrom("line one\nline two", "trailing \n\n", " leading", "tab\there", "é ü 🚑", "[E1]", "{x}", "a,b", "* star", "&anchor", "!tag", "? q", "% pct"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
);

const edit = fc.record({
  at: fc.nat(),
  op: fc.constantFrom("set", "delete", "add") as fc.Arbitrary<"set" | "delete" | "add">,
  value: tricky,
  key: fc.string({ maxLength: 10 }),
});

function applyEdits(data: unknown, edits: { at: number; op: "set" | "delete" | "add"; value: unknown; key: string }[]): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const e of edits) {
    const all = pointers(copy).slice(1);
    const target = all[e.at % Math.max(all.length, 1)];
    if (target === undefined) continue;
    const path = target
      .slice(1)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    const last = path.pop() as string;
    let parent: unknown = copy;
    for (const seg of path) parent = (parent as Record<string, unknown>)[seg];
    if (parent === null || typeof parent !== "object") continue;
    const p = parent as Record<string, unknown>;
    if (e.op === "set") p[last] = e.value;
    else if (e.op === "delete") delete p[last];
    else if (!Array.isArray(p)) p[e.key || "k"] = e.value;
  }
  return copy;
}

const writer = fc.oneof(
  fc
    .record({
      lineWidth: fc.constantFrom(0, 20, 80),
      defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED") as fc.Arbitrary<"PLAIN">,
      collectionStyle: fc.constantFrom("any", "block", "flow") as fc.Arbitrary<"any">,
      indent: fc.constantFrom(2, 4),
      indentSeq: fc.boolean(),
      blockQuote: fc.constantFrom(true, false, "folded", "literal") as fc.Arbitrary<boolean>,
    })
    .map((o) => (value: unknown) => stringify(value, o)),
  fc
    .record({ lineWidth: fc.constantFrom(-1, 20, 80), flowLevel: fc.constantFrom(-1, 1, 2), noArrayIndent: fc.boolean(), forceQuotes: fc.boolean() })
    .map((o) => (value: unknown) => dump(value, o)),
  fc.constantFrom(
    (value: unknown) => JSON.stringify(value, null, 2),
    (value: unknown) => JSON.stringify(value),
  ),
);

const SNIPPETS = [
  ": ",
  ":",
  "\n",
  "  ",
  "- ",
  "#",
  " #",
  "'",
  '"',
  "|",
  ">",
  "|-",
  ">+",
  "|2",
  "[",
  "]",
  "{",
  "}",
  ",",
  "&a ",
  "*a",
  "!x ",
  "!!str ",
  "? ",
  "---\n",
  "...\n",
];
const MORE = [
  "%YAML 1.1\n",
  "\t",
  "\r\n",
  "\r",
  "\\",
  "k: v\n",
  "1e3",
  "~",
  "null",
  "\u00a0",
  "\ufeff",
  "\u2028",
  "é",
  "🚑",
  "\x07",
  "<<: ",
  "0x1",
  "{a: 1}",
  "[a, b]",
];

const mutation = fc.record({ at: fc.nat(), snippet: fc.constantFrom(...SNIPPETS, ...MORE), cut: fc.nat({ max: 6 }) });

describe("generated documents", () => {
  it(
    "gives identical outcomes for edited proposals written by yaml and js-yaml",
    () => {
      let fastHits = 0;
      const sources = bases();
      fc.assert(
        fc.property(fc.nat(sources.length - 1), fc.array(edit, { maxLength: 4 }), writer, (base, edits, write) => {
          const source = sources[base];
          if (!source?.ok) return;
          const text = write(applyEdits(source.value.data, edits));
          if (parseFast(text, DEFAULT_LIMITS)) fastHits++;
          expectSame(text);
        }),
        { numRuns: 150 * SCALE },
      );
      expect(fastHits).toBeGreaterThan(40 * SCALE);
    },
    HANG * SCALE,
  );

  it(
    "gives identical outcomes for example texts mutated with YAML's special characters",
    () => {
      const example = readExample("minor-injuries-overnight.yaml");
      const read = slow.readSource(example);
      const data = read.ok ? read.value.data : {};
      const small = [HEAD, example, HEAD.replace(/\n/g, "\r\n"), JSON.stringify(data, null, 2), stringify(data, { collectionStyle: "flow" })];
      let fastHits = 0;
      fc.assert(
        fc.property(fc.nat(small.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (base, mutations) => {
          let text = small[base] as string;
          for (const m of mutations) {
            const at = m.at % (text.length + 1);
            text = text.slice(0, at) + m.snippet + text.slice(at + m.cut);
          }
          if (parseFast(text, DEFAULT_LIMITS)) fastHits++;
          expectSame(text);
        }),
        { numRuns: 1500 * SCALE },
      );
      expect(fastHits).toBeGreaterThan(200 * SCALE);
    },
    HANG * SCALE,
  );
});

// ---------------------------------------------------------------------------------------------
// Schema fragments without loading Ajv: the built-in fragments run Ajv's standalone code
// (src/generated/fragments.ts, written by npm run generate), which must answer as Ajv compiling
// the same fragment at run time does, and be what compileFragment hands the schema check.

describe("built-in schema fragments run Ajv's standalone code", () => {
  const KEYS = ["a", "b", "impact", "evidence", "mitigation", "position", "type", "participants", "x/y", "~k", "é"];
  const leaf = fc.oneof(
    fc.constantFrom("", "unknown", "opposes", "supports", "research", "audit", "video", "x", "🚑", "a", 0, 1, 5, -1, 1.5, true, false, null),
    fc.string({ maxLength: 4 }),
    fc.double(),
  );
  const data = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, leaf, tie("list"), tie("map")),
    list: fc.array(tie("value"), { maxLength: 4 }),
    map: fc.dictionary(fc.constantFrom(...KEYS), tie("value"), { maxKeys: 4 }),
  })).value;

  /** Every fragment of the built-in frameworks, as the generated data holds them, with the values the examples give it. */
  async function builtinFragments(): Promise<{ schema: Record<string, unknown>; values: unknown[] }[]> {
    const { BUILTIN_FRAMEWORKS } = await import("../src/framework/builtin.js");
    const { allChecks } = await import("../src/framework/walk.js");
    const { getAt } = await import("../src/model/pointer.js");
    const examples = readdirSync("examples")
      .filter((f) => /\.ya?ml$/.test(f) && !/\.(reviews|waivers)\./.test(f))
      .map((f) => parse(readFileSync(`examples/${f}`, "utf8")) as unknown);
    return Object.values(BUILTIN_FRAMEWORKS).flatMap((fw) =>
      allChecks(fw).flatMap(({ check }) =>
        check.kind === "schema" ? [{ schema: check.schema, values: examples.map((e) => getAt(e, check.path)).filter((v) => v !== undefined) }] : [],
      ),
    );
  }

  it("compiles every built-in fragment ahead of time, and hands that code to the schema check", async () => {
    const { PRECOMPILED } = await import("../src/generated/fragments.js");
    const { compileFragment } = await import("../src/checks/fragment-compile.js");
    const fragments = await builtinFragments();
    expect(fragments.length).toBeGreaterThan(10);
    for (const { schema } of fragments) {
      const code = PRECOMPILED.get(JSON.stringify(schema));
      expect(code, JSON.stringify(schema)).toBeTypeOf("function");
      expect(compileFragment(schema)).toBe(code);
    }
  });

  it("answers every built-in fragment exactly as Ajv compiling it at run time does", async () => {
    const { PRECOMPILED } = await import("../src/generated/fragments.js");
    const { compileWithAjv } = await import("../src/checks/fragment-compile.js");
    for (const { schema, values } of await builtinFragments()) {
      const ajv = compileWithAjv(schema);
      const ours = PRECOMPILED.get(JSON.stringify(schema)) as typeof ajv;
      for (const value of [...values, ...fc.sample(data, 150 * SCALE)]) {
        const verdict = ajv(value);
        expect([ours(value), ours.errors], JSON.stringify({ schema, value })).toEqual([verdict, ajv.errors ?? null]);
      }
    }
  });

  it("compiles a fragment that is not built in with Ajv, at first use", async () => {
    const { PRECOMPILED } = await import("../src/generated/fragments.js");
    const { compileFragment } = await import("../src/checks/fragment-compile.js");
    const schema = { type: "object", required: ["zeta"], properties: { zeta: { type: "string", pattern: "^Z" } } };
    expect(PRECOMPILED.has(JSON.stringify(schema))).toBe(false);
    const validate = compileFragment(schema);
    expect(validate({ zeta: "Zed" })).toBe(true);
    expect(validate({ zeta: "zed" })).toBe(false);
    expect(validate.errors?.[0]?.keyword).toBe("pattern");
  });

  it("calls run-time helpers that agree with Ajv's own", async () => {
    const { equal, ucs2length } = await import("../src/checks/fragment-runtime.js");
    const runtime = (m: unknown) =>
      ((m as { default?: { default?: unknown } }).default?.default ?? (m as { default?: unknown }).default) as (...args: never[]) => unknown;
    const ajvEqual = runtime(await import("ajv/dist/runtime/equal.js")) as (a: unknown, b: unknown) => boolean;
    const ajvLength = runtime(await import("ajv/dist/runtime/ucs2length.js")) as (s: string) => number;
    // As parsed JSON: plain objects, as proposals hold (Ajv's equal fails on objects without a prototype).
    const json = data.map((v) => JSON.parse(JSON.stringify(v) ?? "null") as unknown);
    fc.assert(fc.property(json, json, (a, b) => equal(a, b) === ajvEqual(a, b) && equal(a, a) === ajvEqual(a, a)));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom("a", "é", "🚑", "\ud83d", "\ude91") }), (t) => ucs2length(t) === ajvLength(t)));
  });
});
