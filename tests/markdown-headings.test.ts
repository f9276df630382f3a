import { describe, expect, it } from "vitest";
import { builtinFramework } from "../src/framework/builtin.js";
import { parseProposal } from "../src/proposal/parse.js";
import { BUILTIN_PRINCIPLES } from "../src/source/markdown-sections.js";
import { HEAD } from "./fixtures/bad-proposals.js";

const REGISTER = "evidence:\n  - { id: E1, type: research, title: A study }\n";

function md(body: string, front = REGISTER): string {
  return `---\n${HEAD}${front}---\n\n${body}`;
}

function read(body: string, front?: string) {
  const result = parseProposal(md(body, front), { filename: "p.md" });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe("Markdown principle headings in the forms people write them", () => {
  it.each([
    ["## LDN-3 Reduce inequalities", "LDN-3"],
    ["## Principle 3: reducing inequalities (LDN-3)", "LDN-3"],
    ["## **LDN-3** Reduce inequalities", "LDN-3"],
    ["## ldn-3 reduce inequalities", "LDN-3"],
    ["## LDN-3: Reduce inequalities", "LDN-3"],
    ["## LDN-3 – Reduce inequalities", "LDN-3"],
    ["# LDN-3", "LDN-3"],
    ["#### `LDN-3` Reduce inequalities ####", "LDN-3"],
    ["### Reducing inequalities [LDN-03]", "LDN-3"],
    ["## __Nhse-2__ - Patient choice", "NHSE-2"],
    // A built-in id written without its hyphen is still the id.
    ["## LDN 2 Patient-centred", "LDN-2"],
    ["## LDN2 Patient-centred", "LDN-2"],
    ["## ldn 2 patient-centred", "LDN-2"],
    ["## 6. LDN 6 Standards", "LDN-6"],
    ["## Principle two (LDN2)", "LDN-2"],
    ["## NHSE3: Evidence", "NHSE-3"],
  ])("%s is read as %s", (heading, id) => {
    const value = read(`${heading}\n\nWe studied access [E1].\n`);
    expect(value.proposal.responses).toEqual({ [id]: { text: "We studied access [E1].", evidence: ["E1"] } });
    expect(value.warnings).toEqual([]);
    expect(value.narrative?.responses).toEqual([{ principle: id, line: 17, words: 4, citations: ["E1"] }]);
  });

  it.each([
    ["## Principle 3: reducing inequalities", /names no principle id/],
    ["### principle 4 – fairness (XY-4)", /"XY-4" is not a principle id/],
    ["## LDN-3 and LDN-4 together", /names 2 principles \(LDN-3, LDN-4\)/],
    ["## abc-2 background", /"ABC-2" is not a principle id/],
  ])("%s is a located warning, never silently dropped", (heading, message) => {
    const value = read(`Intro.\n\n${heading}\n\nSome text.\n`);
    expect(value.proposal.responses).toBeUndefined();
    expect(value.warnings).toEqual([{ code: "unread_heading", message: expect.stringMatching(message), pointer: "", file: "p.md", line: 19, column: 1 }]);
    expect(value.narrative?.otherWords).toBe(3 + heading.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length);
  });

  it("suggests the id a principle heading without one means, from its number", () => {
    const value = read("Intro.\n\n## Principle 2: access\n\nSome text.\n");
    expect(value.warnings[0]?.message).toContain('write the id in the heading, e.g. "## LDN-2 access"');
  });

  it.each([
    ["## LDN-9 Nothing", "LDN-9", "no built-in framework has a principle LDN-9 (LDN-1 to LDN-8)"],
    ["## WM-0 Nothing", "WM-0", "no built-in framework has a principle WM-0 (WM-1 to WM-5)"],
    ["## LND-2 Patient-centred", "LND-2", "did you mean LDN-2? No built-in framework uses the prefix LND"],
    ["## NHSF-2 Choice", "NHSF-2", "did you mean NHSE-2?"],
  ])("%s is read, with a located warning that it is no principle of a built-in framework", (heading, id, message) => {
    const value = read(`Intro.\n\n${heading}\n\nSome text.\n`);
    expect(Object.keys(value.proposal.responses ?? {})).toEqual([id]);
    expect(value.warnings).toEqual([{ code: "unknown_principle", message: expect.stringContaining(message), pointer: "", file: "p.md", line: 19, column: 1 }]);
  });

  it("leaves ordinary headings, criterion ids, years and headings in code fences alone", () => {
    const value = read(
      "## Impact of COVID-19 on access\n\n## LDN-3.1 is a criterion\n\n## LDN 3.1 too\n\n## The LDN 2020 framework\n\n```\n## LDN-2 in a fence\n```\n\n## LDN-1 Real\n\nText.\n",
    );
    expect(Object.keys(value.proposal.responses ?? {})).toEqual(["LDN-1"]);
    expect(value.warnings).toEqual([]);
  });

  it("ends a response at a heading of the same level, keeps deeper ones, and drops HTML comments", () => {
    const value = read(
      "## LDN-1 Population <!-- the principle's wording -->\n\n<!-- guidance\nover lines -->\nOurs.\n\n### Detail\n\nMore.\n\n## Appendix\n\nNot a response.\n",
    );
    expect(value.proposal.responses?.["LDN-1"]?.text).toBe("Ours.\n\n### Detail\n\nMore.");
    expect(value.narrative?.otherWords).toBe(4);
  });

  it("adds a second heading's text to the first, with a warning", () => {
    const value = read("## LDN-1 Part one\n\nOne.\n\n## LDN-1 Part two\n\nTwo [E1].\n");
    expect(value.proposal.responses?.["LDN-1"]).toEqual({ text: "One.\n\nTwo [E1].", evidence: ["E1"] });
    expect(value.warnings.map((w) => [w.code, w.line])).toEqual([["duplicate_response", 21]]);
  });

  it("recognises a custom framework's prefix once one heading opens with it", () => {
    const value = read("## XYZ-1 First\n\nA.\n\n## Second principle (xyz-2)\n\nB.\n");
    expect(Object.keys(value.proposal.responses ?? {})).toEqual(["XYZ-1", "XYZ-2"]);
  });

  it("knows the principles of every built-in framework, and no others", () => {
    const ids = ["london-2020", "west-midlands", "nhse-service-change"].flatMap((f) => builtinFramework(f)?.framework.principles.map((p) => p.id) ?? []);
    const known = Object.entries(BUILTIN_PRINCIPLES).flatMap(([prefix, n]) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`));
    expect(new Set(known)).toEqual(new Set(ids));
  });

  it("reports warnings beside the errors of an invalid document", () => {
    const result = parseProposal(md("## Principle 2: access\n\nSee [E9].\n"), { filename: "p.md" });
    expect(result.ok).toBe(true);
    const bad = parseProposal(`---\n${HEAD.replace(/ {2}title: .*\n/, "")}---\n\n## Principle 2: access\n`, { filename: "p.md" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.code)).toContain("unread_heading");
  });
});
