import { describe, expect, it } from "vitest";
import { parseProposal } from "../src/proposal/parse.js";
import { decodeBytes } from "../src/source/decode.js";
import { BAD_PROPOSALS, HEAD } from "./fixtures/bad-proposals.js";

function parseAny(text: string | Uint8Array, filename: string, limits = {}) {
  if (typeof text === "string") return parseProposal(text, { filename, limits });
  const decoded = decodeBytes(text, filename);
  return decoded.ok ? parseProposal(decoded.value, { filename, limits }) : decoded;
}

describe("bad proposals give located issues, never exceptions", () => {
  it.each(BAD_PROPOSALS)("$name", ({ text, filename = "p.yaml", code, line, column }) => {
    const result = parseAny(text, filename);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue?.file).toBe(filename);
    if (line !== undefined) expect(issue?.line).toBe(line);
    if (column !== undefined) expect(issue?.column).toBe(column);
    for (const i of result.issues) expect(i.message).not.toMatch(/\n|at .*\.(ts|js):\d+/);
  });
});

describe("reading proposals", () => {
  it("accepts a UTF-8 byte-order mark", () => {
    const decoded = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(HEAD)]), "bom.yaml");
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(parseProposal(decoded.value, { filename: "bom.yaml" }).ok).toBe(true);
    expect(parseProposal(`\uFEFF${HEAD}`).ok).toBe(true);
  });

  it("rejects a file over the size limit, naming the limit", () => {
    const result = parseProposal(HEAD, { filename: "big.yaml", limits: { maxBytes: 100 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toContain("maxBytes");
  });

  it("rejects nesting past the depth limit without overflowing the stack", () => {
    const deep = `${"[".repeat(10000)}${"]".repeat(10000)}`;
    const result = parseProposal(deep, { filename: "deep.yaml" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(["too_deep", "syntax_error"]).toContain(result.issues[0]?.code);
  });

  it("reads JSON with positions", () => {
    const json = JSON.stringify(
      {
        schemaVersion: "1",
        metadata: { id: "J", title: "T", version: "1", stage: "bogus", date: "2026-01-01", sponsor: "S", region: "R" },
        caseForChange: { summary: "x" },
      },
      null,
      2,
    );
    const result = parseProposal(json, { filename: "p.json" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: "invalid_value", pointer: "/metadata/stage", line: 7, column: 14 });
  });

  it("turns Markdown headings into principle responses with cited evidence", () => {
    const md = `---\n${HEAD}evidence:\n  - { id: E1, type: research, title: A study }\n---\n\n# Title\n\n## LDN-3 Reduce inequalities\n\nWe studied access [E1] and see [the link](https://example.org).\n\n## Background\n\nNot a response.\n`;
    const result = parseProposal(md, { filename: "p.md" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.proposal.responses).toEqual({ "LDN-3": { text: "We studied access [E1] and see [the link](https://example.org).", evidence: ["E1"] } });
    expect(result.value.locate("/responses/LDN-3/text")).toEqual({ line: 19, column: 1 });
  });

  it("locates an unknown evidence id cited in Markdown at its heading", () => {
    const md = `---\n${HEAD}---\n\n## LDN-1 Population\n\nSee [E7].\n`;
    const result = parseProposal(md, { filename: "p.md" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: "unknown_evidence", line: 15 });
  });

  it.each([
    ["metadata title", HEAD.replace("  title:", "  titel:"), "/metadata/titel", 'unknown field "titel": did you mean "title"?'],
    ["metadata sponsor", HEAD.replace("  sponsor:", "  sponsr:"), "/metadata/sponsr", 'unknown field "sponsr": did you mean "sponsor"?'],
    ["a section's field", HEAD.replace("  summary:", "  sumary:"), "/caseForChange/sumary", 'unknown field "sumary": did you mean "summary"?'],
    ["a list item's field", `${HEAD}evidence:\n  - { id: E1, type: research, titl: A study }\n`, "/evidence/0/titl", 'did you mean "title"?'],
    ["a section name", HEAD.replace("caseForChange:", "caseForChnage:"), "/caseForChnage", 'did you mean "caseForChange"?'],
    ["a key close to nothing", `${HEAD}colour: blue\n`, "/colour", 'unknown field "colour": remove it or check its spelling against the schema'],
  ])("names the field a misspelt key is close to: %s", (_, text, pointer, message) => {
    const result = parseProposal(text, { filename: "p.yaml" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.find((i) => i.code === "unknown_field")).toMatchObject({ pointer, message: expect.stringContaining(message) });
  });

  it.each([
    ["YAML", `${HEAD}caseForChange:\n  summary: again\n`, "p.yaml", 12],
    ["YAML the full parse reads (a tag elsewhere)", `${HEAD}caseForChange:\n  summary: again\nx: !!str y\n`, "p.yaml", 12],
    ["JSON", '{"schemaVersion": "1",\n "caseForChange": {},\n "caseForChange": {}}', "p.json", 3],
  ])("names a duplicate key in %s", (_, text, filename, line) => {
    const result = parseProposal(text, { filename });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]).toMatchObject({
        code: "duplicate_key",
        line,
        message: 'key "caseForChange" appears more than once in this map; each key may appear once in a map: merge or rename one',
      });
    }
  });

  it.each([
    [
      "an empty title",
      HEAD.replace("title: Test proposal", 'title: ""'),
      "/metadata/title",
      "must not be empty; write the title, or leave the field out where it is optional",
    ],
    ["an empty evidence title", `${HEAD}evidence:\n  - { id: E1, type: research, title: "" }\n`, "/evidence/0/title", "must not be empty; write the title"],
  ])("says what to write for %s", (_, text, pointer, message) => {
    const result = parseProposal(text, { filename: "p.yaml" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.find((i) => i.pointer === pointer)?.message).toContain(message);
  });

  it("keeps __proto__ keys as plain data and rejects them as unknown fields", () => {
    const result = parseProposal(`${HEAD}__proto__:\n  polluted: true\n`, { filename: "p.yaml" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.code).toBe("unknown_field");
  });
});
