import { describe, expect, it } from "vitest";
import { assess } from "../../src/assess/assess.js";
import { builtinFramework } from "../../src/framework/builtin.js";
import type { CriterionResult } from "../../src/model/report.js";
import { type ProposalOverrides, proposal } from "../helpers/proposal.js";

// The document is dated 2026-01-15 (tests/helpers/proposal.ts); the assessment is made on 2026-03-01.
const NOW = new Date("2026-03-01T00:00:00Z");

/** Each framework's two date criteria: activities recorded as done, and targets. */
const DATE_CRITERIA = {
  "london-2020": { done: "LDN-2.6", targets: "LDN-6.8" },
  "nhse-service-change": { done: "NHSE-3.9", targets: "NHSE-3.10" },
  "west-midlands": { done: "WM-1.4", targets: "WM-1.5" },
} as const;

function criterion(framework: keyof typeof DATE_CRITERIA, id: string, overrides: ProposalOverrides, now: Date | undefined = NOW): CriterionResult {
  const fw = builtinFramework(framework);
  if (!fw) throw new Error(`${framework} is built in`);
  const report = assess(proposal(overrides), fw, now === undefined ? {} : { now });
  if (!report.ok) throw new Error(JSON.stringify(report.issues));
  const found = report.value.principles.flatMap((p) => p.criteria).find((c) => c.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

const failures = (c: CriterionResult) => c.checks.filter((k) => !k.pass).map((k) => k.message);
const evidence = (date: string) => [{ id: "E1", type: "eqia" as const, title: "Equality impact assessment", date }];
const activity = (date: string) => ({ type: "Workshop", date, participants: 20 });

// Each trap, and the one gap it must give, quoting both dates.
const DONE_CASES: [string, ProposalOverrides, string][] = [
  [
    "a document dated in the future",
    { metadata: { date: "2026-06-30" } },
    "The proposal document is dated in the future: /metadata/date (2026-06-30) is not on or before the assessment date (2026-03-01)",
  ],
  [
    "evidence dated after the document",
    { evidence: evidence("2026-02-01") },
    "An evidence register item is dated after the proposal document: /evidence/0/date (2026-02-01) is not on or before /metadata/date (2026-01-15)",
  ],
  [
    "options fixed after the document",
    { options: { fixedOn: "2026-02-10", items: [{ id: "A", title: "Do nothing" }] } },
    "The options are recorded as fixed after the proposal document: /options/fixedOn (2026-02-10) is not on or before /metadata/date (2026-01-15)",
  ],
  [
    "every engagement activity after the options were fixed",
    {
      options: { fixedOn: "2025-06-01", items: [{ id: "A", title: "Do nothing" }] },
      engagement: { activities: [activity("2025-09-01"), activity("2025-07-14")] },
    },
    "No engagement activity is dated before the options were fixed: none of /engagement/activities/*/date is before /options/fixedOn (2025-06-01); the nearest is /engagement/activities/1/date (2025-07-14)",
  ],
];

describe.each(Object.entries(DATE_CRITERIA))("%s: dates that make sense", (framework, ids) => {
  const fw = framework as keyof typeof DATE_CRITERIA;

  it.each(DONE_CASES)("flags %s, quoting both dates", (_name, overrides, message) => {
    const c = criterion(fw, ids.done, overrides);
    // One date out of place is a gap (partly met: the other dates are in order), never met.
    expect(c.status).toBe("partially-met");
    expect(failures(c)).toEqual([message]);
  });

  it("flags evidence dated after the assessment date, even when the document is later still", () => {
    const c = criterion(fw, ids.done, { metadata: { date: "2026-02-20" }, evidence: evidence("2026-04-01") }, new Date("2026-03-01T00:00:00Z"));
    expect(failures(c)).toContain(
      "An evidence register item is dated after the assessment date, so it cannot yet exist: /evidence/0/date (2026-04-01) is not on or before the assessment date (2026-03-01)",
    );
  });

  it("is met when the dates hang together, and compares only what is given", () => {
    expect(criterion(fw, ids.done, {}).status).toBe("met");
    const good = criterion(fw, ids.done, {
      evidence: evidence("2025-12-01"),
      options: { fixedOn: "2025-10-01", items: [{ id: "A", title: "Do nothing" }] },
      engagement: { activities: [activity("2025-11-20"), activity("2025-09-03")] },
    });
    expect(good.status).toBe("met");
    expect(good.checks.find((k) => k.code === "comparison_holds" && k.pointer === "/engagement/activities/1/date")).toBeDefined();
  });

  it("judges against today when no assessment date is given", () => {
    expect(criterion(fw, ids.done, { metadata: { date: "2999-01-01" } }, undefined).status).toBe("partially-met");
  });

  it("flags targets dated on or before the document, quoting both dates", () => {
    const c = criterion(fw, ids.targets, {
      outcomes: { measures: [{ name: "Door to needle", baseline: "60 minutes", target: "45 minutes", by: "2025-12-31" }] },
      beds: { current: 30, proposed: 24, closureDate: "2026-01-15" },
    });
    expect(c.status).toBe("not-met");
    expect(failures(c)).toEqual([
      "An outcome target date is not after the proposal document: /outcomes/measures/0/by (2025-12-31) is not after /metadata/date (2026-01-15)",
      "The bed closure date is not after the proposal document: /beds/closureDate (2026-01-15) is not after /metadata/date (2026-01-15)",
    ]);
  });

  it("does not apply without targets, or once the change is being implemented, and says why in words", () => {
    expect(criterion(fw, ids.targets, {}).reason).toBe(
      "does not apply: the proposal sets no target dates, neither for an outcome measure nor for a bed closure",
    );
    const late = criterion(fw, ids.targets, {
      metadata: { stage: "post-implementation-review" },
      outcomes: { measures: [{ name: "Door to needle", baseline: "60 minutes", target: "45 minutes", by: "2025-12-31" }] },
    });
    expect(late.status).toBe("not-applicable");
  });
});

describe("dates of done activities the other criteria do not read", () => {
  it("west-midlands checks engagement, EqIA and QIA dates; nhse-service-change the EqIA's", () => {
    const overrides: ProposalOverrides = {
      engagement: { activities: [activity("2026-02-01")] },
      equality: { eqia: { completed: "2026-02-02" } },
      quality: { qia: { completed: "2026-02-03" } },
    };
    expect(failures(criterion("west-midlands", "WM-1.4", overrides))).toEqual([
      "An engagement activity recorded as held is dated after the proposal document: /engagement/activities/0/date (2026-02-01) is not on or before /metadata/date (2026-01-15)",
      "The equality impact assessment is dated after the proposal document: /equality/eqia/completed (2026-02-02) is not on or before /metadata/date (2026-01-15)",
      "The quality impact assessment is dated after the proposal document: /quality/qia/completed (2026-02-03) is not on or before /metadata/date (2026-01-15)",
    ]);
    expect(failures(criterion("nhse-service-change", "NHSE-3.9", overrides))).toEqual([
      "The equality impact assessment is dated after the proposal document: /equality/eqia/completed (2026-02-02) is not on or before /metadata/date (2026-01-15)",
    ]);
  });

  it("london-2020 already reads them in LDN-2.5, LDN-3.7 and LDN-6.7, and says the date is missing rather than late", () => {
    const c = criterion("london-2020", "LDN-3.7", {});
    expect(failures(c).filter((m) => /dated after/.test(m))).toEqual([]);
    expect(failures(c)).toContain("The equality impact assessment has no completion date: /equality/eqia/completed is missing (the proposal has no equality)");
  });
});
