import { describe, expect, it } from "vitest";
import { findNonAnswer, nonAnswerIn, withoutNonAnswers } from "../../src/checks/non-answer.js";
import { NON_ANSWERS as CATALOGUE } from "../../src/checks/non-answers.js";
import { FILLER, GENUINE_ANSWERS, NON_ANSWERS, REPEATING_ANSWERS } from "./non-answer-cases.js";

describe("findNonAnswer: non-answers", () => {
  it("the table is large enough to mean something", () => {
    expect(NON_ANSWERS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(NON_ANSWERS.map(([, kind]) => kind))).toEqual(new Set(CATALOGUE.map((e) => e.kind)));
  });

  it.each(NON_ANSWERS)("%j is a %s", (text, kind) => {
    expect(findNonAnswer(text)).toMatchObject({ kind });
  });

  it("names the phrase that gives it away, as written", () => {
    expect(findNonAnswer("Unknown - to be confirmed by finance")).toEqual({ kind: "unknown", phrase: "Unknown" });
    expect(findNonAnswer("Refer to annex B")).toEqual({ kind: "bare-reference", phrase: "Refer to annex B" });
    expect(findNonAnswer("XX per cent")).toEqual({ kind: "template-marker", phrase: "XX" });
  });
});

describe("findNonAnswer: genuine answers", () => {
  it("the table is large enough to mean something", () => {
    expect(GENUINE_ANSWERS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(GENUINE_ANSWERS)("%j answers", (text) => {
    expect(findNonAnswer(text)).toBeUndefined();
  });

  it.each(["", "   ", "\n\t"])("blank text %j is not a non-answer (checks call it missing or empty)", (text) => {
    expect(findNonAnswer(text)).toBeUndefined();
  });
});

describe("findNonAnswer: filler", () => {
  it("the tables are large enough to mean something", () => {
    expect(FILLER.length).toBeGreaterThanOrEqual(10);
    expect(REPEATING_ANSWERS.length).toBeGreaterThanOrEqual(15);
  });

  it.each(FILLER)("%j is filler (%s)", (text, word) => {
    expect(findNonAnswer(text)).toEqual({ kind: "filler", phrase: word });
  });

  it.each(REPEATING_ANSWERS)("%j answers", (text) => {
    expect(findNonAnswer(text)).toBeUndefined();
  });

  it("a catalogue phrase padded out is still reported as filler, and quoted", () => {
    expect(findNonAnswer("TBC blah blah blah blah")).toEqual({ kind: "filler", phrase: "blah" });
    expect(nonAnswerIn(`Prevention: ${"blah ".repeat(20)}`, "/x")).toMatchObject({ kind: "filler", text: expect.stringMatching(/^Prevention: blah blah/) });
  });
});

describe("findNonAnswer on 100,000-character inputs", () => {
  // Shapes that make a backtracking pattern blow up: each must come back, with the right answer.
  const N = 100_000;
  const cases: [string, string, string | undefined][] = [
    ["an unclosed angle bracket", `<${"a".repeat(N)}`, undefined],
    ["many angle brackets", "<a ".repeat(N / 3), undefined],
    ["a run of x then a letter", `${"x".repeat(N)}a`, undefined],
    ["XX. repeated", "xx.".repeat(N / 3), "template-marker"],
    ["'to be' repeated", "to be ".repeat(N / 6), undefined],
    ["'see the attached' repeated", "see the attached ".repeat(N / 17), undefined],
    ["an unclosed [insert", `[insert${" a".repeat(N / 2)}`, undefined],
    ["'not' repeated", "not ".repeat(N / 4), "filler"],
    ["hyphens", "-".repeat(N), "template-marker"],
    ["whitespace then TBC", `${" ".repeat(N)}TBC`, "deferral"],
    ["one long word", "a".repeat(N), undefined],
    ["non-answers repeated", "tbc unknown see appendix 4 n/a ".repeat(N / 31), "deferral"],
    ["a long label", `see appendix a${"1".repeat(N)}é`, "bare-reference"],
    ["one word repeated", "word ".repeat(N / 5), "filler"],
    ["real words", "the unit adds beds ".repeat(N / 19), undefined],
  ];
  it.each(cases)("%s", (_, text, kind) => {
    expect(text.length).toBeGreaterThan(N * 0.9);
    expect(findNonAnswer(text)?.kind).toBe(kind);
  });
});

describe("the catalogue is data that stays linear", () => {
  it.each(CATALOGUE.map((e, i) => [i, e] as const))("entry %i has a kind, a note, and phrases or one pattern", (_, entry) => {
    expect(entry.note.length).toBeGreaterThan(20);
    expect((entry.phrases?.length ?? 0) > 0 !== (entry.pattern !== undefined)).toBe(true);
  });

  it("no pattern repeats a group (the shape that backtracks without bound)", () => {
    for (const entry of CATALOGUE) {
      if (entry.pattern !== undefined) expect(entry.pattern, entry.note).not.toMatch(/\)[*+]|\)\{\d+,\d*\}/);
    }
  });
});

describe("nonAnswerIn: whole values", () => {
  it("a list is a non-answer when every item is, and the first one is reported", () => {
    expect(nonAnswerIn(["TBC", "", "N/A"], "/x")).toMatchObject({ kind: "deferral", pointer: "/x/0", text: "TBC" });
    expect(nonAnswerIn(["TBC", "Home"], "/x")).toBeUndefined();
    expect(nonAnswerIn([], "/x")).toBeUndefined();
  });

  it("a list item is named by its naming field, whatever else it says", () => {
    const lead = { name: "TBC", role: "Consultant stroke physician and clinical director" };
    expect(nonAnswerIn([lead], "/leads")).toMatchObject({ kind: "deferral", pointer: "/leads/0/name" });
    expect(nonAnswerIn([{ name: "Dr A Patel", role: "TBC" }], "/leads")).toBeUndefined();
  });

  it("an item without a naming field, or a section, is a non-answer only when every field is", () => {
    expect(nonAnswerIn({ impact: "unknown", evidence: "<evidence of the age characteristic>" }, "/c/age")).toMatchObject({ pointer: "/c/age/evidence" });
    expect(nonAnswerIn({ impact: "unknown" }, "/c/age")).toMatchObject({ kind: "unknown", pointer: "/c/age/impact" });
    expect(nonAnswerIn({ impact: "negative", evidence: "TBC" }, "/c/age")).toBeUndefined();
    // A section is never judged by one field: its description alone does not decide.
    expect(nonAnswerIn({ description: "TBC", settings: ["Home", "Hospital"] }, "/pathway")).toBeUndefined();
  });

  it("numbers and true/false always say something", () => {
    expect(nonAnswerIn({ owner: "TBC", participants: 0 }, "/a")).toBeUndefined();
    expect(nonAnswerIn(0, "/a")).toBeUndefined();
    expect(nonAnswerIn(false, "/a")).toBeUndefined();
  });

  it("quotes long text shortened, on one line", () => {
    const found = nonAnswerIn(`Lorem ipsum\n${"dolor ".repeat(40)}`, "/x");
    expect(found?.text.length).toBe(60);
    expect(found?.text).toMatch(/^Lorem ipsum dolor .*…$/);
  });
});

describe("withoutNonAnswers", () => {
  it("drops non-answer text from objects and lists, and reports where", () => {
    const dropped: { pointer: string }[] = [];
    const value = { a: "TBC", b: "Real text here", c: ["N/A", "Home"], d: { e: "unknown", f: 3 } };
    expect(withoutNonAnswers(value, "/v", new Set(), dropped as never)).toEqual({ b: "Real text here", c: ["Home"], d: { f: 3 } });
    expect(dropped.map((d) => d.pointer)).toEqual(["/v/a", "/v/c/0", "/v/d/e"]);
  });

  it("keeps the texts it is told to (a fragment's const and enum values)", () => {
    expect(withoutNonAnswers({ impact: "unknown" }, "", new Set(["unknown"]))).toEqual({ impact: "unknown" });
  });
});

describe("quoting", () => {
  it("a quoted non-answer carries no control characters", () => {
    expect(nonAnswerIn("\u0007TBC\u001b \u0085", "/x")?.text).toBe("TBC");
  });
});
