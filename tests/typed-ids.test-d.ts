import { describe, expectTypeOf, it } from "vitest";
import {
  assess,
  builtinFramework,
  type LoadedFramework,
  type London2020CriterionId,
  type Proposal,
  parseReviews,
  type WestMidlandsCriterionId,
} from "../src/index.js";

// Typed criterion ids reach the caller (issue 15): a built-in framework carries its ids, so reviews and
// waivers written in code may name only its criteria, and the report's gaps come back with its id type.
// A framework known only at run time, and documents parsed from files, stay plain strings.

declare const proposal: Proposal;
const review = { rating: "met", rationale: "Seen.", reviewer: "Panel", date: "2026-01-01" } as const;
const waiver = { kind: "accepted", justification: "Known.", approver: "Chair", expires: "2027-01-01" } as const;

describe("typed criterion ids", () => {
  it("builtinFramework(id) of a built-in id is defined and carries its criterion ids", () => {
    expectTypeOf(builtinFramework("london-2020")).toEqualTypeOf<LoadedFramework<London2020CriterionId>>();
    expectTypeOf(builtinFramework("west-midlands").framework.principles[0]!.criteria[0]!.id).toEqualTypeOf<WestMidlandsCriterionId>();
    expectTypeOf(builtinFramework("some-string" as string)).toEqualTypeOf<LoadedFramework | undefined>();
  });

  it("reviews and waivers written in code name only the framework's criteria", () => {
    const london = builtinFramework("london-2020");
    assess(proposal, london, { reviews: { schemaVersion: "1", framework: "london-2020", reviews: [{ criterion: "LDN-3.7", ...review }] } });
    // @ts-expect-error: LDN-3.6 is not a criterion of london-2020 (retired in 4.0.0)
    assess(proposal, london, { reviews: { schemaVersion: "1", framework: "london-2020", reviews: [{ criterion: "LDN-3.6", ...review }] } });
    const now = new Date();
    assess(proposal, london, { now, waivers: { schemaVersion: "1", framework: "london-2020", waivers: [{ criterion: "LDN-1.1", ...waiver }] } });
    // @ts-expect-error: WM-1.1 belongs to another framework
    assess(proposal, london, { now, waivers: { schemaVersion: "1", framework: "london-2020", waivers: [{ criterion: "WM-1.1", ...waiver }] } });
  });

  it("parsed documents are checked when assessed, so their string ids are accepted", () => {
    const parsed = parseReviews("", { filename: "reviews.yaml" });
    if (parsed.ok) assess(proposal, builtinFramework("london-2020"), { reviews: parsed.value });
  });

  it("the report's gaps carry the framework's id type", () => {
    const report = assess(proposal, builtinFramework("london-2020"));
    if (report.ok) expectTypeOf(report.value.gaps[0]!.criterion).toEqualTypeOf<London2020CriterionId>();
    const loaded = {} as LoadedFramework;
    const plain = assess(proposal, loaded);
    if (plain.ok) expectTypeOf(plain.value.gaps[0]!.criterion).toEqualTypeOf<string>();
  });
});
