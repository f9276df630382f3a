import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assess } from "../../src/assess/assess.js";
import { BUILTIN_FRAMEWORKS } from "../../src/framework/builtin.js";
import type { AssessmentReport, CriterionResult } from "../../src/model/report.js";
import type { Review } from "../../src/model/reviews.js";
import type { Waiver } from "../../src/model/waivers.js";
import { parseReviews, parseWaivers } from "../../src/proposal/documents.js";
import { parseProposal } from "../../src/proposal/parse.js";
import { proposal as minimalProposal } from "../helpers/proposal.js";

// The rules that keep a rating honest about the panel: reviews and waivers must say something, a
// proposal no reviewer has judged is never green, and a reviewer cannot lift a criterion over its gate.

const FRAMEWORK = BUILTIN_FRAMEWORKS["london-2020"];
const NOW = new Date("2026-06-01T00:00:00Z");
function example(file: string) {
  const parsed = parseProposal(readFileSync(`examples/${file}`, "utf8"), { filename: `examples/${file}` });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}
const STROKE = example("stroke-hasu.yaml");

function report(options: Parameters<typeof assess>[2], proposal: Parameters<typeof assess>[0] = STROKE): AssessmentReport {
  const result = assess(proposal, FRAMEWORK, { now: NOW, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const criteria = (r: AssessmentReport): CriterionResult[] => r.principles.flatMap((p) => p.criteria);
const review = (criterion: string, rating: Review["rating"], extra: Partial<Review> = {}): Review => ({
  criterion,
  rating,
  rationale: "The options appraisal scores each site on travel time and staffing, with the data cited.",
  reviewer: "Dr A. Example, stroke physician",
  date: "2026-05-01",
  ...extra,
});
const reviews = (items: Review[]) => ({ schemaVersion: "1" as const, framework: FRAMEWORK.id, reviews: items });
const waivers = (items: Waiver[]) => ({ schemaVersion: "1" as const, framework: FRAMEWORK.id, waivers: items });
const AWAITING = criteria(report({})).filter((c) => c.status === "needs-review");

function waiverYaml(justification: string, approver: string): string {
  const items = AWAITING.map(
    (c) => `  - criterion: ${c.id}\n    kind: not-applicable\n    justification: ${justification}\n    approver: ${approver}\n    expires: 2027-12-31\n`,
  );
  return `schemaVersion: "1"\nframework: london-2020\nwaivers:\n${items.join("")}`;
}

describe("reviews and waivers are screened for non-answers", () => {
  it("refuses a waiver whose justification and approver are TBC, located in its file, with what to write", () => {
    const doc = parseWaivers(waiverYaml("TBC", "TBC"), { filename: "s.waivers.yaml" });
    if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
    const result = assess(STROKE, FRAMEWORK, { now: NOW, waivers: doc.value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(AWAITING.length * 2);
    expect(result.issues[0]).toMatchObject({ code: "non_answer", file: "s.waivers.yaml", line: 6, column: 20, pointer: "/waivers/0/justification" });
    expect(result.issues[0]?.message).toMatch(/gives a deferral, 'TBC', as its justification: write why the criterion does not apply/);
    expect(result.issues[1]).toMatchObject({ code: "non_answer", line: 7, pointer: "/waivers/0/approver" });
    expect(result.issues[1]?.message).toMatch(/name the person or board who approved the waiver/);
  });

  it.each([
    ["rationale", "n/a", /not-applicable answer, 'n\/a', as its rationale: write what the reviewer found/],
    ["rationale", "See appendix 4", /bare reference, 'See appendix 4', as its rationale/],
    ["rationale", "-", /template placeholder, '-', as its rationale/],
    ["reviewer", "<name of reviewer>", /template placeholder, '<name of reviewer>', as its reviewer: name the panel member/],
    ["reviewer", "TBC", /deferral, 'TBC', as its reviewer/],
  ] as const)("refuses a review whose %s is %j", (field, value, message) => {
    const result = assess(STROKE, FRAMEWORK, { now: NOW, reviews: reviews([review("LDN-1.1", "met", { [field]: value })]) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([expect.objectContaining({ code: "non_answer", pointer: `/reviews/0/${field}`, message: expect.stringMatching(message) })]);
  });

  it("accepts the example's reviews", () => {
    const text = readFileSync("examples/stroke-hasu.reviews.yaml", "utf8");
    const doc = parseReviews(text, { filename: "examples/stroke-hasu.reviews.yaml" });
    if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
    expect(assess(STROKE, FRAMEWORK, { now: NOW, reviews: doc.value }).ok).toBe(true);
  });
});

describe("a review dated after the assessment", () => {
  it("is refused, located at its date", () => {
    const text = `schemaVersion: "1"\nframework: london-2020\nreviews:\n  - criterion: LDN-1.1\n    rating: met\n    rationale: The needs analysis covers incidence and growth.\n    reviewer: Dr A. Example\n    date: 2026-06-02\n`;
    const doc = parseReviews(text, { filename: "s.reviews.yaml" });
    if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
    const result = assess(STROKE, FRAMEWORK, { now: NOW, reviews: doc.value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: "review_after_assessment",
        pointer: "/reviews/0/date",
        line: 8,
        message: expect.stringMatching(/dated 2026-06-02, after the assessment date 2026-06-01: a judgement cannot postdate the assessment/),
      }),
    ]);
  });

  it("is accepted on the assessment date itself", () => {
    expect(assess(STROKE, FRAMEWORK, { now: NOW, reviews: reviews([review("LDN-1.1", "met", { date: "2026-06-01" })]) }).ok).toBe(true);
  });
});

describe("a proposal the panel has not judged is never green", () => {
  const genuine = (c: CriterionResult): Waiver => ({
    criterion: c.id,
    kind: "not-applicable",
    justification: "The board agreed this criterion does not bear on a change to the hyper-acute stroke pathway.",
    approver: "Dr B. Example, medical director",
    expires: "2027-12-31",
  });

  it("caps every rating at provisional amber when every criterion awaiting the panel is waived as not applicable", () => {
    const r = report({ waivers: waivers(AWAITING.map(genuine)) });
    expect(r.summary.coverage).toBe(1);
    expect(r.summary.score).toBe(1);
    expect(r.summary.rating).toBe("amber");
    expect(r.summary.provisional).toBe(true);
    expect(r.summary.ratingReason).toMatch(
      new RegExp(
        `the panel has not judged any criterion of this proposal: none of the ${AWAITING.length} that need a reviewer has a reviewer's rating \\(${AWAITING.length} of them waived as not applicable, and a waiver is not a judgement\\)`,
      ),
    );
    for (const p of r.principles) {
      expect(p.rating).toBe("amber");
      expect(p.ratingReason).toMatch(/^provisional amber: .*the panel has not judged any criterion/);
    }
  });

  it("lets one reviewer's judgement, with the rest waived, be green", () => {
    const [first, ...rest] = AWAITING;
    if (!first) throw new Error("the example has criteria awaiting the panel");
    const r = report({ waivers: waivers(rest.map(genuine)), reviews: reviews([review(first.id, "met")]) });
    expect(r.summary.rating).toBe("green");
    expect(r.summary.provisional).toBe(false);
  });

  it("does not count a reviewer's not applicable as a judgement of an applicable criterion", () => {
    const r = report({ reviews: reviews(AWAITING.map((c) => review(c.id, "not-applicable"))) });
    expect(r.summary.rating).toBe("amber");
    expect(r.summary.ratingReason).toMatch(/none of the \d+ that need a reviewer has a reviewer's rating$/);
  });
});

describe("the checks are a gate for automatic+review criteria", () => {
  // A weak proposal: several of its gates find material missing, some wholly, some in part.
  const SPARSE = example("minor-injuries-overnight.yaml");
  const gated = criteria(report({}, SPARSE)).filter((c) => c.mode === "automatic+review" && c.decidedBy === "checks");
  const notMet = gated.find((c) => c.status === "not-met");
  const partly = gated.find((c) => c.status === "partially-met");

  it("caps a reviewer's met at what the checks found, says so, and still lists the disagreement", () => {
    for (const target of [notMet, partly]) {
      if (!target) throw new Error("the weak example fails some automatic+review gates");
      const r = report({ reviews: reviews([review(target.id, "met")]) }, SPARSE);
      const c = criteria(r).find((x) => x.id === target.id);
      expect(c?.status).toBe(target.status);
      expect(c?.decidedBy).toBe("checks");
      expect(c?.reason).toMatch(
        new RegExp(`^judged met by Dr A\\. Example, stroke physician, but the machine gate caps it at ${target.status.replace("-", " ")}: `),
      );
      expect(c?.reason).toContain(target.checks.find((k) => !k.pass)?.message ?? "?");
      expect(c?.contribution.credit).toBe(target.contribution.credit);
      expect(r.disagreements.map((d) => d.criterion)).toContain(target.id);
    }
  });

  it("lets a reviewer be stricter than the gate", () => {
    if (!partly) throw new Error("the weak example partly meets some automatic+review gate");
    const c = criteria(report({ reviews: reviews([review(partly.id, "not-met")]) }, SPARSE)).find((x) => x.id === partly.id);
    expect([c?.status, c?.decidedBy]).toEqual(["not-met", "reviewer"]);
  });

  it("leaves review-only criteria to the reviewer", () => {
    const sparse = minimalProposal({});
    const target = criteria(report({}, sparse)).find((c) => c.mode === "review" && c.status === "needs-review");
    if (!target) throw new Error("the minimal proposal has a review-only criterion awaiting the panel");
    const c = criteria(report({ reviews: reviews([review(target.id, "met")]) }, sparse)).find((x) => x.id === target.id);
    expect([c?.status, c?.decidedBy]).toEqual(["met", "reviewer"]);
  });
});
