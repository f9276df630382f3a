import { describe, expect, it } from "vitest";
import { assess } from "../../src/assess/assess.js";
import { MESSAGES, type MessageCode } from "../../src/checks/messages.js";
import { checkContext, evaluateCheck } from "../../src/checks/registry.js";
import { ownWords } from "../../src/checks/values.js";
import { BUILTIN_FRAMEWORK_IDS, builtinFramework } from "../../src/framework/builtin.js";
import { Check, type CheckInput, type CheckSpec } from "../../src/model/check.js";
import { PROTECTED_CHARACTERISTICS, type Proposal } from "../../src/model/proposal.js";
import { parseProposal } from "../../src/proposal/parse.js";
import type { CriterionResult } from "../../src/model/report.js";
import { exampleReport } from "../helpers/examples.js";
import { proposal } from "../helpers/proposal.js";

const london = () => {
  const loaded = builtinFramework("london-2020");
  if (!loaded) throw new Error("london-2020 is built in");
  return loaded;
};

/** One criterion of london-2020, assessed. */
function criterion(p: Proposal, id: string): CriterionResult {
  const report = assess(p, london());
  if (!report.ok) throw new Error(JSON.stringify(report.issues));
  const found = report.value.principles.flatMap((pr) => pr.criteria).find((c) => c.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i + 1}`).join(" ");

describe("messages that name what is missing (the v0.2 complaints)", () => {
  it("a 26-word account is reported as 26 words, never as 'no account'", () => {
    const c = criterion(proposal({ responses: { "LDN-2": { text: words(26) } } }), "LDN-2.2");
    const account = c.checks.find((k) => k.pointer === "/responses/LDN-2/text");
    expect(account).toMatchObject({ pass: false, code: "too_few_words", values: { pointer: "/responses/LDN-2/text", words: 26, minWords: 40 } });
    expect(account?.message).toBe("/responses/LDN-2/text has 26 words; at least 40 expected");
  });

  it("no change recorded is 'none recorded', distinct from too few and from too vague", () => {
    const none = criterion(proposal({ engagement: { beforeOptionsFixed: true } }), "LDN-2.2");
    const [count, vague] = none.checks;
    expect(count).toMatchObject({ code: "none_recorded", values: { pointer: "/engagement/changesMade", at: "/engagement", absent: "changesMade", min: 1 } });
    expect(count?.message).toBe("No changes made in response to feedback are recorded: none recorded at /engagement/changesMade; at least 1 expected");
    expect(vague).toMatchObject({ code: "none_recorded", pointer: "/engagement/changesMade" });
    // Not "too vague": with nothing recorded there is nothing to judge, and the gap says so once.
    expect(vague?.message).toBe("none recorded at /engagement/changesMade, so there is no /engagement/changesMade/*/change to check");
    const gaps = assess(proposal({ engagement: { beforeOptionsFixed: true } }), london());
    if (!gaps.ok) throw new Error("assessable");
    expect(gaps.value.gaps.find((g) => g.criterion === "LDN-2.2")?.missing[0]).toBe(count?.message);
    expect(gaps.value.gaps.find((g) => g.criterion === "LDN-2.2")?.missing.join("\n")).not.toMatch(/too vague/);

    const one = { feedback: "Parking", change: "Done" };
    const tooVague = criterion(proposal({ engagement: { changesMade: [one] } }), "LDN-2.2");
    expect(tooVague.checks[0]).toMatchObject({ pass: true, code: "enough_items" });
    expect(tooVague.checks[1]).toMatchObject({ code: "too_few_words", values: { words: 1, minWords: 6 } });
  });

  it("the EqIA coverage check names the missing characteristics, as data and in words", () => {
    const covered = PROTECTED_CHARACTERISTICS.filter((k) => !["race", "religion-or-belief", "sexual-orientation"].includes(k));
    const characteristics = Object.fromEntries(covered.map((k) => [k, { impact: "neutral" as const, evidence: "Survey of 400 patients" }]));
    const c = criterion(proposal({ equality: { eqia: { completed: "2025-06-01", characteristics } } }), "LDN-3.7");
    const covers = c.checks.find((k) => k.kind === "covers");
    expect(covers).toMatchObject({ code: "missing_keys", values: { covered: 6, total: 9, missing: ["race", "religion-or-belief", "sexual-orientation"] } });
    expect(covers?.message).toMatch(/: \/equality\/eqia\/characteristics covers 6 of 9; missing: race, religion-or-belief, sexual-orientation$/);
  });
});

describe("item 7 of issue 11: each gap names what is missing, in exact words", () => {
  it("names the missing age group", () => {
    const c = criterion(
      proposal({ mentalHealth: { impact: "Perinatal mental health is assessed in full.", ageGroups: ["working-age-adults", "older-people"] } }),
      "LDN-4.5",
    );
    expect(c.checks.filter((k) => !k.pass).map((k) => k.message)).toEqual([
      "The mental-health assessment does not cover every age group the service is for: /mentalHealth/ageGroups covers 2 of 3; missing: children-and-young-people",
    ]);
  });

  it("locates a missing section at its parent, naming the section, and a missing citation at the section's list", () => {
    const text = [
      'schemaVersion: "1"',
      "metadata: { id: T-1, title: T, version: '1', stage: case-for-change, date: 2026-01-15, sponsor: S, region: R }",
      "caseForChange: { summary: Services are hard to staff safely. }",
      "quality:",
      "  evidence: []",
      "evidence:",
      "  - { id: E1, type: qia, title: Quality impact assessment }",
      "",
    ].join("\n");
    const parsed = parseProposal(text, { filename: "p.yaml" });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const report = assess(parsed.value, london(), { now: new Date("2026-03-01T00:00:00Z") });
    if (!report.ok) throw new Error("assessable");
    const gap = report.value.gaps.find((g) => g.criterion === "LDN-6.7");
    expect(gap?.missing).toEqual([
      "The quality impact assessment has no completion date: /quality/qia/completed is missing (/quality has no qia)",
      "The QIA records no risks, or at least one risk has no mitigation: /quality/qia/risks is missing (/quality has no qia)",
      "The quality section does not cite the QIA document: qia evidence (E1) is in the register but not cited at /quality/evidence",
    ]);
    // /quality/qia does not exist: the gap is located at /quality, where qia would go (its map starts at 5:3).
    expect(gap?.location).toEqual({ file: "p.yaml", line: 5, column: 3 });
  });
});

describe("where a missing value is", () => {
  it("keeps the pointer the check read, and says (and records) its nearest existing ancestor", () => {
    const outcome = evaluateCheck(Check.parse({ kind: "present", path: "/quality/qia/completed" }), checkContext(proposal({ quality: { evidence: [] } })));
    expect(outcome).toMatchObject({ pointer: "/quality/qia/completed", code: "missing", values: { at: "/quality", absent: "qia" } });
    expect(outcome.message).toBe("/quality/qia/completed is missing (/quality has no qia)");
  });

  it("an evidence check that finds no citation points at the list that should cite it", () => {
    const c = criterion(proposal({ evidence: [{ id: "E1", type: "qia", title: "Quality impact assessment" }] }), "LDN-6.7");
    expect(c.checks.find((k) => k.kind === "evidence")).toMatchObject({ pointer: "/quality/evidence", code: "not_cited" });
  });
});

describe("plain sentences, never schema logic", () => {
  const SCHEMA_TALK = /must NOT|must have|must be|must contain|must match|should be|is not valid|not expected:/;

  it.each(["minor-injuries-overnight.yaml", "outpatient-virtual.yaml", "maternity-unit.md", "stroke-hasu.yaml"])(
    "%s: every check message and reason",
    (file) => {
      const report = exampleReport(file);
      for (const c of report.principles.flatMap((p) => p.criteria)) {
        expect(c.reason).not.toMatch(SCHEMA_TALK);
        for (const k of c.checks) expect(k.message).not.toMatch(SCHEMA_TALK);
      }
    },
  );

  it("a criterion that does not apply says why in words (LDN-3.4 with no adverse impact)", () => {
    const characteristics = Object.fromEntries(PROTECTED_CHARACTERISTICS.map((k) => [k, { impact: "neutral" as const, evidence: "Survey" }]));
    const c = criterion(proposal({ equality: { eqia: { characteristics } } }), "LDN-3.4");
    expect(c.status).toBe("not-applicable");
    expect(c.reason).toBe("does not apply: the EqIA records no negative or mixed impact, so there is no adverse impact to mitigate");
  });

  it("not: a passing inner check is said as a finding the check rules out", () => {
    const check: CheckInput = { kind: "not", check: { kind: "present", path: "/beds/alternativeProvision" } };
    const p = proposal({ beds: { current: 24, proposed: 16, alternativeProvision: "Twelve virtual ward places run by the community team" } });
    const outcome = evaluateCheck(Check.parse(check), checkContext(p));
    expect(outcome).toMatchObject({ pass: false, code: "ruled_out", message: "/beds/alternativeProvision is given, which the check rules out" });
  });

  it.each(BUILTIN_FRAMEWORK_IDS)("%s: a failure is the framework's words, then the detail rendered from code and values", (id) => {
    const loaded = builtinFramework(id) ?? london();
    const report = assess(proposal(), loaded);
    if (!report.ok) throw new Error("assessable");
    const specs = new Map<string, (typeof loaded.framework.principles)[number]["criteria"][number]["checks"]>(
      loaded.framework.principles.flatMap((p) => p.criteria).map((c) => [c.id, c.checks]),
    );
    let seen = 0;
    for (const c of report.value.principles.flatMap((p) => p.criteria)) {
      c.checks.forEach((k, i) => {
        const spec = specs.get(c.id)?.[i];
        const detail = MESSAGES[k.code as MessageCode](k.values as never);
        // A failure inside `all` or `any` carries the words of the nested check that failed.
        const own = spec?.message ?? (k.pass ? undefined : nestedWords(spec).find((m) => k.message === `${m}: ${detail}`));
        expect(k.message).toBe(!k.pass && own !== undefined && !ownWords(k.kind, k) ? `${own}: ${detail}` : detail);
        seen++;
      });
    }
    expect(seen).toBeGreaterThan(10);
  });
});

/** The framework's own words on every check nested in a check. */
function nestedWords(spec: CheckSpec | undefined): string[] {
  if (spec === undefined) return [];
  const inner = spec.kind === "all" || spec.kind === "any" ? spec.checks : spec.kind === "not" ? [spec.check] : [];
  return inner.flatMap((c) => [...(c.message === undefined ? [] : [c.message]), ...nestedWords(c)]);
}

describe("the message catalogue", () => {
  it("renders every code from its values alone", () => {
    const rendered = MESSAGES.too_few_words({ pointer: "/responses/LDN-2/text", words: 26, minWords: 40 });
    expect(rendered).toBe("/responses/LDN-2/text has 26 words; at least 40 expected");
    expect(MESSAGES.too_few_words({ pointer: "/x", words: 1, minWords: 3 })).toBe("/x has 1 word; at least 3 expected");
  });
});
