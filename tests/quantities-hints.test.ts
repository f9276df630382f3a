import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readQuantity } from "../src/model/quantity.js";
import { parseProposal } from "../src/proposal/parse.js";
import { HEAD } from "./fixtures/bad-proposals.js";

// Quantities as people write them are read where they have one reading; every refusal says what is
// expected and shows an example.

function parse(yaml: string, head = HEAD) {
  return parseProposal(`${head}${yaml}`, { filename: "p.yaml" });
}

describe("quantities as written", () => {
  it.each([
    ["£21.6m", 21_600_000],
    ["£21,600,000", 21_600_000],
    ["21.6 million", 21_600_000],
    ["£1.2bn", 1_200_000_000],
    ["£500k", 500_000],
    ["-£1,200,000", -1_200_000],
    ["c. 2,310,000", 2_310_000],
    ["2.31 million", 2_310_000],
    ["about 450", 450],
  ])("%s reads as %d", (text, value) => {
    expect(readQuantity(text)).toBe(value);
  });

  it("reads money and counts in a document, and says what it read", () => {
    const r = parse('population:\n  description: d\n  size: 2.31 million\nfinance:\n  capitalCost: £21.6m\n  revenueCostPerYear: "c. £1,200,000"\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.proposal.population?.size).toBe(2_310_000);
    expect(r.value.proposal.finance).toMatchObject({ capitalCost: 21_600_000, revenueCostPerYear: 1_200_000 });
    expect(r.value.quantities).toEqual([
      { pointer: "/population/size", written: "2.31 million", value: 2_310_000, line: 14 },
      { pointer: "/finance/capitalCost", written: "£21.6m", value: 21_600_000, line: 16 },
      { pointer: "/finance/revenueCostPerYear", written: "c. £1,200,000", value: 1_200_000, line: 17 },
    ]);
  });
});

describe("every refusal says what is expected, with an example", () => {
  it.each([
    [
      "a range",
      "population:\n  description: d\n  size: 10–12\n",
      'a range has no single value: give one number (e.g. 2310000, "2.31 million" or "c. 2,310,000")',
    ],
    ["a count that reads as a fraction", "population:\n  description: d\n  size: 2.3456 thousand\n", "expected a whole number, e.g. 2310000"],
    [
      "a comma that could be a decimal point",
      "finance:\n  capitalCost: 21,6\n",
      'expected an amount in pounds, e.g. 21600000, "£21.6m" or "£21,600,000", got "21,6"',
    ],
    ["a money range", "finance:\n  capitalCost: £21m to £24m\n", "a range has no single value"],
    [
      "a date in words",
      "engagement:\n  activities:\n    - { type: t, date: June 2018 }\n",
      "expected a day, a month, a financial year or a period, e.g. 2026-03-31, 2025-11, 2028/29 or { from: 2018-06, to: 2018-09 }",
    ],
    [
      "an impossible day",
      "evidence:\n  - { id: E1, type: survey, title: T, date: 2018-06-31 }\n",
      "expected a day, a month or a financial year, e.g. 2026-03-31, 2025-11 or 2028/29",
    ],
    ["a word for a boolean", "options:\n  items:\n    - { id: A, title: T, preferred: yes }\n", 'expected true or false, e.g. preferred: true; got "yes"'],
    [
      "an unknown choice",
      "engagement:\n  experienceMeasures: []\nequality:\n  eqia:\n    characteristics:\n      age: { impact: bad }\n",
      'e.g. impact: "positive"; got "bad"',
    ],
    ["a number out of range", "quality:\n  qia:\n    threshold: 30\n", "expected a number of at most 25, e.g. threshold: 25; got number 30"],
  ])("%s", (_name, yaml, message) => {
    const r = parse(yaml);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.message).join("\n")).toContain(message);
  });

  it("a version written as a number is told to quote it", () => {
    const r = parse("", HEAD.replace('version: "0.1"', "version: 1.2"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ line: 5, message: 'expected text, got number 1.2: quote it to keep it as written, e.g. version: "1.2"' });
  });

  it("a period with a missing end names the field", () => {
    const r = parse("engagement:\n  activities:\n    - { type: t, date: { from: 2018-06 } }\n");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "missing_field", pointer: "/engagement/activities/0/date/to" });
  });

  it("validate shows each quantity it read (built CLI)", () => {
    const file = join(mkdtempSync(join(tmpdir(), "senate-q-")), "p.yaml");
    writeFileSync(file, `${HEAD}finance:\n  capitalCost: £21.6m\n`);
    const r = spawnSync(process.execPath, ["dist/cli.js", "validate", file], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${file}: valid\n  read "£21.6m" as 21600000 at /finance/capitalCost (line 13)\n`);
  });
});
