import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess, builtinFramework, loadFramework, parseProposal, parseReviews, parseWaivers, type Result, validateFramework } from "../../src/index.js";
import { assessFile, loadFrameworkFile, readProposalFile, resolveFramework } from "../../src/node/index.js";
import { FRAMEWORK, PROPOSAL, WAIVERS } from "./documents.js";

// The library's contract (README, "The library"): the functions that return a Result never throw on bad
// input, whatever a JavaScript caller passes; they answer { ok: false, issues }. Issue 16, cause 18.

const LONDON = builtinFramework("london-2020")!;
const NOW = new Date("2026-01-01T00:00:00Z");

function parsedProposal() {
  const parsed = parseProposal(PROPOSAL, { filename: "p.yaml" });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

/** Calls `f`, failing the test with the exception if it throws; returns its issue codes. */
function codesOf(f: () => Result<unknown>): string[] {
  const result = f();
  expect(typeof result.ok).toBe("boolean");
  return result.ok ? [] : result.issues.map((i) => i.code);
}

const NOT_TEXT: [string, unknown][] = [
  ["a number", 42],
  ["null", null],
  ["undefined", undefined],
  ["an object", { text: PROPOSAL }],
  ["a Buffer", Buffer.from(PROPOSAL)],
];

const PARSERS = { parseProposal, parseReviews, parseWaivers, loadFramework } as Record<string, (text: unknown, options?: unknown) => Result<unknown>>;

describe("the library never throws on bad arguments", () => {
  describe.each(Object.keys(PARSERS))("%s", (name) => {
    const parse = PARSERS[name]!;
    it.each(NOT_TEXT)("text that is %s is an invalid_argument issue", (_what, value) => {
      expect(codesOf(() => parse(value))).toEqual(["invalid_argument"]);
    });
    it.each([
      ["null options", null],
      ["a numeric filename", { filename: 7 }],
      ["an unknown format", { format: "toml" }],
      ["a negative limit", { limits: { maxBytes: -1 } }],
      ["a misspelt limit", { limits: { maxByte: 10 } }],
    ])("%s is an invalid_option issue", (_what, options) => {
      expect(codesOf(() => parse("a: 1\n", options))).toContain("invalid_option");
    });
  });

  it("validateFramework: null options or a locate that is not a function are issues", () => {
    expect(codesOf(() => validateFramework({}, null as never))).toEqual(["invalid_option"]);
    expect(codesOf(() => validateFramework({}, {}, "here" as never))).toEqual(["invalid_option"]);
  });

  it("the Node helpers: a path that is not a string is an issue", () => {
    expect(codesOf(() => readProposalFile(42 as never))).toEqual(["invalid_argument"]);
    expect(codesOf(() => loadFrameworkFile(null as never))).toEqual(["invalid_argument"]);
    expect(codesOf(() => resolveFramework(undefined as never))).toEqual(["invalid_argument"]);
    expect(codesOf(() => assessFile({} as never))).toEqual(["invalid_argument"]);
    expect(codesOf(() => assessFile("p.yaml", null as never))).toEqual(["invalid_option"]);
    expect(codesOf(() => assessFile("p.yaml", { reviews: 1 } as never))).toContain("invalid_argument");
  });

  it.each([
    ["a proposal that is null", () => assess(null as never, LONDON)],
    ["a proposal that is a string", () => assess(PROPOSAL as never, LONDON)],
    ["a framework that is null", () => assess(parsedProposal(), null as never)],
    ["a loaded framework holding null", () => assess(parsedProposal(), { framework: null, sha256: "x" } as never)],
  ])("assess: %s is an invalid_argument issue", (_what, call) => {
    expect(codesOf(call)).toEqual(["invalid_argument"]);
  });

  it("assess: a proposal or a framework that breaks its schema comes back as issues", () => {
    expect(codesOf(() => assess({ metadata: {} } as never, LONDON)).length).toBeGreaterThan(0);
    const broken = structuredClone(LONDON.framework) as unknown as { principles: unknown };
    broken.principles = "none";
    expect(codesOf(() => assess(parsedProposal(), broken as never))).toEqual(["invalid_value"]);
  });

  it("assess: options that are null, or reviews that are not a reviews document, are issues", () => {
    expect(codesOf(() => assess(parsedProposal(), LONDON, null as never))).toEqual(["invalid_option"]);
    expect(codesOf(() => assess(parsedProposal(), LONDON, { reviews: { reviews: 3 } } as never))).not.toEqual([]);
  });

  it("assess: an invalid now is an issue, and never applies a waiver that expired in 2001", () => {
    const waivers = parseWaivers(WAIVERS.replace("2099-12-31", "2001-01-01"), { filename: "w.yaml" });
    expect(waivers.ok).toBe(true);
    if (!waivers.ok) return;
    const result = assess(parsedProposal(), LONDON, { waivers: waivers.value, now: new Date("garbage") });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.message])).toEqual([
      ["invalid_option", "options.now must be a valid Date; got an invalid Date"],
    ]);
    expect(codesOf(() => assess(parsedProposal(), LONDON, { waivers: waivers.value, now: NOW }))).toEqual(["waiver_expired"]);
    expect(codesOf(() => assess(parsedProposal(), LONDON, { waivers: waivers.value, now: "2026-01-01" as never }))).toEqual(["invalid_option"]);
  });

  it("assess: waivers without now are judged against today, never a TypeError", () => {
    const waivers = parseWaivers(WAIVERS, { filename: "w.yaml" });
    if (!waivers.ok) throw new Error("WAIVERS no longer parses");
    // WAIVERS expire in 2099, so today they apply.
    expect(codesOf(() => assess(parsedProposal(), LONDON, { waivers: waivers.value }))).toEqual([]);
  });

  it.each([
    ["green above 1", { green: 1.5 }],
    ["amber below 0", { amber: -0.1 }],
    ["amber not a number", { amber: Number.NaN }],
    ["green infinite", { green: Number.POSITIVE_INFINITY }],
    ["minCoverage a string", { minCoverage: "0.5" }],
    ["amber above green", { green: 0.4, amber: 0.6 }],
    ["amber above the framework's green", { amber: 0.9 }],
    ["an unknown threshold", { red: 0.2 }],
  ])("assess: thresholds with %s are an invalid_option issue", (_what, thresholds) => {
    expect(codesOf(() => assess(parsedProposal(), LONDON, { thresholds: thresholds as never }))).toEqual(["invalid_option"]);
  });

  it("assess: thresholds in range and in order are accepted", () => {
    expect(codesOf(() => assess(parsedProposal(), LONDON, { thresholds: { green: 0.9, amber: 0.9, minCoverage: 1 } }))).toEqual([]);
  });

  it("a missing literal or enumeration says it is missing, not 'got undefined undefined'", () => {
    const parsed = parseProposal(PROPOSAL.replace('schemaVersion: "1"\n', "").replace("  stage: case-for-change\n", ""), { filename: "p.yaml" });
    const issues = parsed.ok ? [] : parsed.issues;
    const lines = issues.map((i) => `${i.code} ${i.message}`);
    expect(lines).toContain('missing_field missing required field "schemaVersion" (expected "1")');
    expect(lines.find((l) => l.includes('"stage"'))).toMatch(/^missing_field missing required field "stage" \(expected one of "case-for-change"\|/);
    expect(lines.join("\n")).not.toMatch(/undefined/);
  });

  it("property: any values at all, as any argument of a Result-returning function, never throw", () => {
    const parsed = parsedProposal();
    const anything = fc.oneof(fc.anything(), fc.constantFrom<unknown>(PROPOSAL, FRAMEWORK, parsed, LONDON, LONDON.framework, NOW, new Date(Number.NaN)));
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(PARSERS), "validateFramework", "assess"), anything, anything, anything, (name, a, b, c) => {
        const f = (PARSERS[name] ?? (name === "assess" ? assess : validateFramework)) as (...args: unknown[]) => Result<unknown>;
        const result = f(a, b, c);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 500 },
    );
  });
});
