// The hostile-input corpus: one row per case, run against the built CLI by hostile.test.ts.
// Every case must exit 2 with one well-formed line per problem, no stack trace, in bounded memory and bounded CPU time.

import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { bytes, edit, FRAMEWORK, PROPOSAL, REVIEWS, review, utf8, utf16, WAIVERS, waiver, withCheck } from "./documents.js";

/** A file's content: text, bytes, or a function that writes the file at `path` (for files too big to hold). */
export type Content = string | Uint8Array | ((path: string) => void);

/** A problem the CLI must report on a line of its own: `file[:line:column]  code  message`. */
export interface Problem {
  /** The file name exactly as passed on the command line. */
  file: string;
  /** The issue code; leave out to accept any. */
  code?: string;
  /** `line:column` exactly, `any` for some location, or leave out when the problem has no location (e.g. a missing file). */
  at?: string;
  message?: RegExp;
}

export interface HostileCase {
  name: string;
  area: "proposal" | "reviews" | "waivers" | "framework" | "cli";
  /** Files written into the case's own temporary folder (the working directory of the run). */
  files?: Record<string, Content>;
  args: string[];
  stdin?: string | Uint8Array | (() => Uint8Array);
  /** Problems that must each be reported on a line of their own. */
  problems?: Problem[];
  /** A usage error: a line `senate <command>: …` matching this. */
  usage?: RegExp;
  /** The exact number of lines of error output, when it must be exactly the problems listed. */
  lines?: number;
  /** Text that must appear in the error output. */
  mentions?: RegExp;
  /** A limit that must be named in the message. */
  limit?: "maxBytes" | "maxDepth" | "maxAliases" | "maxItems";
  /** Extra checks on the case's folder after the run (e.g. an input left intact). */
  after?: (dir: string) => void;
}

const MIB = 1024 * 1024;

