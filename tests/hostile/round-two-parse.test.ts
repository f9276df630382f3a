import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { readSource } from "../../src/source/read.js";
import { PROPOSAL } from "./documents.js";
import { runCli } from "./run-cli.js";
import { timeRatio } from "./timing.js";

// Hostile input, round two: the documents. Each case once hung, took seconds or hundreds of
// megabytes, or read a file wrongly; each runs the built CLI (with a timeout, so a hang fails
// rather than waits) or the library, and compares cost only with a reference run in the same test.
// The growth of each with size is in growth.test.ts.

const root = mkdtempSync(join(tmpdir(), "senate-round-two-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes files into a fresh folder and runs the CLI there. */
function cli(files: Record<string, string | Uint8Array>, args: string[], timeoutMs = 20_000) {
  const dir = mkdtempSync(join(root, "case-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return runCli(args, { cwd: dir, timeoutMs });
}

/** The small proposal with `n` evidence entries, each `pad` characters longer than the plain one. */
const withEvidence = (n: number, pad = 0) => ({
  ...parse(PROPOSAL),
  evidence: Array.from({ length: n }, (_, i) => ({ id: `E${i + 1}`, type: "audit", title: `Audit ${i + 1} of the pathway${".".repeat(pad)}` })),
});

describe("1: comment lines with CRLF endings before the first key", () => {
  it("are read at once (the screen's pattern tried every split of every line)", () => {
    const text = `${"#\r\n".repeat(40)}${PROPOSAL.replace(/\n/g, "\r\n")}`;
    const run = cli({ "c.yaml": text }, ["validate", "c.yaml"]);
    expect(run.timedOut).toBe(false);
    expect(run.status, run.stderr).toBe(0);
    const bad = cli({ "c.yaml": `${"# note\r\n".repeat(40)}schemaVersion: "1"\r\n` }, ["validate", "c.yaml"]);
    expect(bad.stderr).toMatch(/^c\.yaml:41:1 {2}missing_field/m);
  });
});

describe("3: a Markdown heading followed by a long run of spaces", () => {
  it.each([
    ["a lone CR", "\r"],
    ["U+2028", "\u2028"],
  ])("and %s is read at once, as the principle's response", (_name, end) => {
    const heading = `## LDN-3${" ".repeat(100_000)}${end}`;
    const md = `---\n${PROPOSAL}---\n${heading}The response [E1].\n`;
    const read = readSource(md, { filename: "m.md" });
    expect(read.ok && (read.value.data as { responses: Record<string, unknown> }).responses["LDN-3"]).toBeTruthy();
    const spaces = (n: number) => `---\n${PROPOSAL}---\n## LDN-3${" ".repeat(n)}${end}Text.\n`;
    const [long, short] = [spaces(100_000), spaces(10_000)];
    const ratio = timeRatio(
      () => readSource(long, { filename: "m.md" }),
      () => readSource(short, { filename: "m.md" }),
    );
    expect(ratio, "ten times the spaces, at most thirty times the time").toBeLessThan(30);
  });
});

describe("9: JSON on one long line", () => {
  it("parses in about the time the same data takes pretty-printed", () => {
    const data = withEvidence(2000);
    const minified = JSON.stringify(data);
    const pretty = JSON.stringify(data, null, 2);
    expect(readSource(minified, { filename: "p.json" })).toMatchObject({ ok: true, value: { data } });
    const ratio = timeRatio(
      () => readSource(minified, { filename: "p.json" }),
      () => readSource(pretty, { filename: "p.json" }),
    );
    // Minified is the faster when both are linear; it was about 47 times slower when it was not.
    expect(ratio, "minified over pretty-printed").toBeLessThan(5);
  });
});

describe("11: aliases count as the data they expand to", () => {
  it("100 aliases to a 99,000-item list pass maxItems, and are refused without building the data", () => {
    const text = `${PROPOSAL}x-list: &l [${Array(99_000).fill("1").join(",")}]\nx-refs: [${Array(100).fill("*l").join(", ")}]\n`;
    const run = cli({ "a.yaml": text }, ["validate", "a.yaml"]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^a\.yaml:13:\d+ {2}too_many_items {2}.*\(maxItems\)/m);
    expect(run.rssMiB as number).toBeLessThan(300);
  });

  it("a few aliases within the limits are still read, and a lower --max-items counts their expansion", () => {
    const text = `${PROPOSAL}x-list: &l [1, 2, 3, 4, 5]\nx-refs: [*l, *l]\n`;
    const read = readSource(text, { filename: "a.yaml" });
    expect(read.ok && (read.value.data as Record<string, unknown>)["x-refs"]).toEqual([
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5],
    ]);
    const limited = readSource(text, { filename: "a.yaml", limits: { maxItems: 25 } });
    expect(limited).toMatchObject({ ok: false, issues: [{ code: "too_many_items" }] });
  });

  it("an alias inside the value it names is a located error, not circular data", () => {
    const read = readSource(`${PROPOSAL}x-loop: &x [1, *x]\n`, { filename: "a.yaml" });
    expect(read).toMatchObject({ ok: false, issues: [{ code: "syntax_error", line: 12, column: 16, message: expect.stringMatching(/circular/) }] });
  });
});

describe("maxItems, counted before the document is built", () => {
  /** Values as maxItems counts them: every map entry and list item, at every level. */
  const count = (v: unknown): number =>
    Array.isArray(v) ? v.length + v.reduce((n: number, x) => n + count(x), 0) : v && typeof v === "object" ? count(Object.values(v)) : 0;

  it.each(["stroke-hasu.yaml", "stroke-hasu.reviews.yaml"].flatMap((f) => [`${f}`, `${f} as flow`, `${f} as JSON`]))(
    "%s: exactly maxItems values are read, one more is refused",
    (name) => {
      const data = parse(readFileSync(`examples/${name.split(" ")[0]}`, "utf8"));
      const text = name.endsWith("flow") ? stringify(data, { collectionStyle: "flow" }) : name.endsWith("JSON") ? JSON.stringify(data) : stringify(data);
      const n = count(data);
      const filename = name.endsWith("JSON") ? "x.json" : "x.yaml";
      expect(readSource(text, { filename, limits: { maxItems: n } }).ok).toBe(true);
      expect(readSource(text, { filename, limits: { maxItems: n - 1 } })).toMatchObject({ ok: false, issues: [{ code: "too_many_items" }] });
    },
  );
});

describe("19: near the limits", () => {
  it("a 9 MB proposal with a duplicate key at its end costs about what the same file without it does", () => {
    // 20,000 entries of about 450 bytes: 9 MB, and 80,000 values (within maxItems).
    const body = JSON.stringify(withEvidence(20_000, 400), null, 1).slice(0, -2);
    const valid = `${body}\n}\n`;
    const duplicate = `${body},\n"schemaVersion": "1"\n}\n`;
    const read = readSource(duplicate, { filename: "d.yaml" });
    const lastLine = duplicate.split("\n").length - 2;
    expect(read).toMatchObject({ ok: false, issues: [{ code: "duplicate_key", line: lastLine, column: 1 }] });
    const ratio = timeRatio(
      () => readSource(duplicate, { filename: "d.yaml" }),
      () => readSource(valid, { filename: "d.yaml" }),
    );
    // About 1 (the duplicate is found on the fast path); it was about 11 when the file was parsed twice.
    expect(ratio, "with the duplicate over without").toBeLessThan(4);
  }, 120_000);

  it.each([
    ["JSON", "deep.json", (n: number) => `{"a": ${"[".repeat(n)}${"]".repeat(n)}}`],
    ["YAML flow lists", "deep.yaml", (n: number) => `${PROPOSAL}population: ${"[".repeat(n)}${"]".repeat(n)}\n`],
    ["YAML block lists on one line", "deep.yaml", (n: number) => `${PROPOSAL}population:\n${"- ".repeat(n)}x\n`],
  ])("%s nested 199,000 deep is refused by maxDepth in about the memory of 1,000 deep", (_name, file, nest) => {
    const deep = cli({ [file]: nest(199_000) }, ["validate", file]);
    const shallow = cli({ [file]: nest(1000) }, ["validate", file]);
    for (const run of [deep, shallow]) expect(run.stderr).toMatch(new RegExp(`^${file}:\\d+:\\d+  too_deep  .*\\(maxDepth\\)`));
    expect((deep.rssMiB as number) - (shallow.rssMiB as number), "MiB more for 199 times the nesting").toBeLessThan(40);
  });
});

describe("smaller items", () => {
  it("CR-only line endings are line breaks, and locations count them", () => {
    const text = PROPOSAL.replace(/\n/g, "\r");
    expect(readSource(text, { filename: "p.yaml" })).toMatchObject({ ok: true, value: { data: parse(PROPOSAL) } });
    const run = cli({ "p.yaml": `${text}unknownField: 1\r` }, ["validate", "p.yaml"]);
    expect(run.stderr).toMatch(/^p\.yaml:12:1 {2}unknown_field/m);
  });

  it.each([
    ["UTF-32 little-endian", [0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]],
    ["UTF-32 big-endian", [0, 0, 0xfe, 0xff, 0, 0, 0, 0x61]],
  ])("%s is named as UTF-32", (_name, bytes) => {
    const run = cli({ "p.yaml": new Uint8Array(bytes) }, ["validate", "p.yaml"]);
    expect(run.stderr).toMatch(/^p\.yaml:1:1 {2}bad_encoding {2}file is UTF-32; save it as UTF-8$/m);
  });

  it.each([
    ["a trailing comma", '{"schemaVersion": "1",\n}', "2:1", /trailing comma/],
    ["a comment", '{"schemaVersion": "1" # note\n}', "1:23", /expected , or \}/],
    ["single quotes", "{'schemaVersion': '1'}", "1:2", /key in double quotes/],
    ["a bare word", '{"schemaVersion": one}', "1:19", /expected a value/],
    ["a raw line break in a string", '{"schemaVersion": "o\nne"}', "1:21", /escape/],
    ["YAML block style", 'schemaVersion: "1"\n', "1:1", /expected a value/],
    ["text after the value", '{"schemaVersion": "1"} x', "1:24", /after the JSON value/],
  ])("a .json file is strict JSON: %s is a located syntax error", (_name, text, at, message) => {
    const run = cli({ "p.json": text }, ["validate", "p.json"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^p\\.json:${at} {2}syntax_error {2}`, "m"));
    expect(run.stderr).toMatch(message);
  });
});
