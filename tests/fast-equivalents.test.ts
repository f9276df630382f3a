import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excerpt } from "../src/assess/panel.js";
import { findFiller } from "../src/checks/filler.js";
import { MIN_REPEATED_WORDS, PADDING_WORDS, STOP_WORDS } from "../src/checks/non-answers.js";
import { wordCount } from "../src/checks/substantive.js";

// Functions rewritten for speed must agree with the plain definitions they replaced.
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

describe("excerpt", () => {
  const plain = (text: string) => {
    const line = text.replace(/\s+/g, " ").trim();
    return line.length > 160 ? `${line.slice(0, 159)}…` : line;
  };

  it("squeezes only the start of a long text, and shows the same excerpt as squeezing all of it", () => {
    const unit = fc.constantFrom("a", "b", " ", "  ", "\n\n", "\t", "\u00a0", "😀", "word ", "      ");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 900 }), (text) => excerpt(text) === plain(text)),
      { numRuns: 5_000 },
    );
    expect(excerpt(`${" ".repeat(700)}x`)).toBe("x");
    expect(excerpt(`${"a ".repeat(400)}`)).toBe(plain(`${"a ".repeat(400)}`));
  });
});

describe("findFiller", () => {
  // The plain definition: list the words, then count padding and each word's share.
  const reference = (text: string) => {
    const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
    const folded = words.map((w) => w.toLowerCase());
    const padding = words.filter((w) => PADDING_WORDS.has(w.toLowerCase()));
    if (padding.length * 2 > words.length) return { kind: "filler", phrase: padding[0] };
    const candidates = folded.filter((w) => !STOP_WORDS.has(w));
    const majority = candidates.find((w) => folded.filter((v) => v === w).length * 2 > words.length);
    return words.length >= MIN_REPEATED_WORDS && majority !== undefined ? { kind: "filler", phrase: majority } : undefined;
  };

  it("finds the same filler as counting the listed words", () => {
    const unit = fc.constantFrom("blah", "Blah", "etc", "beds", "BEDS", "the", "a", "A", " ", ", ", "-", "'", "’s", "É", "é", "1", "\n", "ΣΑΣ", "trust's");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        expect(findFiller(text)).toEqual(reference(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
