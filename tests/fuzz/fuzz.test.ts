import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assess } from "../../src/assess/assess.js";
import { builtinFramework } from "../../src/framework/builtin.js";
import { type LoadedFramework, loadFramework } from "../../src/framework/load.js";
import type { Issue, Result } from "../../src/model/issue.js";
import type { AssessmentReport } from "../../src/model/report.js";
import { parseReviews, parseWaivers } from "../../src/proposal/documents.js";
import { type ParsedProposal, parseProposal } from "../../src/proposal/parse.js";
import { FORMATS, formatReport } from "../../src/report/format.js";
import { decodeBytes } from "../../src/source/decode.js";
import { companion, editedProposal, type FuzzInput, frameworkDoc, mutatedBytes, yamlish } from "./arbitraries.js";
import { banner, type FuzzProperty, paramsFor, runsFor, TOTAL_RUNS, timeoutFor } from "./config.js";

// Fuzzing the library in-process: whatever the input, no call throws, and every outcome is either a
// list of issues (each with a code, a message and the file it is about) or a report that validates
// against schemas/report.schema.json. FUZZ_RUNS and FUZZ_SEED: see ./config.ts.

const NOW = new Date("2026-03-01T00:00:00Z");
const LONDON = builtinFramework("london-2020") as LoadedFramework;
const validateReport = new Ajv({ strict: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync("schemas/report.schema.json", "utf8")) as object);

const minimal = parseProposal(readFileSync("examples/minor-injuries-overnight.yaml", "utf8"), { filename: "minor-injuries-overnight.yaml" });
if (!minimal.ok) throw new Error("tests/fuzz: the minor-injuries example no longer parses");
const BASE_PROPOSAL: ParsedProposal = minimal.value;

/** Every input is counted, so the suite can prove how many it ran. */
let inputs = 0;
let reports = 0;
let formatted = 0;

function fail(what: string, detail: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(detail, null, 2)?.slice(0, 2000)}`);
}

function checkIssues(issues: Issue[], file: string | undefined): void {
  if (!Array.isArray(issues) || issues.length === 0) fail("a failure without issues", issues);
  for (const issue of issues) {
    if (typeof issue.code !== "string" || !/^[a-z]+(_[a-z]+)*$/.test(issue.code)) fail("an issue without a code", issue);
    if (typeof issue.message !== "string" || issue.message.trim() === "") fail("an issue without a message", issue);
    if (typeof issue.pointer !== "string") fail("an issue without a pointer", issue);
    if (file !== undefined && issue.file !== file) fail(`an issue that does not name ${file}`, issue);
    for (const n of [issue.line, issue.column]) if (n !== undefined && !(Number.isInteger(n) && n >= 1)) fail("an issue with a bad position", issue);
  }
}

/** A report validates against the published schema, and every format renders it. */
function checkReport(result: Result<AssessmentReport>, file: string | undefined): void {
  if (!result.ok) {
    checkIssues(result.issues, file);
    return;
  }
  if (!validateReport(result.value)) fail("a report the schema rejects", validateReport.errors);
  const format = FORMATS[formatted++ % FORMATS.length] ?? "json";
  if (typeof formatReport(result.value, format) !== "string") fail(`formatReport(${format}) did not return text`, format);
  reports++;
}

/** Checks a parse result, and when it parsed, the report of assessing with it. */
function then<T>(parsed: Result<T>, file: string, assessWith: (value: T) => Result<AssessmentReport>, reportFile: string | undefined = file): void {
  if (parsed.ok) checkReport(assessWith(parsed.value), reportFile);
  else checkIssues(parsed.issues, file);
}

function runText(input: FuzzInput, text: string): void {
  const { filename } = input;
  if (input.target === "proposal") then(parseProposal(text, { filename }), filename, (p) => assess(p, LONDON, { now: NOW }));
  else if (input.target === "reviews") then(parseReviews(text, { filename }), filename, (reviews) => assess(BASE_PROPOSAL, LONDON, { now: NOW, reviews }));
  else if (input.target === "waivers") then(parseWaivers(text, { filename }), filename, (waivers) => assess(BASE_PROPOSAL, LONDON, { now: NOW, waivers }));
  else then(loadFramework(text, { filename }), filename, (framework) => assess(BASE_PROPOSAL, framework, { now: NOW }), undefined);
}

/** Runs one input end to end: bytes are decoded first, as the CLI does; nothing may throw. */
function run(input: FuzzInput): void {
  inputs++;
  if (input.bytes === undefined) {
    runText(input, input.text ?? "");
    return;
  }
  const decoded = decodeBytes(input.bytes, input.filename);
  if (decoded.ok) runText(input, decoded.value);
  else checkIssues(decoded.issues, input.filename);
}

const PROPERTIES: [FuzzProperty, string, fc.Arbitrary<FuzzInput>][] = [
  ["yamlish", "random YAML-ish text, alone or spliced into a valid document", yamlish],
  ["bytes", "byte-level mutations of the examples, reviews, waivers and frameworks", mutatedBytes],
  ["proposals", "proposals with values of the wrong type, deleted, duplicated and unknown fields", editedProposal],
  ["companions", "reviews and waivers with wrong types, unknown and repeated criteria, expired dates", companion],
  ["frameworks", "frameworks with random checks, weights, modes and thresholds", frameworkDoc],
];

describe("fuzzing the library: no input throws; every outcome is issues or a valid report", () => {
  beforeAll(() => console.log(banner()));
  afterAll(() => console.log(`fuzz: ran ${inputs} inputs; ${reports} reports validated and formatted`));

  it.each(PROPERTIES.map(([name, title, arb]) => [title, name, arb] as const))(
    "%s",
    (_title, name, arb) => {
      fc.assert(fc.property(arb, run), paramsFor(name));
    },
    Math.max(...PROPERTIES.map(([name]) => timeoutFor(name))),
  );

  it("ran the inputs it was asked for", () => {
    const expected = PROPERTIES.reduce((n, [name]) => n + runsFor(name), 0);
    expect(expected).toBeGreaterThanOrEqual(Math.min(TOTAL_RUNS, 10_000));
    expect(inputs).toBeGreaterThanOrEqual(expected);
    expect(reports, "some inputs get as far as a report").toBeGreaterThan(0);
  });
});
