import { showHidden } from "../model/escape.js";
import type { Issue } from "../model/issue.js";
import { formatIssue } from "../model/issue.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { safeJson } from "./escape-json.js";
import { markupSafe } from "./escape-markup.js";

// `senate validate` in a machine's format: each file's outcome (valid, or its located issues) written
// as it comes, in pieces like the report formats (a head, one piece per file, a tail), so a batch of any
// size keeps nothing but a count. Each consumer's own rules: SARIF 2.1.0 (one run, a result per issue at
// its location), GitHub workflow commands (one error per issue), JUnit (one test case per file).

/** The formats `senate validate` writes. */
export const VALIDATE_FORMATS = ["text", "json", "sarif", "github", "junit"] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/** One file's outcome. */
export interface Validation {
  file: string;
  issues: readonly Issue[];
}

/** A format as pieces: before the first file, between two, after the last (given how many were invalid). */
export interface ValidationFormat {
  head: string;
  separator: string;
  piece(v: Validation, index: number): string;
  tail(files: number, invalid: number): string;
}

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** Annotation and SARIF paths resolve against the repository, with forward slashes. */
function slashes(file: string): string {
  return file.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

function sarifResult(issue: Issue, file: string): string {
  const line = issue.line ?? 1;
  const region = { startLine: line, startColumn: issue.column ?? 1 };
  const result = {
    ruleId: issue.code,
    level: "error",
    message: { text: `${issue.message}${issue.pointer ? ` (at ${issue.pointer})` : ""}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(slashes(issue.file ?? file)) }, region } }],
  };
  return safeJson(result);
}

const sarif: ValidationFormat = {
  head: `{\n  "$schema": "${SARIF_SCHEMA}",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": { "driver": { "name": "${TOOL_NAME}", "version": "${TOOL_VERSION}" } },\n      "automationDetails": { "id": "senate-validate/" },\n      "results": [`,
  separator: "",
  piece: (v, i) => v.issues.map((issue, k) => `${i > 0 || k > 0 ? "," : ""}\n        ${sarifResult(issue, v.file)}`).join(""),
  tail: () => "\n      ]\n    }\n  ]\n}\n",
};

/** Workflow-command data and property values (see report/github.ts for the reasons). */
function escapeData(text: string): string {
  return showHidden(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

const github: ValidationFormat = {
  head: "",
  separator: "",
  piece: (v) =>
    v.issues
      .map((issue) => {
        const props = [
          ["file", slashes(issue.file ?? v.file)],
          ["line", issue.line],
          ["col", issue.column],
          ["title", issue.code],
        ].flatMap(([k, value]) => (value === undefined ? [] : [`${k}=${escapeData(String(value)).replace(/:/g, "%3A").replace(/,/g, "%2C")}`]));
        return `::error ${props.join(",")}::${escapeData(`${issue.message}${issue.pointer ? ` (at ${issue.pointer})` : ""}`)}\n`;
      })
      .join(""),
  tail: (files, invalid) => `::notice title=senate validate::${files} files, ${invalid} invalid\n`,
};

function xml(text: string, attribute = false): string {
  const safe = text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
  const escaped = markupSafe(safe.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;"));
  return attribute ? escaped.replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;") : escaped;
}

/** A file as one suite of one test case (the Ant schema), so each suite's counts are known when it is written. */
const junit: ValidationFormat = {
  head: '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n',
  separator: "",
  piece: (v, index) => {
    const name = xml(slashes(v.file), true);
    const failed = v.issues.length > 0 ? 1 : 0;
    const suite = `  <testsuite name="${name}" tests="1" failures="${failed}" errors="0" skipped="0" time="0" timestamp="1970-01-01T00:00:00" hostname="localhost" id="${index}" package="senate">`;
    const head = `    <testcase name="valid proposal" classname="${name}" time="0"`;
    const text = v.issues.map((i) => xml(formatIssue(i))).join("\n");
    const failure = `<failure message="${v.issues.length} problem(s)" type="invalid_proposal">${text}</failure>`;
    const testcase = failed ? `${head}>\n      ${failure}\n    </testcase>` : `${head}/>`;
    return `${suite}\n    <properties/>\n${testcase}\n    <system-out/>\n    <system-err/>\n  </testsuite>\n`;
  },
  tail: () => "</testsuites>\n",
};

const json: ValidationFormat = {
  head: "[\n  ",
  separator: ",\n  ",
  piece: (v) => safeJson({ file: v.file, valid: v.issues.length === 0, issues: v.issues }),
  tail: () => "\n]\n",
};

/** The machine formats; text is written by the command itself (a line per valid file, issues on standard error). */
export const VALIDATION_FORMATS: Record<Exclude<ValidateFormat, "text">, ValidationFormat> = { sarif, github, junit, json };
