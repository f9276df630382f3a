import { describe, expect, it } from "vitest";
import { AssessmentReport, type Gap, type Rating } from "../../src/model/report.js";
import { diffReports, RATING_ORDER, type RatingDirection, ratingDirection } from "../../src/report/diff.js";
import { DIFF_FORMATS, diffSummary, formatDiffs } from "../../src/report/diff-format.js";
import { exampleReport, HOSTILE } from "./fixtures.js";

const BASE = exampleReport("outpatient-virtual.yaml");

/** A gap on a criterion; the fingerprint defaults to one derived from the criterion, so equal gaps match. */
function gap(criterion: string, over: Partial<Gap> = {}): Gap {
  const hex = [...criterion].map((c) => c.charCodeAt(0).toString(16)).join("");
  return {
    fingerprint: hex.padEnd(16, "0").slice(0, 16),
    criterion,
    principle: criterion.replace(/\.\d+$/, ""),
    title: `Gap on ${criterion}`,
    severity: "major",
    status: "not-met",
    missing: ["something"],
    pointer: "/finance",
    recommendation: "Do it.",
    waived: false,
    ...over,
  };
}

/** A real report with its gaps, overall rating and principle ratings replaced. */
function report(gaps: Gap[], rating: Rating = "amber", principles: Record<string, Rating> = {}): AssessmentReport {
  const r = structuredClone(BASE);
  r.gaps = gaps;
  r.summary.rating = rating;
  for (const p of r.principles) p.rating = principles[p.id] ?? "amber";
  return AssessmentReport.parse(r);
}

interface Case {
  name: string;
  old: AssessmentReport;
  now: AssessmentReport;
  added?: string[];
  closed?: string[];
  changed?: [string, string[]][];
  unchanged?: string[];
  direction?: RatingDirection;
  regressed: boolean;
}

const CASES: Case[] = [
  { name: "identical reports", old: report([gap("LDN-1.1")]), now: report([gap("LDN-1.1")]), unchanged: ["LDN-1.1"], direction: "same", regressed: false },
  { name: "a gap added", old: report([]), now: report([gap("LDN-3.1")]), added: ["LDN-3.1"], regressed: true },
  { name: "a gap added but accepted by waiver", old: report([]), now: report([gap("LDN-3.1", { waived: true })]), added: ["LDN-3.1"], regressed: false },
  {
    name: "a gap closed",
    old: report([gap("LDN-3.1"), gap("LDN-2.1")]),
    now: report([gap("LDN-2.1")]),
    closed: ["LDN-3.1"],
    unchanged: ["LDN-2.1"],
    regressed: false,
  },
  {
    name: "status changed",
    old: report([gap("LDN-6.3", { status: "partially-met" })]),
    now: report([gap("LDN-6.3")]),
    changed: [["LDN-6.3", ["status"]]],
    regressed: false,
  },
  {
    name: "finding changed (new fingerprint)",
    old: report([gap("LDN-6.3")]),
    now: report([gap("LDN-6.3", { fingerprint: "ffffffffffffffff" })]),
    changed: [["LDN-6.3", ["fingerprint"]]],
    regressed: false,
  },
  {
    name: "waiver removed and severity raised",
    old: report([gap("LDN-2.4", { waived: true, severity: "minor" })]),
    now: report([gap("LDN-2.4")]),
    changed: [["LDN-2.4", ["severity", "waived"]]],
    regressed: false,
  },
  {
    name: "moved in the file only (location is not identity)",
    old: report([gap("LDN-1.1")]),
    now: report([gap("LDN-1.1", { location: { line: 9, column: 3 } })]),
    unchanged: ["LDN-1.1"],
    regressed: false,
  },
  { name: "overall amber to red", old: report([], "amber"), now: report([], "red"), direction: "worse", regressed: true },
  { name: "overall amber to not rated", old: report([], "amber"), now: report([], "not-rated"), direction: "worse", regressed: true },
  { name: "overall red to not rated", old: report([], "red"), now: report([], "not-rated"), direction: "better", regressed: false },
  { name: "overall red to green", old: report([], "red"), now: report([], "green"), direction: "better", regressed: false },
  {
    name: "two gaps on one criterion pair like with like",
    old: report([gap("LDN-1.1", { fingerprint: "aaaaaaaaaaaaaaaa" }), gap("LDN-1.1", { fingerprint: "bbbbbbbbbbbbbbbb" })]),
    now: report([gap("LDN-1.1", { fingerprint: "bbbbbbbbbbbbbbbb" })]),
    closed: ["LDN-1.1"],
    unchanged: ["LDN-1.1"],
    regressed: false,
  },
  {
    name: "stable order: severity, then criterion in number order",
    old: report([]),
    now: report([gap("LDN-10.1"), gap("LDN-9.1"), gap("LDN-2.2", { severity: "critical" }), gap("LDN-1.1", { severity: "minor" })]),
    added: ["LDN-2.2", "LDN-9.1", "LDN-10.1", "LDN-1.1"],
    regressed: true,
  },
];

