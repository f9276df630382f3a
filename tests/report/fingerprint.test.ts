import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gapFingerprint, legacyFingerprint } from "../../src/assess/gaps.js";
import { MESSAGES, REASONS } from "../../src/checks/messages.js";
import type { CheckOutcome } from "../../src/checks/types.js";
import { AssessmentReport, type CriterionResult } from "../../src/model/report.js";
import { diffReports } from "../../src/report/diff.js";
import { exampleReport } from "../helpers/examples.js";

// Fingerprints (senateGap/v2) hash codes and values, never wording; a baseline written by 0.3.0
// (senateGap/v1, which hashed the wording) still pairs every gap, so none shows as new or changed
// only because the way of fingerprinting changed. The fixtures are 0.3.0's reports of two examples, made
// with the 2.0.0 frameworks; 3.0.0 and 4.0.0 retired some criteria for successors with new ids
// (principles/CHANGELOG.md), and a gap on a successor carries its predecessor's, as changed. Apart from
// those, only criteria both versions hold are compared here.
const criteriaOf = (r: AssessmentReport) => new Set(r.principles.flatMap((p) => p.criteria.map((c) => c.id)));
const OLD = ["outpatient-virtual", "minor-injuries-overnight"].map((stem) => ({
  stem,
  file: `tests/fixtures/reports-0.3.0/${stem}.json`,
  report: AssessmentReport.parse(JSON.parse(readFileSync(`tests/fixtures/reports-0.3.0/${stem}.json`, "utf8"))),
}));

