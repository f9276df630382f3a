import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assess, defineCheck, loadFramework } from "../src/index.js";
import { proposal } from "./helpers/proposal.js";

// A custom check, as the README shows it: a typed, validated parameter and a pure run function.
const enoughOptions = defineCheck({
  kind: "x-enough-options",
  params: z.strictObject({ min: z.number().int().min(1) }),
  run: (params, p) => {
    const n = p.options?.items.length ?? 0;
    return { pass: n >= params.min, pointer: "/options/items", message: `${n} options; at least ${params.min} expected` };
  },
});

const framework = (params: string) => `schemaVersion: "1"
id: custom
version: 1.0.0
title: Custom
publisher: Test
source: { title: T, publisher: P, date: 2026-01, quoted: nothing, added: everything }
principles:
  - id: CUS-1
    title: Options
    wording: Consider enough options.
    criteria:
      - id: CUS-1.1
        title: Enough options
        question: Were enough options considered?
        guidance: List the options under options.items.
        severity: major
        mode: automatic
        checks:
          - kind: x-enough-options
            params: ${params}
        recommendation: Consider more options.
`;

describe("custom checks", () => {
  it("a framework using an unregistered kind fails to load, located", () => {
    const r = loadFramework(framework("{ min: 3 }"), { filename: "custom.yaml" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "bad_check", line: 19, message: expect.stringContaining("x-enough-options is not registered") });
  });

  it("parameters are validated when the framework loads", () => {
    const r = loadFramework(framework("{ min: many }"), { filename: "custom.yaml", checks: [enoughOptions] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "bad_check", pointer: expect.stringMatching(/params$/) });
  });

  it("a registered check decides the criterion", () => {
    const loaded = loadFramework(framework("{ min: 2 }"), { filename: "custom.yaml", checks: [enoughOptions] });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const options = (n: number) => ({ items: Array.from({ length: n }, (_, i) => ({ id: `O${i}`, title: `Option ${i}` })) });
    const statusFor = (n: number) => {
      const r = assess(proposal({ options: options(n) }), loaded.value, { checks: [enoughOptions] });
      return r.ok ? r.value.principles[0]?.criteria[0]?.status : undefined;
    };
    expect(statusFor(3)).toBe("met");
    expect(statusFor(1)).toBe("not-met");
  });
});

describe("a custom check the framework names but assess() was not given", () => {
  const loaded = loadFramework(framework("{ min: 2 }"), { filename: "custom.yaml", checks: [enoughOptions] });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));

  it("is an issue located at the check in the framework file, never a silent not-met", () => {
    for (const checks of [undefined, []]) {
      const r = assess(proposal({}), loaded.value, checks === undefined ? {} : { checks });
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.issues).toContainEqual(
          expect.objectContaining({ code: "bad_check", file: "custom.yaml", line: 19, message: expect.stringContaining("x-enough-options is not registered") }),
        );
    }
  });
});