/** Writes `total` bytes of YAML comment lines, a mebibyte at a time. */
const commentLines = (total: number) => (path: string) => {
  const line = `# ${"x".repeat(1021)}\n`;
  const chunk = line.repeat(1024);
  const fd = openSync(path, "w");
  try {
    for (let written = 0; written < total; written += chunk.length) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
};

/** The valid proposal as minified JSON with one extra field, so the whole file is one line. */
const oneLineJson = (extraKey: string, extraValue: string) => {
  const head = { schemaVersion: "1", metadata: { id: "T-1", title: "T", version: "1", stage: "decision", date: "2026-01-05", sponsor: "S", region: "R" } };
  return JSON.stringify({ ...head, caseForChange: { summary: "s" }, [extraKey]: extraValue });
};

const nested = (open: string, close: string, depth: number, inner = "1") => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

const ALIAS_BOMB = [
  "a: &a [x, x, x, x, x, x, x, x, x, x]",
  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
  "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
  "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]",
  "",
].join("\n");

const example = (name: string) => readFileSync(`examples/${name}`, "utf8");

const P = "p.yaml";
const proposal = (extra: string) => ({ [P]: `${PROPOSAL}${extra}` });
const validate = (...files: string[]) => ["validate", ...files];
const assess = (...args: string[]) => ["assess", ...args];

const PROPOSALS: HostileCase[] = [
  {
    name: "malformed YAML: an unclosed flow list",
    area: "proposal",
    files: proposal("options: [unclosed\n"),
    args: validate(P),
    problems: [{ file: P, code: "syntax_error", at: "any" }],
  },
  {
    name: "truncated YAML: an example cut inside a quoted string",
    area: "proposal",
    files: { "cut.yaml": `${PROPOSAL}population:\n  description: "${example("stroke-hasu.yaml").slice(0, 3000).replace(/["\\]/g, "")}` },
    args: validate("cut.yaml"),
    problems: [{ file: "cut.yaml", code: "syntax_error", at: "any" }],
  },
  {
    name: "truncated JSON",
    area: "proposal",
    files: { "cut.json": oneLineJson("notes", "n").slice(0, 90) },
    args: validate("cut.json"),
    problems: [{ file: "cut.json", code: "syntax_error", at: "any" }],
  },
  {
    name: "malformed JSON: a missing comma",
    area: "proposal",
    files: { "p.json": '{\n  "schemaVersion": "1"\n  "metadata": {}\n}\n' },
    args: validate("p.json"),
    problems: [{ file: "p.json", code: "syntax_error", at: "any" }],
  },
  {
    name: "Markdown without front matter",
    area: "proposal",
    files: { "p.md": "# A proposal\n\nNo front matter.\n" },
    args: validate("p.md"),
    problems: [{ file: "p.md", code: "bad_front_matter", at: "1:1" }],
  },
  {
    name: "Markdown with truncated front matter (no closing ---)",
    area: "proposal",
    files: { "p.md": `---\n${PROPOSAL}` },
    args: validate("p.md"),
    problems: [{ file: "p.md", code: "bad_front_matter", at: "1:1" }],
  },
  {
    name: "Markdown with malformed front matter, located in the file",
    area: "proposal",
    files: { "p.md": `---\n${PROPOSAL}options: [unclosed\n---\n\n# Title\n` },
    args: validate("p.md"),
    problems: [{ file: "p.md", code: "syntax_error", at: "any" }],
  },
  {
    name: "duplicate key",
    area: "proposal",
    files: proposal("caseForChange:\n  summary: again\n"),
    args: validate(P),
    problems: [{ file: P, code: "duplicate_key", at: "12:1" }],
  },
  {
    name: "duplicate key in JSON",
    area: "proposal",
    files: { "p.json": '{\n  "schemaVersion": "1",\n  "schemaVersion": "1"\n}\n' },
    args: validate("p.json"),
    problems: [{ file: "p.json", code: "duplicate_key", at: "3:3" }],
  },
  {
    name: "20,000 keys in one map are checked for duplicates in linear time",
    area: "proposal",
    files: proposal(`${Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join("\n")}\nk7: 2\n`),
    args: validate(P),
    problems: [{ file: P, code: "duplicate_key", at: "20012:1" }],
  },
  {
    name: "several YAML documents",
    area: "proposal",
    files: proposal(`---\n${PROPOSAL}`),
    args: validate(P),
    problems: [{ file: P, code: "multiple_documents", at: "12:1" }],
  },
  {
    name: "unknown tag: !python/object",
    area: "proposal",
    files: proposal("population:\n  description: !python/object:os.system ls\n"),
    args: validate(P),
    problems: [{ file: P, code: "unknown_tag", at: "13:16", message: /not allowed/ }],
  },
  {
    name: "unknown tag: !!js/function",
    area: "proposal",
    files: proposal('population:\n  description: !!js/function "function () { return 1 }"\n'),
    args: validate(P),
    problems: [{ file: P, code: "unknown_tag", at: "13:16" }],
  },
  {
    name: "YAML 1.1 tag !!binary is not data: rejected as a tag",
    area: "proposal",
    files: proposal("population:\n  description: !!binary aGVsbG8=\n"),
    args: validate(P),
    problems: [{ file: P, code: "unknown_tag", at: "13:16" }],
  },
  {
    name: "alias bomb",
    area: "proposal",
    files: { "bomb.yaml": ALIAS_BOMB },
    args: validate("bomb.yaml"),
    problems: [{ file: "bomb.yaml", code: "alias_limit", at: "any" }],
    limit: "maxAliases",
  },
  {
    name: "10,000-deep flow lists",
    area: "proposal",
    files: { "deep.yaml": `${PROPOSAL}population: ${nested("[", "]", 10_000)}\n` },
    args: validate("deep.yaml"),
    problems: [{ file: "deep.yaml", code: "too_deep", at: "any" }],
    limit: "maxDepth",
  },
  {
    name: "10,000-deep block lists on one line",
    area: "proposal",
    files: { "deep.yaml": `${"- ".repeat(10_000)}x\n` },
    args: validate("deep.yaml"),
    problems: [{ file: "deep.yaml", code: "too_deep", at: "any" }],
    limit: "maxDepth",
  },
  {
    name: "10,000-deep JSON objects",
    area: "proposal",
    files: { "deep.json": nested('{"a": ', "}", 10_000) },
    args: validate("deep.json"),
    problems: [{ file: "deep.json", code: "too_deep", at: "any" }],
    limit: "maxDepth",
  },
  {
    name: "100 levels of nesting: past maxDepth but within the parser's reach",
    area: "proposal",
    files: { "deep.yaml": `${PROPOSAL}population: ${nested("[", "]", 100)}\n` },
    args: validate("deep.yaml"),
    problems: [{ file: "deep.yaml", code: "too_deep", at: "any" }],
    limit: "maxDepth",
  },
  {
    name: "more values than maxItems",
    area: "proposal",
    files: proposal(`population: [${"1,".repeat(100_001)}1]\n`),
    args: validate(P),
    problems: [{ file: P, code: "too_many_items", at: "any" }],
    limit: "maxItems",
  },
  {
    name: "a 5 MB file of tiny values is refused before it is built in memory",
    area: "proposal",
    files: { "many.yaml": `l: [${"1,".repeat(2_500_000)}1]\n` },
    args: validate("many.yaml"),
    problems: [{ file: "many.yaml", code: "too_many_items", at: "any" }],
    limit: "maxItems",
  },
  {
    name: "a 50 MB file",
    area: "proposal",
    files: { "big.yaml": commentLines(50 * MIB) },
    args: validate("big.yaml"),
    problems: [{ file: "big.yaml", code: "too_large" }],
    limit: "maxBytes",
  },
  {
    name: "a 50 MB file on standard input",
    area: "proposal",
    stdin: () => utf8(`# ${"x".repeat(1021)}\n`.repeat(50 * 1024)),
    args: validate("-"),
    problems: [{ file: "<stdin>", code: "too_large" }],
    limit: "maxBytes",
  },
  {
    name: "an endless device file is refused without being read",
    area: "proposal",
    args: validate("/dev/zero"),
    problems: [{ file: "/dev/zero", code: "read_failed", message: /is a character device, not a regular file/ }],
  },
  {
    name: "a 1 MB single line (minified JSON)",
    area: "proposal",
    files: { "line.json": oneLineJson("notes", "x".repeat(MIB)) },
    args: validate("line.json"),
    problems: [{ file: "line.json", code: "unknown_field", at: "any", message: /"notes"/ }],
  },
  {
    name: "a 1 MB key is reported without echoing a megabyte",
    area: "proposal",
    files: { "key.json": oneLineJson("k".repeat(MIB), "x") },
    args: validate("key.json"),
    problems: [{ file: "key.json", code: "unknown_field", at: "any" }],
  },
  {
    name: "a 1 MB Markdown line that looks like a citation",
    area: "proposal",
    files: { "p.md": `---\n${PROPOSAL}---\n\n## LDN-1 Population\n\nSee [E9] and [a${"1".repeat(MIB)}\n` },
    args: validate("p.md"),
    problems: [{ file: "p.md", code: "unknown_evidence", at: "any" }],
  },
  {
    name: "UTF-8 byte-order mark: positions unchanged",
    area: "proposal",
    files: { [P]: bytes([0xef, 0xbb, 0xbf], `${PROPOSAL}caseForChange:\n  summary: again\n`) },
    args: validate(P),
    problems: [{ file: P, code: "duplicate_key", at: "12:1" }],
  },
  {
    name: "UTF-16 LE with a byte-order mark",
    area: "proposal",
    files: { [P]: utf16(PROPOSAL) },
    args: validate(P),
    problems: [{ file: P, code: "bad_encoding", at: "1:1" }],
  },
  {
    name: "UTF-16 BE with a byte-order mark",
    area: "proposal",
    files: { [P]: utf16(PROPOSAL, true) },
    args: validate(P),
    problems: [{ file: P, code: "bad_encoding", at: "1:1" }],
  },
  {
    name: "UTF-16 without a byte-order mark",
    area: "proposal",
    files: { [P]: utf16(PROPOSAL).subarray(2) },
    args: validate(P),
    problems: [{ file: P, code: "binary_file", at: "1:2" }],
  },
  {
    name: "invalid UTF-8 (Latin-1 é)",
    area: "proposal",
    files: { [P]: bytes(PROPOSAL, "population:\n  description: caf", 0xe9, "\n") },
    args: validate(P),
    problems: [{ file: P, code: "bad_encoding", at: "13:19" }],
  },
  {
    name: "invalid UTF-8 (an encoded surrogate)",
    area: "proposal",
    files: { [P]: bytes(PROPOSAL, "population:\n  description: x", [0xed, 0xa0, 0x80], "\n") },
    args: validate(P),
    problems: [{ file: P, code: "bad_encoding", at: "13:17" }],
  },
  {
    name: "a binary file (PNG header)",
    area: "proposal",
    files: { "p.png.yaml": bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]) },
    args: validate("p.png.yaml"),
    problems: [{ file: "p.png.yaml", code: "binary_file", at: "any" }],
  },
  {
    name: "__proto__, constructor and prototype keys",
    area: "proposal",
    files: proposal("__proto__:\n  polluted: true\nconstructor: x\nprototype: { y: 1 }\n"),
    args: validate(P),
    problems: [
      { file: P, code: "unknown_field", at: "12:1", message: /__proto__/ },
      { file: P, code: "unknown_field", at: "14:1", message: /constructor/ },
      { file: P, code: "unknown_field", at: "15:1", message: /prototype/ },
    ],
  },
  {
    name: "__proto__ as a JSON key and as a response id",
    area: "proposal",
    files: { "p.json": `{"__proto__": {"schemaVersion": "1"}, "responses": {"constructor": {"text": "x"}}}` },
    args: validate("p.json"),
    problems: [
      { file: "p.json", code: "unknown_field", at: "any", message: /__proto__/ },
      { file: "p.json", code: "missing_field", at: "any", message: /metadata/ },
    ],
  },
  {
    name: "wrong types everywhere",
    area: "proposal",
    files: { [P]: 'schemaVersion: 1\nmetadata: []\ncaseForChange: "text"\nevidence: {}\nbeds: { current: -1, proposed: 1.5 }\n' },
    args: validate(P),
    problems: [
      { file: P, code: "invalid_value", at: "1:16" },
      { file: P, code: "invalid_value", at: "2:11" },
      { file: P, code: "invalid_value", at: "3:16" },
      { file: P, code: "invalid_value", at: "4:11" },
      { file: P, code: "invalid_value", at: "5:18" },
      { file: P, code: "invalid_value", at: "5:32" },
    ],
  },
  {
    name: "not a map: a bare string",
    area: "proposal",
    files: { [P]: "just text\n" },
    args: validate(P),
    problems: [{ file: P, code: "invalid_value", at: "1:1" }],
  },
  { name: "an empty file", area: "proposal", files: { [P]: "" }, args: validate(P), problems: [{ file: P, code: "empty_file" }] },
  { name: "a file of comments only", area: "proposal", files: { [P]: "# nothing here\n" }, args: validate(P), problems: [{ file: P, code: "empty_file" }] },
  {
    name: "evidence link ../../etc/passwd is reported, never read",
    area: "proposal",
    files: proposal("evidence:\n  - id: E1\n    type: research\n    title: A study\n    link: ../../etc/passwd\n"),
    args: validate(P),
    problems: [{ file: P, code: "invalid_value", at: "16:11", message: /http/ }],
  },
  {
    name: "evidence link file:///etc/passwd is reported, never read",
    area: "proposal",
    files: proposal("evidence:\n  - id: E1\n    type: research\n    title: A study\n    link: file:///etc/passwd\n"),
    args: validate(P),
    problems: [{ file: P, code: "invalid_value", at: "16:11" }],
  },
  {
    name: "cited evidence id ../../etc/passwd",
    area: "proposal",
    files: proposal("population:\n  description: x\n  evidence: [../../etc/passwd]\n"),
    args: validate(P),
    problems: [{ file: P, code: "invalid_value", at: "14:14" }],
  },
  {
    name: "cited evidence id not in the register",
    area: "proposal",
    files: proposal("population:\n  description: x\n  evidence: [E9]\n"),
    args: validate(P),
    problems: [{ file: P, code: "unknown_evidence", at: "14:14" }],
  },
  {
    name: "duplicate evidence ids",
    area: "proposal",
    files: proposal("evidence:\n  - { id: E1, type: research, title: A }\n  - { id: E1, type: audit, title: B }\n"),
    args: validate(P),
    problems: [{ file: P, code: "duplicate_id", at: "14:11" }],
  },
  {
    name: "a list as a map key",
    area: "proposal",
    files: proposal("? [a, b]\n: 1\n"),
    args: validate(P),
    problems: [{ file: P, at: "12:3" }],
  },
  {
    name: "a line break in a key cannot forge a second problem line",
    area: "proposal",
    files: proposal('"x\\nother.yaml:1:1  syntax_error  forged": 1\n'),
    args: validate(P),
    problems: [{ file: P, code: "unknown_field", at: "12:1" }],
    lines: 1,
  },
  {
    name: "terminal escapes in a value are not echoed",
    area: "proposal",
    files: { [P]: edit(PROPOSAL, "stage: case-for-change", 'stage: "\\e]0;pwned\\a\\e[2J"') },
    args: validate(P),
    problems: [{ file: P, code: "invalid_value", at: "6:10" }],
  },
  {
    name: "a directory as input, with no proposal in it",
    area: "proposal",
    files: { "dir/.keep": "" },
    args: validate("dir"),
    usage: /no proposal files \(.*\) in folder "dir"/,
  },
  {
    name: "a missing file",
    area: "proposal",
    args: assess("missing.yaml"),
    problems: [{ file: "missing.yaml", code: "read_failed", message: /no such file/ }],
  },
  {
    name: "invalid UTF-8 on standard input",
    area: "proposal",
    stdin: bytes(PROPOSAL, "population:\n  description: caf", 0xe9, "\n"),
    args: validate("-"),
    problems: [{ file: "<stdin>", code: "bad_encoding", at: "13:19" }],
  },
  {
    name: "a binary file on standard input",
    area: "proposal",
    stdin: bytes("a: b", 0, "\n"),
    args: assess("-"),
    problems: [{ file: "<stdin>", code: "binary_file", at: "1:5" }],
  },
];