describe("a 0.3.0 report as a baseline", () => {
  it.each(OLD)("$stem: every gap pairs with itself; nothing is new, closed or changed", ({ stem, report: old }) => {
    const now = exampleReport(`${stem}.yaml`);
    expect(old.tool.version).toBe("0.3.0");
    expect(old.gaps.length).toBeGreaterThan(3);
    // The fixture really is old: each fingerprint hashes the wording, and none equals the new one.
    for (const g of old.gaps) expect(g.fingerprint).toBe(legacyFingerprint(g));
    const fresh = new Set(now.gaps.map((g) => g.fingerprint));
    expect(old.gaps.filter((g) => fresh.has(g.fingerprint))).toEqual([]);
    const [before, after] = [criteriaOf(old), criteriaOf(now)];
    const diff = diffReports(old, now);
    expect(diff.gaps.new.filter((g) => before.has(g.criterion))).toEqual([]);
    expect(diff.gaps.closed.filter((g) => after.has(g.criterion))).toEqual([]);
    expect(diff.gaps.changed.filter((c) => !c.reasons.includes("succeeded"))).toEqual([]);
    expect(diff.gaps.unchanged).toHaveLength(now.gaps.filter((g) => before.has(g.criterion)).length);
  });

  it("the CLI ratchets against it without a spurious new gap", () => {
    const r = spawnSync(
      process.execPath,
      [
        "dist/cli.js",
        "assess",
        "examples/outpatient-virtual.yaml",
        "--waivers",
        "examples/outpatient-virtual.waivers.yaml",
        "--baseline",
        OLD[0]?.file as string,
      ],
      { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    // The successors of retired criteria (LDN-3.6 → LDN-3.9 in 4.0.0, LDN-4.2 → LDN-4.5 and LDN-7.1 →
    // LDN-7.8 in 3.0.0) carry their predecessors' gaps: changed, not new. No gap shows as new or closed.
    expect(r.stderr).toMatch(/: 0 new gaps, 0 closed, 3 changed \(LDN-3\.9, LDN-4\.5, LDN-7\.8\), \d+ unchanged;/);
    expect(r.status).toBe(0);
  });

  it("carries a retired criterion's gap to its successor only where the successor has a gap and the baseline had one", () => {
    const old = structuredClone((OLD[0] as (typeof OLD)[number]).report);
    const now = exampleReport("outpatient-virtual.yaml");
    const diff = diffReports(old, now);
    const carried = diff.gaps.changed.filter((c) => c.reasons.includes("succeeded")).map((c) => `${c.old.criterion}->${c.new.criterion}`);
    expect(carried.sort()).toEqual(["LDN-3.6->LDN-3.9", "LDN-4.2->LDN-4.5", "LDN-7.1->LDN-7.8"]);
    // Without the predecessor's gap in the baseline, the successor's gap is new.
    old.gaps = old.gaps.filter((g) => g.criterion !== "LDN-3.6");
    expect(diffReports(old, now).gaps.new.map((g) => g.criterion)).toEqual(["LDN-3.9"]);
  });

  it("still finds a gap that is new, and one that moved to another pointer on the same criterion", () => {
    const old = structuredClone((OLD[0] as (typeof OLD)[number]).report);
    const now = exampleReport("outpatient-virtual.yaml");
    const [dropped, moved] = old.gaps;
    old.gaps = old.gaps.filter((g) => g !== dropped);
    if (moved) {
      moved.pointer = "/somewhere/else";
      moved.fingerprint = legacyFingerprint(moved);
    }
    const diff = diffReports(old, now);
    const before = criteriaOf(old);
    expect(diff.gaps.new.filter((g) => before.has(g.criterion)).map((g) => g.criterion)).toEqual([dropped?.criterion]);
    expect(diff.gaps.changed.filter((c) => !c.reasons.includes("succeeded"))).toEqual([]);
  });
});

describe("gap fingerprints", () => {
  const check = (over: Partial<CheckOutcome> = {}): CheckOutcome & { kind: string } => ({
    kind: "substantive",
    pass: false,
    pointer: "/quality/qia/mitigation",
    code: "too_few_words",
    values: { pointer: "/quality/qia/mitigation", words: 26, minWords: 40 },
    message: "/quality/qia/mitigation has 26 words; at least 40 expected",
    ...over,
  });
  const result = (checks: CriterionResult["checks"], over: Partial<CriterionResult> = {}) => ({
    decidedBy: "checks" as const,
    status: "not-met" as const,
    checks,
    ...over,
  });
  const print = (r: ReturnType<typeof result>) => gapFingerprint("LDN-4.1", "/quality/qia/mitigation", r);

  it("do not change when only the wording does", () => {
    const base = print(result([check()]));
    expect(print(result([check({ message: "The mitigation is too short: 26 of 40 words" })]))).toBe(base);
    // Values that are sentences (a schema error in words, a nested check's message) are wording too.
    const invalid = (detail: string) => check({ code: "invalid", values: { pointer: "/a", rule: "required", detail } });
    expect(print(result([invalid("must have a mitigation")]))).toBe(print(result([invalid("has no mitigation")])));
  });

  it("change when what was found does", () => {
    const base = print(result([check()]));
    expect(print(result([check({ values: { pointer: "/quality/qia/mitigation", words: 27, minWords: 40 } })]))).not.toBe(base);
    expect(print(result([check({ code: "missing" })]))).not.toBe(base);
    expect(gapFingerprint("LDN-4.2", "/quality/qia/mitigation", result([check()]))).not.toBe(base);
  });

  it("hash a reviewer's decision by the status given, not the rationale", () => {
    const judged = (status: "not-met" | "partially-met") => result([check({ pass: true })], { decidedBy: "reviewer", status });
    expect(print(judged("not-met"))).not.toBe(print(judged("partially-met")));
    expect(print(judged("not-met"))).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("fingerprints and the message catalogue", () => {
  const EXAMPLES = ["outpatient-virtual.yaml", "minor-injuries-overnight.yaml", "maternity-unit.md"];
  const prints = () => EXAMPLES.flatMap((file) => exampleReport(file).gaps.map((g) => [g.fingerprint, g.missing.join("\n")] as const));

  it("do not change when every sentence and reason in the catalogue is reworded", () => {
    const before = prints();
    const saved = { messages: { ...MESSAGES }, reasons: { ...REASONS } };
    const catalogue = MESSAGES as unknown as Record<string, (v: unknown) => string>;
    const reasons = REASONS as unknown as Record<string, (...a: unknown[]) => string>;
    try {
      for (const code of Object.keys(catalogue)) catalogue[code] = (v) => `reworded ${code}: ${JSON.stringify(v)}`;
      for (const why of Object.keys(reasons)) reasons[why] = () => `reworded ${why}`;
      const after = prints();
      expect(before.length).toBeGreaterThan(10);
      // The wording really changed: every gap's sentences are new ones ...
      expect(after.filter(([, words], i) => words === before[i]?.[1])).toEqual([]);
      // ... and no gap's identity did.
      expect(after.map(([print]) => print)).toEqual(before.map(([print]) => print));
    } finally {
      Object.assign(MESSAGES, saved.messages);
      Object.assign(REASONS, saved.reasons);
    }
    expect(prints()).toEqual(before);
  });
});