describe("diffReports", () => {
  it.each(CASES)("$name", ({ old, now, added = [], closed = [], changed = [], unchanged = [], direction, regressed }) => {
    const d = diffReports(old, now);
    expect(d.gaps.new.map((g) => g.criterion)).toEqual(added);
    expect(d.gaps.closed.map((g) => g.criterion)).toEqual(closed);
    expect(d.gaps.changed.map((c) => [c.criterion, c.reasons])).toEqual(changed);
    expect(d.gaps.unchanged.map((g) => g.criterion)).toEqual(unchanged);
    if (direction) expect(d.rating.direction).toBe(direction);
    expect(d.regressed).toBe(regressed);
  });

  it("orders ratings green, amber, not rated, red", () => {
    expect(RATING_ORDER).toEqual(["green", "amber", "not-rated", "red"]);
    for (const [i, a] of RATING_ORDER.entries()) {
      for (const [j, b] of RATING_ORDER.entries()) expect(ratingDirection(a, b)).toBe(j > i ? "worse" : j < i ? "better" : "same");
    }
    expect(ratingDirection(null, "red")).toBe("added");
    expect(ratingDirection("red", null)).toBe("removed");
  });

  it("reports each principle's move, and principles only one report has", () => {
    const old = report([], "amber", { "LDN-3": "green", "LDN-8": "red" });
    const now = structuredClone(report([], "amber", { "LDN-3": "red", "LDN-8": "green" }));
    now.principles = now.principles.filter((p) => p.id !== "LDN-1");
    const d = diffReports(old, now);
    const by = new Map(d.principles.map((p) => [p.id, p.direction]));
    expect(by.get("LDN-3")).toBe("worse");
    expect(by.get("LDN-8")).toBe("better");
    expect(by.get("LDN-2")).toBe("same");
    expect(d.principles.at(-1)).toMatchObject({ id: "LDN-1", new: null, direction: "removed" });
    expect(d.regressed).toBe(false); // only the overall rating gates
  });

  it("notes a different proposal or framework version", () => {
    const now = structuredClone(report([]));
    now.proposal.id = "OTHER-1";
    now.framework.version = "4.0.0";
    const text = formatDiffs([diffReports(report([]), now)], "text");
    expect(text).toContain(`The baseline is for another proposal (${BASE.proposal.id}).`);
    expect(text).toMatch(/framework changed version \(3\.0\.0 → 4\.0\.0\)/);
  });
});

describe("diff formats", () => {
  const d = diffReports(report([gap("LDN-2.1"), gap("LDN-6.3", { status: "partially-met" })], "amber"), report([gap("LDN-3.1"), gap("LDN-6.3")], "red"));

  it("text lists new, closed and changed gaps and the verdict", () => {
    const text = formatDiffs([d], "text");
    expect(text).toMatch(/Overall: Amber → Red \(worse\)/);
    expect(text).toMatch(/New gaps \(1\):\n {2}\+ LDN-3\.1/);
    expect(text).toMatch(/Closed gaps \(1\):\n {2}- LDN-2\.1/);
    expect(text).toMatch(/~ LDN-6\.3 .*\n {6}Partially met → Not met; status changed/);
    expect(text).toMatch(/Regressed: 1 new gap not accepted by waiver and a worse overall rating\.\n$/);
  });

  it("markdown has a table per kind of change", () => {
    const markdown = formatDiffs([d], "markdown");
    expect(markdown).toMatch(/^## Changes in /);
    expect(markdown).toMatch(/### New gaps \(1\)\n\n\| Criterion \| Title/);
    expect(markdown).toMatch(/\| LDN-3\.1 \| Gap on LDN-3\.1 \| major \| Not met \|/);
  });

  it("JSON is the diff itself, and an array for several", () => {
    expect(JSON.parse(formatDiffs([d], "json"))).toEqual(JSON.parse(JSON.stringify(d)));
    expect(JSON.parse(formatDiffs([d, d], "json"))).toHaveLength(2);
  });

  it("the summary is one paragraph naming the criteria", () => {
    const s = diffSummary(d);
    expect(s).not.toMatch(/\n/);
    expect(s).toMatch(/1 new gap \(LDN-3\.1\), 1 closed \(LDN-2\.1\), 1 changed \(LDN-6\.3\), 0 unchanged; overall Amber → Red \(worse\)/);
  });

  it.each(DIFF_FORMATS)("%s survives hostile text", (format) => {
    const hostile = diffReports(report([]), report([gap("LDN-3.1", { title: HOSTILE, missing: [HOSTILE] })]));
    const out = formatDiffs([hostile], format);
    if (format === "json") expect(JSON.parse(out).gaps.new[0].title).toBe(HOSTILE);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none get through
    if (format === "text") expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    if (format === "markdown") expect(out).not.toMatch(/<b>/);
  });
});
