import { describe, expect, it } from "vitest";
import { checkContext, evaluateCheck } from "../src/checks/registry.js";
import { Check, type CheckInput } from "../src/model/check.js";
import { spanOf } from "../src/model/dates.js";
import type { Proposal } from "../src/model/proposal.js";
import { parseProposal } from "../src/proposal/parse.js";
import { HEAD } from "./fixtures/bad-proposals.js";
import { proposal } from "./helpers/proposal.js";

// Documents as NHS programme teams write them: local EqIA groups, months, financial years,
// periods and unweighted appraisals validate, and checks read the dates as the days they cover.

function parse(yaml: string) {
  return parseProposal(`${HEAD}${yaml}`, { filename: "p.yaml" });
}

describe("forms real documents use", () => {
  it("reads local EqIA characteristics beside the nine", () => {
    const r = parse(
      "equality:\n  eqia:\n    characteristics:\n      age: { impact: positive }\n    localCharacteristics:\n      carers: { impact: negative, evidence: Carers lose the evening clinic }\n      armed-forces: { impact: neutral }\n",
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.value.proposal.equality?.eqia?.localCharacteristics ?? {})).toEqual(["carers", "armed-forces"]);
  });

  it("reads months, financial years and periods where documents use them", () => {
    const r = parse(
      [
        "options:\n  weighting: unweighted\n  fixedOn: 2018-11\n  appraisalCriteria:\n    - { name: Quality }\n    - { name: Access }\n  items:\n    - { id: A, title: Do nothing }",
        "engagement:\n  activities:\n    - { type: listening events, date: { from: 2018-06, to: 2018-09 }, participants: 340 }\n    - { type: survey, date: 2018-10 }",
        "outcomes:\n  measures:\n    - { name: Door to needle, baseline: 60 min, target: 45 min, by: 2028/29 }",
        "evidence:\n  - { id: E1, type: survey, title: Survey report, date: 2018-11 }",
      ].join("\n"),
    );
    expect(r.ok, JSON.stringify(!r.ok && r.issues)).toBe(true);
  });

  it.each([
    ["a financial year whose years do not follow", "outcomes:\n  measures:\n    - { name: M, baseline: b, target: t, by: 2028/30 }\n"],
    ["month 13", "evidence:\n  - { id: E1, type: survey, title: T, date: 2025-13 }\n"],
    ["a period with an unknown end", "engagement:\n  activities:\n    - { type: t, date: { from: 2018-06, until: 2018-09 } }\n"],
  ])("refuses %s", (_name, yaml) => {
    expect(parse(yaml).ok).toBe(false);
  });

  it("keeps every schemaVersion 1 example valid", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    for (const f of readdirSync("examples").filter((n) => /\.(ya?ml|md)$/.test(n) && !/\.(reviews|waivers)\./.test(n))) {
      expect(parseProposal(readFileSync(`examples/${f}`, "utf8"), { filename: f }).ok, f).toBe(true);
    }
  });
});

describe("dates read as the days they cover", () => {
  it.each([
    ["2026-03-31", "2026-03-31", "2026-03-31"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2028/29", "2028-04-01", "2029-03-31"],
    ["1999/00", "1999-04-01", "2000-03-31"],
  ])("%s covers %s to %s", (value, start, end) => {
    expect(spanOf(value)).toEqual({ start, end });
  });

  it("a period covers from the start of its first end to the end of its last", () => {
    expect(spanOf({ from: "2018-06", to: "2018/19" })).toEqual({ start: "2018-06-01", end: "2019-03-31" });
  });

  const engaged = (date: unknown) =>
    proposal({
      engagement: { activities: [{ type: "listening events", date: date as string }] },
      options: { fixedOn: "2018-09-15", items: [{ id: "A", title: "A" }] },
    });
  const before: CheckInput = { kind: "compare", left: "/engagement/activities/*/date", op: "le", right: "/options/fixedOn" };
  const run = (p: Proposal) => evaluateCheck(Check.parse(before), checkContext(p));

  it.each([
    ["a period that ended before options were fixed", { from: "2018-06", to: "2018-08" }, true],
    ["a period still running when options were fixed", { from: "2018-06", to: "2018-09" }, false],
    ["a month that ended before", "2018-08", true],
    ["the month options were fixed in", "2018-09", false],
    ["a day before", "2018-09-14", true],
  ])("%s: before options were fixed is %s", (_name, date, pass) => {
    const outcome = run(engaged(date));
    expect(outcome.pass).toBe(pass);
    if (!pass) expect(outcome.message).toMatch(/2018-0[69]/);
  });
});
