import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wordCount } from "../../src/checks/substantive.js";

// wordCount counts in one pass; it must agree with the plain definition it replaced.
const reference = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe("wordCount", () => {
  it("counts whitespace-separated runs with a letter or digit, as splitting on \\s+ does", () => {
    const unit = fc.constantFrom("a", "Z", "1", " ", "\t", "\n", "\u00a0", "\u2028", "\ufeff", "é", "-", ".", "😀", "\ud83d", "𝟘", "ß");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => wordCount(text) === reference(text)),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => wordCount(text) === reference(text)),
      { numRuns: 5_000 },
    );
  });

  it("counts examples", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount("  - 26 words — here\u00a0too ")).toBe(4);
  });
});
