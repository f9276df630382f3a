// The types a check definition gives: outcomes keyed by code with typed values, codes a runner may
// find limited to those its definition declares, and custom checks written as before still compiling.
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { type BuiltinOutcome, found } from "../src/checks/codes.js";
import { defineBuiltin } from "../src/checks/define.js";
import { present } from "../src/checks/present.js";
import { defineCheck } from "../src/index.js";
import { PresentCheck } from "../src/model/check.js";

describe("check definitions", () => {
  it("narrowing an outcome on its code types its values", () => {
    const o = {} as BuiltinOutcome;
    if (o.code === "too_few_words") expectTypeOf(o.values).toEqualTypeOf<{ pointer: string; words: number; minWords: number }>();
    if (o.code === "out_of_range") expectTypeOf(o.values.min).toEqualTypeOf<number | undefined>();
    if (o.code === "missing_keys") expectTypeOf(o.values.missing).toEqualTypeOf<string[]>();
  });

  it("a built-in declares the codes it finds, and may find no other", () => {
    expectTypeOf(present.codes).toEqualTypeOf<readonly ("given" | "missing" | "empty" | "non_answer" | "none_recorded" | "all_pass")[]>();
    defineBuiltin({
      kind: "present",
      params: PresentCheck,
      codes: ["given"],
      doc: "",
      // @ts-expect-error `empty` is not among the codes declared
      run: () => found(false, "/a", "empty", { pointer: "/a" }),
    });
  });

  it("custom checks keep the shape they had: (params, proposal) and a message", () => {
    const check = defineCheck({
      kind: "x-enough-options",
      params: z.strictObject({ min: z.number() }),
      run: (params, proposal) => ({ pass: (proposal.options?.items.length ?? 0) >= params.min, pointer: "/options/items", message: "enough" }),
    });
    expectTypeOf(check.kind).toEqualTypeOf<`x-${string}`>();
    // @ts-expect-error a custom kind starts with x-
    defineCheck({ kind: "present", params: z.object({}), run: () => ({ pass: true, pointer: "", message: "" }) });
  });
});