const R = "r.yaml";
const REVIEW_CASES: HostileCase[] = [
  {
    name: "reviews: unknown criterion id",
    area: "reviews",
    files: { [P]: PROPOSAL, [R]: `${REVIEWS}${review("LDN-9.9")}` },
    args: assess(P, "--reviews", R),
    problems: [{ file: R, code: "unknown_criterion", at: "9:16" }],
  },
  {
    name: "reviews: a criterion reviewed twice",
    area: "reviews",
    files: { [P]: PROPOSAL, [R]: `${REVIEWS}${review("LDN-1.1")}` },
    args: assess(P, "--reviews", R),
    problems: [{ file: R, code: "duplicate_id", at: "9:16" }],
  },
  {
    name: "reviews: written for another framework",
    area: "reviews",
    files: { [P]: PROPOSAL, [R]: edit(REVIEWS, "framework: london-2020", "framework: __proto__") },
    args: assess(P, "--reviews", R),
    problems: [{ file: R, code: "wrong_framework", at: "2:12" }],
  },
  {
    name: "reviews: wrong types",
    area: "reviews",
    files: {
      [P]: PROPOSAL,
      [R]: 'schemaVersion: "1"\nframework: london-2020\nreviews:\n  - criterion: 11\n    rating: 5\n    rationale: []\n    reviewer: {}\n    date: yesterday\n',
    },
    args: assess(P, "--reviews", R),
    problems: [
      { file: R, code: "invalid_value", at: "4:16" },
      { file: R, code: "invalid_value", at: "5:13" },
      { file: R, code: "invalid_value", at: "6:16" },
      { file: R, code: "invalid_value", at: "7:15" },
      { file: R, code: "invalid_value", at: "8:11" },
    ],
  },
  {
    name: "reviews: a list where a map belongs, and a duplicate key",
    area: "reviews",
    files: { [P]: PROPOSAL, [R]: `${REVIEWS}framework: again\n` },
    args: assess(P, "--reviews", R),
    problems: [{ file: R, code: "duplicate_key", at: "9:1" }],
  },
  {
    name: "reviews: an alias bomb",
    area: "reviews",
    files: { [P]: PROPOSAL, [R]: ALIAS_BOMB },
    args: assess(P, "--reviews", R),
    problems: [{ file: R, code: "alias_limit", at: "any" }],
    limit: "maxAliases",
  },
  {
    name: "reviews: invalid UTF-8",
    area: "reviews",
    files: { [P]: PROPOSAL, [R]: bytes(REVIEWS, "# caf", 0xe9, "\n") },
    args: assess(P, "--reviews", R),
    problems: [{ file: R, code: "bad_encoding", at: "9:6" }],
  },
  {
    name: "reviews: a directory",
    area: "reviews",
    files: { [P]: PROPOSAL, "rd/.keep": "" },
    args: assess(P, "--reviews", "rd"),
    problems: [{ file: "rd", code: "read_failed" }],
  },
];

