// The published schemas, turned back into TypeScript by json-schema-to-typescript, describe the same
// documents as the zod model: each type is assignable to the other.
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { London2020CriterionId } from "../src/generated/frameworks.js";
import type { Crosswalk } from "../src/model/crosswalk.js";
import type { FrameworkDocument } from "../src/model/framework.js";
import type { Proposal } from "../src/model/proposal.js";
import type { AssessmentReport } from "../src/model/report.js";
import type { Reviews } from "../src/model/reviews.js";
import type { Waivers } from "../src/model/waivers.js";
import type { CrosswalkBetweenClinicalSenateFrameworks } from "./generated/crosswalk.js";
import type { ClinicalSenateFramework } from "./generated/framework.js";
import type { ServiceChangeProposal } from "./generated/proposal.js";
import type { ClinicalSenateAssessmentReport } from "./generated/report.js";
import type { ClinicalSenateReviews } from "./generated/reviews.js";
import type { ClinicalSenateWaivers } from "./generated/waivers.js";

/**
 * Spellings that mean the same document: json-schema-to-typescript writes `minItems: 1` as a tuple and
 * optional properties without `| undefined`; zod writes arrays and `?: T | undefined`. A custom check's
 * kind is the pattern ^x-… in JSON Schema, which TypeScript from JSON Schema can only call a string.
 */
type Normal<T> = T extends `x-${string}`
  ? string
  : T extends readonly [infer H, ...infer R]
    ? Normal<H | R[number]>[]
    : T extends readonly (infer E)[]
      ? Normal<E>[]
      : T extends object
        ? { [K in keyof T]: Normal<Exclude<T[K], undefined>> }
        : T;

describe("published schemas as TypeScript equal the zod types", () => {
  it("proposal", () => {
    expectTypeOf<Normal<ServiceChangeProposal>>().toExtend<Normal<z.input<typeof Proposal>>>();
    expectTypeOf<Normal<z.input<typeof Proposal>>>().toExtend<Normal<ServiceChangeProposal>>();
  });
  it("framework", () => {
    expectTypeOf<Normal<ClinicalSenateFramework>>().toExtend<Normal<z.input<typeof FrameworkDocument>>>();
    expectTypeOf<Normal<z.input<typeof FrameworkDocument>>>().toExtend<Normal<ClinicalSenateFramework>>();
  });
  it("reviews", () => {
    expectTypeOf<Normal<ClinicalSenateReviews>>().toExtend<Normal<z.input<typeof Reviews>>>();
    expectTypeOf<Normal<z.input<typeof Reviews>>>().toExtend<Normal<ClinicalSenateReviews>>();
  });
  it("waivers", () => {
    expectTypeOf<Normal<ClinicalSenateWaivers>>().toExtend<Normal<z.input<typeof Waivers>>>();
    expectTypeOf<Normal<z.input<typeof Waivers>>>().toExtend<Normal<ClinicalSenateWaivers>>();
  });
  it("crosswalk", () => {
    expectTypeOf<Normal<CrosswalkBetweenClinicalSenateFrameworks>>().toExtend<Normal<z.input<typeof Crosswalk>>>();
    expectTypeOf<Normal<z.input<typeof Crosswalk>>>().toExtend<Normal<CrosswalkBetweenClinicalSenateFrameworks>>();
  });
  it("report", () => {
    expectTypeOf<Normal<ClinicalSenateAssessmentReport>>().toExtend<Normal<z.input<typeof AssessmentReport>>>();
    expectTypeOf<Normal<z.input<typeof AssessmentReport>>>().toExtend<Normal<ClinicalSenateAssessmentReport>>();
  });
});

describe("built-in criterion ids are literal types", () => {
  it("accepts a real id and rejects a typo", () => {
    expectTypeOf<"LDN-3.7">().toExtend<London2020CriterionId>();
    // @ts-expect-error LDN-3.6 is not a criterion of london-2020 (retired in 4.0.0)
    const typo: London2020CriterionId = "LDN-3.6";
    expectTypeOf(typo).toBeString();
  });
});