const W = "w.yaml";
const WAIVER_CASES: HostileCase[] = [
  {
    name: "waivers: an expired waiver",
    area: "waivers",
    files: { [P]: PROPOSAL, [W]: edit(WAIVERS, "expires: 2099-12-31", "expires: 2020-01-01") },
    args: assess(P, "--waivers", W),
    problems: [{ file: W, code: "waiver_expired", at: "8:14" }],
  },
  {
    name: "waivers: an unknown criterion",
    area: "waivers",
    files: { [P]: PROPOSAL, [W]: `${WAIVERS}${waiver("LDN-42.1")}` },
    args: assess(P, "--waivers", W),
    problems: [{ file: W, code: "unknown_criterion", at: "9:16" }],
  },
  {
    name: "waivers: two waivers for one criterion",
    area: "waivers",
    files: { [P]: PROPOSAL, [W]: `${WAIVERS}${waiver("LDN-2.4")}` },
    args: assess(P, "--waivers", W),
    problems: [{ file: W, code: "duplicate_id", at: "9:16" }],
  },
  {
    name: "waivers: an expiry that is not a UTC instant",
    area: "waivers",
    files: { [P]: PROPOSAL, [W]: `${WAIVERS}${waiver("LDN-3.8", "2099-01-01T00:00:00+01:00")}${waiver("LDN-3.2", "next year")}` },
    args: assess(P, "--waivers", W),
    problems: [
      { file: W, code: "invalid_value", at: "13:14" },
      { file: W, code: "invalid_value", at: "18:14" },
    ],
  },
  {
    name: "waivers: a pointer ../../etc/passwd",
    area: "waivers",
    files: { [P]: PROPOSAL, [W]: edit(WAIVERS, "    expires:", "    pointer: ../../etc/passwd\n    expires:") },
    args: assess(P, "--waivers", W),
    problems: [{ file: W, code: "invalid_value", at: "8:14" }],
  },
  {
    name: "waivers: several documents",
    area: "waivers",
    files: { [P]: PROPOSAL, [W]: `${WAIVERS}---\n${WAIVERS}` },
    args: assess(P, "--waivers", W),
    problems: [{ file: W, code: "multiple_documents", at: "9:1" }],
  },
  {
    name: "waivers: a reviews file passed as waivers",
    area: "waivers",
    files: { [P]: PROPOSAL, [W]: REVIEWS },
    args: assess(P, "--waivers", W),
    problems: [
      { file: W, code: "unknown_field", at: "3:1" },
      { file: W, code: "missing_field", at: "any" },
    ],
  },
];

const F = "fw.yaml";
/** A tailored framework that extends `base` and changes nothing. */
const EXTENSION = (id: string, base: string) => `schemaVersion: "1"\nid: ${id}\nversion: 1.0.0\ntitle: T\npublisher: P\nextends: ${base}\n`;
const framework = (text: string | Uint8Array) => ({ [P]: PROPOSAL, [F]: text });
const FRAMEWORK_CASES: HostileCase[] = [
  {
    name: "framework: extends itself",
    area: "framework",
    files: { [P]: PROPOSAL, "self.yaml": EXTENSION("self", "./self.yaml") },
    args: assess(P, "--framework", "self.yaml"),
    problems: [{ file: "self.yaml", at: "any", message: /cycle/ }],
  },
  {
    name: "framework: two files that extend each other",
    area: "framework",
    files: { [P]: PROPOSAL, "a.yaml": EXTENSION("a", "./b.yaml"), "b.yaml": EXTENSION("b", "./a.yaml") },
    args: assess(P, "--framework", "a.yaml"),
    problems: [{ at: "any", file: "b.yaml", message: /cycle/ }],
  },
  {
    name: "framework: a whole framework that also extends itself",
    area: "framework",
    files: { [P]: PROPOSAL, "self.yaml": edit(FRAMEWORK, "title: Tiny framework\n", "title: Tiny framework\nextends: ./self.yaml\n") },
    args: assess(P, "--framework", "self.yaml"),
    problems: [{ file: "self.yaml", at: "any" }],
  },
  {
    name: "framework: duplicate criterion ids",
    area: "framework",
    files: framework(FRAMEWORK + FRAMEWORK.slice(FRAMEWORK.indexOf("      - id: TST-1.1"))),
    args: assess(P, "--framework", F),
    problems: [{ file: F, code: "duplicate_id", at: "27:13" }],
  },
  {
    name: "framework: a check reads a place no proposal has",
    area: "framework",
    files: framework(withCheck("          - kind: present\n            path: /nowhere/at/all\n")),
    args: assess(P, "--framework", F),
    problems: [{ file: F, code: "unknown_pointer", at: "25:19" }],
  },
  {
    name: "framework: a JSON Schema fragment that does not compile",
    area: "framework",
    files: framework(withCheck("          - kind: schema\n            path: /caseForChange\n            schema: { type: banana }\n")),
    args: assess(P, "--framework", F),
    problems: [{ file: F, code: "bad_check", at: "26:21" }],
  },
  {
    name: "framework: a pattern that needs backtracking (a back-reference) is refused at load, not run",
    area: "framework",
    files: {
      [P]: edit(PROPOSAL, "summary: A short case for change.", `summary: ${"a".repeat(40)}!`),
      [F]: withCheck('          - kind: schema\n            path: /caseForChange/summary\n            schema: { type: string, pattern: "^(a+)\\\\1$" }\n'),
    },
    args: assess(P, "--framework", F),
    problems: [{ file: F, code: "bad_check", at: "26:21" }],
  },
  {
    name: "framework: a custom check kind naming a module",
    area: "framework",
    files: framework(withCheck("          - kind: x-require\n            params: { module: ./evil.cjs }\n")),
    args: assess(P, "--framework", F),
    problems: [{ file: F, code: "bad_check", at: "24:19" }],
  },
  {
    name: "framework: a remote $ref is not fetched",
    area: "framework",
    files: framework(withCheck('          - kind: schema\n            path: /caseForChange\n            schema: { $ref: "http://127.0.0.1:9/x.json" }\n')),
    args: assess(P, "--framework", F),
    problems: [{ file: F, code: "bad_check", at: "26:29" }],
  },
  {
    name: "framework: a YAML 1.1 !!set in a schema fragment is rejected as a tag",
    area: "framework",
    files: framework(withCheck("          - kind: schema\n            path: /caseForChange/summary\n            schema: { enum: !!set { a, b } }\n")),
    args: assess(P, "--framework", F),
    problems: [{ file: F, code: "unknown_tag", at: "26:29" }],
  },
  {
    name: "framework: wrong types and thresholds out of order",
    area: "framework",
    files: framework(edit(edit(FRAMEWORK, "version: 1.0.0", "version: 1\nthresholds: { green: 0.5, amber: 0.9 }"), "severity: major", "severity: 3")),
    args: assess(P, "--framework", F),
    problems: [
      { file: F, code: "invalid_value", at: "3:10" },
      { file: F, code: "invalid_value", at: "22:19" },
    ],
  },
  {
    name: "framework: truncated",
    area: "framework",
    files: framework(FRAMEWORK.slice(0, FRAMEWORK.indexOf("    wording:"))),
    args: assess(P, "--framework", F),
    problems: [{ file: F, code: "missing_field", at: "any" }],
  },
  {
    name: "framework: 10,000-deep schema fragment",
    area: "framework",
    files: framework(withCheck(`          - kind: schema\n            path: /caseForChange\n            schema: ${nested("{ not: ", " }", 10_000, "{}")}\n`)),
    args: assess(P, "--framework", F),
    problems: [{ file: F, code: "too_deep", at: "any" }],
    limit: "maxDepth",
  },
  {
    name: "framework: a binary file",
    area: "framework",
    files: framework(bytes([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00])),
    args: assess(P, "--framework", F),
    problems: [{ file: F, code: "binary_file", at: "any" }],
  },
];

const CLI_CASES: HostileCase[] = [
  { name: "unknown flag", area: "cli", files: { [P]: PROPOSAL }, args: assess(P, "--fromat", "json"), usage: /Unknown option '--fromat'/ },
  { name: "unknown short flag", area: "cli", files: { [P]: PROPOSAL }, args: validate("-x", P), usage: /Unknown option '-x'/ },
  { name: "a flag without its value", area: "cli", files: { [P]: PROPOSAL }, args: assess(P, "--output"), usage: /--output/ },
  { name: "a value given to a switch", area: "cli", files: { [P]: PROPOSAL }, args: assess(P, "--timestamp=yes"), usage: /--timestamp/ },
  { name: "an unknown format", area: "cli", files: { [P]: PROPOSAL }, args: assess(P, "--format", "pdf"), usage: /--format must be one of/ },
  {
    name: "standard input named for the proposal and the reviews (it can be read once)",
    area: "cli",
    args: assess("-", "--reviews", "-"),
    stdin: PROPOSAL,
    usage: /^senate assess: standard input \(-\) can be read only once/,
    lines: 1,
  },
  {
    name: "standard input named for the waivers and the baseline",
    area: "cli",
    files: { [P]: PROPOSAL },
    args: assess(P, "--waivers", "-", "--baseline", "-"),
    stdin: WAIVERS,
    usage: /standard input \(-\) can be read only once/,
  },
  { name: "an unknown command", area: "cli", args: ["asses", P], usage: /unknown command "asses"/ },
  { name: "a threshold that is not a number", area: "cli", files: { [P]: PROPOSAL }, args: assess(P, "--min-coverage", "NaN"), usage: /--min-coverage/ },
  { name: "thresholds out of order", area: "cli", files: { [P]: PROPOSAL }, args: assess(P, "--amber", "0.9", "--green", "0.1"), usage: /--amber/ },
  {
    name: "a framework id that is an Object.prototype key",
    area: "cli",
    files: { [P]: PROPOSAL },
    args: assess(P, "--framework", "constructor"),
    mentions: /no built-in framework "constructor"/,
  },
  {
    name: "output path equal to an input path (spelt differently)",
    area: "cli",
    files: { [P]: PROPOSAL, "sub/.keep": "" },
    args: assess(P, "--output", "sub/../p.yaml"),
    usage: /is also an input/,
    after: (dir) => {
      if (readFileSync(`${dir}/${P}`, "utf8") !== PROPOSAL) throw new Error("the input was changed");
    },
  },
  {
    name: "output path equal to the reviews file",
    area: "cli",
    files: { [P]: PROPOSAL, [R]: REVIEWS },
    args: assess(P, "--reviews", R, "--output", R),
    usage: /is also an input/,
    after: (dir) => {
      if (readFileSync(`${dir}/${R}`, "utf8") !== REVIEWS) throw new Error("the reviews file was changed");
    },
  },
  {
    name: "a glob that would backtrack for ever over a long file name",
    area: "cli",
    files: { [`${"a".repeat(200)}.yaml`]: PROPOSAL },
    args: validate("*a*a*a*a*a*a*a*a*a*a*a*a*b.yaml"),
    usage: /no files match/,
  },
  { name: "a limit flag that is not a number", area: "cli", files: { [P]: PROPOSAL }, args: validate("--max-depth", "-1", P), usage: /--max-depth/ },
  {
    name: "--max-bytes is named when hit",
    area: "cli",
    files: { [P]: PROPOSAL },
    args: validate("--max-bytes", "100", P),
    problems: [{ file: P, code: "too_large" }],
    limit: "maxBytes",
  },
  {
    name: "--max-depth is named when hit",
    area: "cli",
    files: { [P]: PROPOSAL },
    args: validate("--max-depth", "1", P),
    problems: [{ file: P, code: "too_deep", at: "any" }],
    limit: "maxDepth",
  },
  {
    name: "--max-items is named when hit",
    area: "cli",
    files: { [P]: PROPOSAL },
    args: validate("--max-items", "5", P),
    problems: [{ file: P, code: "too_many_items", at: "any" }],
    limit: "maxItems",
  },
  {
    name: "--max-aliases 0 forbids aliases",
    area: "cli",
    files: { [P]: edit(PROPOSAL, "  sponsor: Test ICB", "  sponsor: &who Test ICB\n  contact: *who") },
    args: validate("--max-aliases", "0", P),
    problems: [{ file: P, code: "alias_limit", at: "any" }],
    limit: "maxAliases",
  },
  {
    name: "output path is a directory",
    area: "cli",
    files: { [P]: PROPOSAL, "out/.keep": "" },
    args: assess(P, "--output", "out", "--fail-on", "never"),
    usage: /cannot write out/,
  },
];

export const CASES: HostileCase[] = [...PROPOSALS, ...REVIEW_CASES, ...WAIVER_CASES, ...FRAMEWORK_CASES, ...CLI_CASES];
