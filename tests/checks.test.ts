import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type CustomChecks, checkContext, customChecks, defineCheck, evaluateCheck } from "../src/checks/registry.js";
import { validateFramework } from "../src/framework/load.js";
import { BUILTIN_FRAMEWORKS } from "../src/framework/builtin.js";
import { Check, type CheckInput } from "../src/model/check.js";
import { PROTECTED_CHARACTERISTICS, type Proposal } from "../src/model/proposal.js";
import { proposal } from "./helpers/proposal.js";

/** One row of a check table: a proposal, a check as written in a framework, and what it should find. */
interface Case {
  name: string;
  proposal: Proposal;
  check: CheckInput;
  pass: boolean;
  /** The pointer the outcome reports, exactly. */
  pointer?: string;
  /** A substring of the outcome's message. */
  message?: string;
}

/** Runs a table. A check's own `message` must lead a failure's message, before the generated detail, and never show on a pass. */
function table(cases: Case[], custom: CustomChecks = new Map()): void {
  it.each(cases)("$name", ({ proposal: p, check, pass, pointer, message }) => {
    const spec = Check.parse(check);
    const outcome = evaluateCheck(spec, checkContext(p, custom), custom);
    expect(outcome.pass).toBe(pass);
    if (pointer !== undefined) expect(outcome.pointer).toBe(pointer);
    if (message !== undefined) expect(outcome.message).toContain(message);
    if (spec.message !== undefined) {
      if (pass) expect(outcome.message).not.toBe(spec.message);
      else expect(outcome.message.startsWith(`${spec.message}: `)).toBe(true);
    }
  });
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i + 1}`).join(" ");

const mitigation = (owner: string, measure = "Travel times audited quarterly") => ({ impact: "Longer journeys", action: "Extra bus route", owner, measure });

const allCharacteristics = Object.fromEntries(PROTECTED_CHARACTERISTICS.map((c) => [c, { impact: "neutral" as const, evidence: "Survey of 400 patients" }]));

const register: NonNullable<Proposal["evidence"]> = [
  { id: "E1", type: "research", title: "Trial", grade: "high" },
  { id: "E2", type: "data-analysis", title: "Activity analysis", grade: "low" },
  { id: "E3", type: "audit", title: "Audit" },
  { id: "E4", type: "letter-of-support", title: "Letter from the council" },
  { id: "E5", type: "research", title: "Case series", grade: "very-low" },
];

const population = (evidence?: string[]) => ({ description: "Adults in the borough", ...(evidence ? { evidence } : {}) });

const travel = (...minutes: number[]) => ({
  access: { travelTime: minutes.map((m, i) => ({ group: `IMD ${i + 1}`, baselineMinutes: 20, proposedMinutes: m })) },
});

const beds = (current: number, proposed: number) => proposal({ beds: { current, proposed } });

describe("present", () => {
  table([
    {
      name: "a given value passes",
      proposal: proposal({ population: { description: "Adults", size: 1200 } }),
      check: { kind: "present", path: "/population/size" },
      pass: true,
      pointer: "/population/size",
      message: "is given",
    },
    {
      name: "zero is a value",
      proposal: proposal({ population: { description: "Adults", size: 0 } }),
      check: { kind: "present", path: "/population/size" },
      pass: true,
    },
    {
      name: "false is a value",
      proposal: proposal({ mentalHealth: { investmentProtected: false } }),
      check: { kind: "present", path: "/mentalHealth/investmentProtected" },
      pass: true,
    },
    {
      name: "a missing value fails",
      proposal: proposal(),
      check: { kind: "present", path: "/population/size" },
      pass: false,
      pointer: "/population/size",
      message: "/population/size is missing (the proposal has no population)",
    },
    {
      name: "a missing section fails",
      proposal: proposal(),
      check: { kind: "present", path: "/equality/eqia/completed" },
      pass: false,
      pointer: "/equality/eqia/completed",
    },
    {
      name: "an empty string fails",
      proposal: proposal({ finance: { affordability: "" } }),
      check: { kind: "present", path: "/finance/affordability" },
      pass: false,
    },
    {
      name: "whitespace-only text fails",
      proposal: proposal({ finance: { affordability: " \n\t " } }),
      check: { kind: "present", path: "/finance/affordability" },
      pass: false,
    },
    {
      name: "an empty list fails",
      proposal: proposal({ caseForChange: { problems: [] } }),
      check: { kind: "present", path: "/caseForChange/problems" },
      pass: false,
    },
    { name: "an empty map fails", proposal: proposal({ responses: {} }), check: { kind: "present", path: "/responses" }, pass: false },
    { name: "an empty object fails", proposal: proposal({ workforce: {} }), check: { kind: "present", path: "/workforce" }, pass: false },
    {
      name: "a placeholder is not present, and is quoted",
      proposal: proposal({ finance: { affordability: "TBC" } }),
      check: { kind: "present", path: "/finance/affordability" },
      pass: false,
      message: "deferral 'TBC' at /finance/affordability",
    },
    {
      name: "* with no match fails at the fixed part",
      proposal: proposal(),
      check: { kind: "present", path: "/equality/mitigations/*/owner" },
      pass: false,
      pointer: "/equality/mitigations",
      message: "none recorded at /equality/mitigations (the proposal has no equality)",
    },
    {
      name: "* over an empty list fails",
      proposal: proposal({ equality: { mitigations: [] } }),
      check: { kind: "present", path: "/equality/mitigations/*/owner" },
      pass: false,
      pointer: "/equality/mitigations",
    },
    {
      name: "* passes when every match passes",
      proposal: proposal({ equality: { mitigations: [mitigation("Ward manager"), mitigation("Director of nursing")] } }),
      check: { kind: "present", path: "/equality/mitigations/*/owner" },
      pass: true,
      pointer: "/equality/mitigations/*/owner",
      message: "all 2 at /equality/mitigations/*/owner pass",
    },
    {
      name: "* with one match reports the concrete pointer",
      proposal: proposal({ equality: { mitigations: [mitigation("Ward manager")] } }),
      check: { kind: "present", path: "/equality/mitigations/*/owner" },
      pass: true,
      pointer: "/equality/mitigations/0/owner",
    },
    {
      name: "* fails when one match fails, at the first failing pointer",
      proposal: proposal({ equality: { mitigations: [mitigation("Ward manager"), mitigation(" "), mitigation("  ")] } }),
      check: { kind: "present", path: "/equality/mitigations/*/owner" },
      pass: false,
      pointer: "/equality/mitigations/1/owner",
    },
    {
      name: "* over a list of objects missing the field",
      proposal: proposal({ pathway: { interdependencies: [{ service: "ED", impact: "More attendances" }] } }),
      check: { kind: "present", path: "/pathway/interdependencies/*/mitigation" },
      pass: false,
      pointer: "/pathway/interdependencies/0/mitigation",
    },
    {
      name: "* over a record: every value",
      proposal: proposal({ equality: { eqia: { characteristics: allCharacteristics } } }),
      check: { kind: "present", path: "/equality/eqia/characteristics/*/evidence" },
      pass: true,
      message: "all 9",
    },
    {
      name: "* over a record: the failing value",
      proposal: proposal({ equality: { eqia: { characteristics: { age: { impact: "neutral", evidence: "Census" }, race: { impact: "negative" } } } } }),
      check: { kind: "present", path: "/equality/eqia/characteristics/*/evidence" },
      pass: false,
      pointer: "/equality/eqia/characteristics/race/evidence",
    },
    {
      name: "trailing * over the responses map",
      proposal: proposal({ responses: { "LDN-1": { text: "Yes" }, "LDN-2": { text: "" } } }),
      check: { kind: "present", path: "/responses/*/text" },
      pass: false,
      pointer: "/responses/LDN-2/text",
    },
    {
      name: "own message replaces the generated one on failure",
      proposal: proposal(),
      check: { kind: "present", path: "/population/size", message: "Say how many people are served" },
      pass: false,
      pointer: "/population/size",
    },
    {
      name: "own message is not said on a pass",
      proposal: proposal({ population: { description: "Adults", size: 5 } }),
      check: { kind: "present", path: "/population/size", message: "Say how many people are served" },
      pass: true,
      message: "is given",
    },
  ]);
});

describe("substantive", () => {
  const at = (text: string) => proposal({ finance: { affordability: text } });
  const check = (minWords?: number): CheckInput => ({ kind: "substantive", path: "/finance/affordability", ...(minWords === undefined ? {} : { minWords }) });
  table([
    {
      name: "12 words pass the default minimum",
      proposal: at(words(12)),
      check: check(),
      pass: true,
      pointer: "/finance/affordability",
      message: "has 12 words",
    },
    { name: "11 words fail the default minimum", proposal: at(words(11)), check: check(), pass: false, message: "has 11 words; at least 12" },
    { name: "exactly minWords passes", proposal: at(words(30)), check: check(30), pass: true },
    { name: "one below minWords fails", proposal: at(words(29)), check: check(30), pass: false, message: "has 29 words" },
    { name: "one word passes minWords 1", proposal: at("Agreed"), check: check(1), pass: true },
    { name: "numbers are words", proposal: at("2024 2025 2026"), check: check(3), pass: true },
    { name: "punctuation-only runs are not words", proposal: at("alpha - beta — gamma ..."), check: check(4), pass: false, message: "has 3 words" },
    { name: "runs of whitespace count once", proposal: at("  alpha \n\n beta\t\tgamma  "), check: check(3), pass: true },
    { name: "missing text fails", proposal: proposal(), check: check(1), pass: false, pointer: "/finance/affordability", message: "is missing" },
    { name: "an empty string fails", proposal: at(""), check: check(1), pass: false, message: "/finance/affordability is empty" },
    { name: "whitespace-only text fails", proposal: at(" \n\t "), check: check(1), pass: false, message: "is empty" },
    {
      name: "a number is not text",
      proposal: proposal({ population: { description: "Adults", size: 12 } }),
      check: { kind: "substantive", path: "/population/size", minWords: 1 },
      pass: false,
    },
    { name: "TBC is a placeholder", proposal: at("TBC"), check: check(1), pass: false, message: "deferral 'TBC' at /finance/affordability" },
    { name: "tbc. with punctuation is a placeholder", proposal: at("  tbc.  "), check: check(1), pass: false, message: "deferral 'tbc.'" },
    { name: "(TBD) is a placeholder", proposal: at("(TBD)"), check: check(1), pass: false, message: "deferral '(TBD)'" },
    { name: "N/A is a placeholder", proposal: at("N/A"), check: check(1), pass: false, message: "not-applicable answer 'N/A'" },
    { name: "n/a is a placeholder", proposal: at("n/a"), check: check(1), pass: false, message: "not-applicable answer 'n/a'" },
    { name: "NA is a placeholder", proposal: at("NA"), check: check(1), pass: false, message: "not-applicable answer 'NA'" },
    { name: "to follow is a placeholder", proposal: at("To follow."), check: check(1), pass: false, message: "deferral 'To follow.'" },
    { name: "to be confirmed is a placeholder", proposal: at("To be confirmed"), check: check(1), pass: false, message: "deferral 'To be confirmed'" },
    { name: "none is a placeholder", proposal: at("None"), check: check(1), pass: false, message: "not-applicable answer 'None'" },
    { name: "dashes are a placeholder", proposal: at("---"), check: check(1), pass: false, message: "template placeholder '---'" },
    { name: "xxx is a placeholder", proposal: at("XXX"), check: check(1), pass: false, message: "template placeholder 'XXX'" },
    { name: "question marks are a placeholder", proposal: at("???"), check: check(1), pass: false, message: "template placeholder '???'" },
    {
      name: "long lorem ipsum is a placeholder whatever its length",
      proposal: at("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."),
      check: check(),
      pass: false,
      message: "template placeholder 'Lorem ipsum",
    },
    {
      name: "a placeholder word inside real text is fine",
      proposal: at("N/A for inpatients because the ward keeps all of its beds"),
      check: check(10),
      pass: true,
    },
    { name: "X-ray is not a placeholder", proposal: at("X-ray"), check: check(1), pass: true },
    {
      name: "* over a list: all must pass",
      proposal: proposal({ engagement: { changesMade: [{ feedback: "Parking", change: "We added forty spaces at the north entrance" }] } }),
      check: { kind: "substantive", path: "/engagement/changesMade/*/change", minWords: 6 },
      pass: true,
      pointer: "/engagement/changesMade/0/change",
    },
    {
      name: "* over a list: the first failing item",
      proposal: proposal({
        engagement: {
          changesMade: [
            { feedback: "Parking", change: "We added forty spaces at the north entrance" },
            { feedback: "Buses", change: "TBC" },
            { feedback: "Signs", change: "Done" },
          ],
        },
      }),
      check: { kind: "substantive", path: "/engagement/changesMade/*/change", minWords: 6 },
      pass: false,
      pointer: "/engagement/changesMade/1/change",
      message: "deferral 'TBC' at /engagement/changesMade/1/change",
    },
    {
      name: "* with no match fails",
      proposal: proposal({ engagement: {} }),
      check: { kind: "substantive", path: "/engagement/changesMade/*/change" },
      pass: false,
      pointer: "/engagement/changesMade",
      message: "none recorded at /engagement/changesMade",
    },
    {
      name: "own message on failure",
      proposal: at("TBC"),
      check: { kind: "substantive", path: "/finance/affordability", message: "Explain affordability" },
      pass: false,
    },
    {
      name: "own message not said on a pass",
      proposal: at(words(12)),
      check: { kind: "substantive", path: "/finance/affordability", message: "Explain affordability" },
      pass: true,
      message: "has 12 words",
    },
  ]);
});

describe("evidence", () => {
  table([
    {
      name: "no register fails",
      proposal: proposal(),
      check: { kind: "evidence", types: ["research"] },
      pass: false,
      pointer: "/evidence",
      message: "no research evidence in the evidence register",
    },
    {
      name: "an empty register fails",
      proposal: proposal({ evidence: [] }),
      check: { kind: "evidence", types: ["research"] },
      pass: false,
      pointer: "/evidence",
    },
    {
      name: "no item of the type fails",
      proposal: proposal({ evidence: register, caseForChange: { evidence: ["E1", "E2", "E3", "E4"] } }),
      check: { kind: "evidence", types: ["eqia", "qia"] },
      pass: false,
      message: "no eqia or qia evidence",
    },
    {
      name: "in the register but cited nowhere fails",
      proposal: proposal({ evidence: register }),
      check: { kind: "evidence", types: ["audit"] },
      pass: false,
      pointer: "/evidence",
      message: "audit evidence (E3) is in the register but not cited",
    },
    {
      name: "cited anywhere passes without citedAt",
      proposal: proposal({ evidence: register, caseForChange: { evidence: ["E3"] } }),
      check: { kind: "evidence", types: ["audit"] },
      pass: true,
      pointer: "/evidence",
      message: "E3 (audit) is cited",
    },
    {
      name: "cited deep in a list passes without citedAt",
      proposal: proposal({ evidence: register, pathway: { partnerSupport: [{ organisation: "Council", position: "supports", evidence: ["E4"] }] } }),
      check: { kind: "evidence", types: ["letter-of-support"] },
      pass: true,
    },
    {
      name: "cited at citedAt passes",
      proposal: proposal({ evidence: register, population: population(["E2"]) }),
      check: { kind: "evidence", types: ["data-analysis", "research"], citedAt: "/population/evidence" },
      pass: true,
      pointer: "/population/evidence",
      message: "E2 (data-analysis) is cited",
    },
    {
      name: "citedAt may name the section that holds the list",
      proposal: proposal({ evidence: register, population: population(["E2"]) }),
      check: { kind: "evidence", types: ["data-analysis"], citedAt: "/population" },
      pass: true,
    },
    {
      name: "cited elsewhere than citedAt fails",
      proposal: proposal({ evidence: register, population: population([]), caseForChange: { evidence: ["E2"] } }),
      check: { kind: "evidence", types: ["data-analysis"], citedAt: "/population/evidence" },
      pass: false,
      pointer: "/population/evidence",
      message: "not cited at /population/evidence",
    },
    {
      name: "in the register, uncited, with citedAt fails",
      proposal: proposal({ evidence: register }),
      check: { kind: "evidence", types: ["data-analysis"], citedAt: "/population/evidence" },
      pass: false,
      pointer: "/population/evidence",
    },
    {
      name: "cited in a response's evidence (citedAt the response)",
      proposal: proposal({ evidence: register, responses: { "LDN-6": { text: "See the trial", evidence: ["E1"] } } }),
      check: { kind: "evidence", types: ["research"], citedAt: "/responses/LDN-6" },
      pass: true,
      pointer: "/responses/LDN-6",
    },
    {
      name: "cited in a response's evidence (citedAt the list)",
      proposal: proposal({ evidence: register, responses: { "LDN-6": { text: "See the trial", evidence: ["E1"] } } }),
      check: { kind: "evidence", types: ["research"], citedAt: "/responses/LDN-6/evidence" },
      pass: true,
    },
    {
      name: "cited in another response fails",
      proposal: proposal({ evidence: register, responses: { "LDN-5": { text: "See the trial", evidence: ["E1"] }, "LDN-6": { text: "Nothing" } } }),
      check: { kind: "evidence", types: ["research"], citedAt: "/responses/LDN-6" },
      pass: false,
      pointer: "/responses/LDN-6",
    },
    {
      name: "a response's text is not a citation",
      proposal: proposal({ evidence: register, responses: { "LDN-6": { text: "E1" } } }),
      check: { kind: "evidence", types: ["research"], citedAt: "/responses/LDN-6" },
      pass: false,
    },
    {
      name: "any of several types",
      proposal: proposal({ evidence: register, outcomes: { evidence: ["E3"] } }),
      check: { kind: "evidence", types: ["national-guidance", "audit"], citedAt: "/outcomes/evidence" },
      pass: true,
      message: "E3",
    },
    {
      name: "minGrade: graded below fails",
      proposal: proposal({ evidence: [register[4]!], caseForChange: { evidence: ["E5"] } }),
      check: { kind: "evidence", types: ["research"], minGrade: "low" },
      pass: false,
      pointer: "/evidence",
      message: "no research evidence graded low or better",
    },
    {
      name: "minGrade: the same grade passes",
      proposal: proposal({ evidence: register, caseForChange: { evidence: ["E2"] } }),
      check: { kind: "evidence", types: ["data-analysis"], minGrade: "low" },
      pass: true,
    },
    {
      name: "minGrade: a higher grade passes",
      proposal: proposal({ evidence: register, caseForChange: { evidence: ["E1"] } }),
      check: { kind: "evidence", types: ["research"], minGrade: "moderate" },
      pass: true,
      message: "E1",
    },
    {
      name: "minGrade: an ungraded item fails",
      proposal: proposal({ evidence: register, caseForChange: { evidence: ["E3"] } }),
      check: { kind: "evidence", types: ["audit"], minGrade: "very-low" },
      pass: false,
      message: "graded very-low or better",
    },
    {
      name: "minGrade: the well-graded item must be the cited one",
      proposal: proposal({ evidence: register, caseForChange: { evidence: ["E5"] } }),
      check: { kind: "evidence", types: ["research"], minGrade: "moderate" },
      pass: false,
      message: "research evidence (E1) is in the register but not cited",
    },
    {
      name: "minGrade with citedAt",
      proposal: proposal({ evidence: register, caseForChange: { evidence: ["E1"] }, responses: { "LDN-6": { text: "x", evidence: ["E5"] } } }),
      check: { kind: "evidence", types: ["research"], minGrade: "low", citedAt: "/responses/LDN-6" },
      pass: false,
      pointer: "/responses/LDN-6",
      message: "not cited at /responses/LDN-6",
    },
    {
      name: "own message on failure",
      proposal: proposal({ evidence: register }),
      check: { kind: "evidence", types: ["audit"], citedAt: "/quality/evidence", message: "Cite the audit" },
      pass: false,
      pointer: "/quality/evidence",
    },
    {
      name: "own message not said on a pass",
      proposal: proposal({ evidence: register, quality: { evidence: ["E3"] } }),
      check: { kind: "evidence", types: ["audit"], citedAt: "/quality/evidence", message: "Cite the audit" },
      pass: true,
      message: "is cited",
    },
  ]);
});

describe("covers", () => {
  const eqia = (characteristics: NonNullable<NonNullable<NonNullable<Proposal["equality"]>["eqia"]>["characteristics"]>) =>
    proposal({ equality: { eqia: { characteristics } } });
  const nine: CheckInput = { kind: "covers", path: "/equality/eqia/characteristics", keys: [...PROTECTED_CHARACTERISTICS] };
  const { race: _race, sex: _sex, ...sevenCharacteristics } = allCharacteristics;
  const ageGroups = (groups: ("children-and-young-people" | "working-age-adults" | "older-people")[]) => proposal({ mentalHealth: { ageGroups: groups } });
  const allAges: CheckInput = { kind: "covers", path: "/mentalHealth/ageGroups", keys: ["children-and-young-people", "working-age-adults", "older-people"] };
  table([
    {
      name: "a record with every key",
      proposal: eqia(allCharacteristics),
      check: nine,
      pass: true,
      pointer: "/equality/eqia/characteristics",
      message: "covers all 9",
    },
    {
      name: "a record missing keys names them in order",
      proposal: eqia(sevenCharacteristics),
      check: nine,
      pass: false,
      message: "covers 7 of 9; missing: race, sex",
    },
    { name: "an empty record", proposal: eqia({}), check: nine, pass: false, message: "covers 0 of 9" },
    { name: "a missing record", proposal: proposal(), check: nine, pass: false, pointer: "/equality/eqia/characteristics", message: "is missing" },
    {
      name: "extra keys do not matter",
      proposal: eqia(allCharacteristics),
      check: { kind: "covers", path: "/equality/eqia/characteristics", keys: ["age", "race"] },
      pass: true,
    },
    {
      name: "a list of strings with every key",
      proposal: ageGroups(["older-people", "working-age-adults", "children-and-young-people"]),
      check: allAges,
      pass: true,
    },
    {
      name: "a list of strings missing a key",
      proposal: ageGroups(["children-and-young-people", "working-age-adults"]),
      check: allAges,
      pass: false,
      message: "missing: older-people",
    },
    { name: "an empty list", proposal: ageGroups([]), check: allAges, pass: false, message: "covers 0 of 3" },
    {
      name: "repeats do not count twice",
      proposal: ageGroups(["older-people", "older-people", "older-people"]),
      check: allAges,
      pass: false,
      message: "covers 1 of 3",
    },
    {
      name: "carbon scopes",
      proposal: proposal({ sustainability: { carbon: { baselineTco2e: 10, changeTco2e: -1, scopes: ["1", "3"] } } }),
      check: { kind: "covers", path: "/sustainability/carbon/scopes", keys: ["1", "2", "3"] },
      pass: false,
      message: "missing: 2",
    },
    {
      name: "a list of objects with field",
      proposal: proposal({ equality: travel(30, 40) }),
      check: { kind: "covers", path: "/equality/access/travelTime", keys: ["IMD 1", "IMD 2"], field: "group" },
      pass: true,
    },
    {
      name: "a list of objects with field, missing a key",
      proposal: proposal({ equality: travel(30) }),
      check: { kind: "covers", path: "/equality/access/travelTime", keys: ["IMD 1", "IMD 2"], field: "group" },
      pass: false,
      message: "missing: IMD 2",
    },
    {
      name: "a list of objects without field covers nothing",
      proposal: proposal({ equality: travel(30, 40) }),
      check: { kind: "covers", path: "/equality/access/travelTime", keys: ["IMD 1"] },
      pass: false,
      message: "covers 0 of 1",
    },
    {
      name: "field naming a non-string field covers nothing",
      proposal: proposal({ equality: travel(30, 40) }),
      check: { kind: "covers", path: "/equality/access/travelTime", keys: ["30"], field: "proposedMinutes" },
      pass: false,
    },
    {
      name: "a text is neither a record nor a list",
      proposal: proposal(),
      check: { kind: "covers", path: "/metadata/title", keys: ["Test"] },
      pass: false,
      message: "/metadata/title is text, not a list or a map",
    },
    { name: "own message on failure", proposal: eqia({}), check: { ...nine, message: "Cover all nine characteristics" }, pass: false },
    { name: "own message not said on a pass", proposal: eqia(allCharacteristics), check: { ...nine, message: "Cover all nine characteristics" }, pass: true },
  ]);
});

describe("range", () => {
  const baseline = (baselineTco2e: number) => proposal({ sustainability: { carbon: { baselineTco2e, changeTco2e: -3.5 } } });
  const path = "/sustainability/carbon/baselineTco2e";
  table([
    { name: "min is inclusive", proposal: baseline(0), check: { kind: "range", path, min: 0 }, pass: true, pointer: path, message: "is 0" },
    { name: "max is inclusive", proposal: baseline(100), check: { kind: "range", path, max: 100 }, pass: true },
    { name: "both bounds inclusive: low end", proposal: baseline(10), check: { kind: "range", path, min: 10, max: 20 }, pass: true },
    { name: "both bounds inclusive: high end", proposal: baseline(20), check: { kind: "range", path, min: 10, max: 20 }, pass: true },
    {
      name: "just below min",
      proposal: baseline(9.99),
      check: { kind: "range", path, min: 10, max: 20 },
      pass: false,
      message: "is 9.99; expected between 10 and 20",
    },
    { name: "just above max", proposal: baseline(20.01), check: { kind: "range", path, min: 10, max: 20 }, pass: false, message: "expected between 10 and 20" },
    { name: "above a max alone", proposal: baseline(101), check: { kind: "range", path, max: 100 }, pass: false, message: "expected at most 100" },
    { name: "no bounds: any number", proposal: baseline(12345), check: { kind: "range", path }, pass: true },
    {
      name: "negative numbers",
      proposal: baseline(1),
      check: { kind: "range", path: "/sustainability/carbon/changeTco2e", max: 0 },
      pass: true,
      message: "is -3.5",
    },
    {
      name: "a missing number fails",
      proposal: proposal(),
      check: { kind: "range", path, min: 0 },
      pass: false,
      pointer: path,
      message: "is missing (the proposal has no sustainability); expected at least 0",
    },
    { name: "text is not a number", proposal: proposal(), check: { kind: "range", path: "/metadata/version", min: 0 }, pass: false },
    { name: "no bounds still needs a number", proposal: proposal(), check: { kind: "range", path }, pass: false, message: "baselineTco2e is missing" },
    {
      name: "* every match within bounds",
      proposal: proposal({ equality: travel(30, 45) }),
      check: { kind: "range", path: "/equality/access/travelTime/*/proposedMinutes", max: 45 },
      pass: true,
      pointer: "/equality/access/travelTime/*/proposedMinutes",
    },
    {
      name: "* the first match out of bounds",
      proposal: proposal({ equality: travel(30, 46, 60) }),
      check: { kind: "range", path: "/equality/access/travelTime/*/proposedMinutes", max: 45 },
      pass: false,
      pointer: "/equality/access/travelTime/1/proposedMinutes",
    },
    {
      name: "* with no match",
      proposal: proposal({ equality: travel() }),
      check: { kind: "range", path: "/equality/access/travelTime/*/proposedMinutes", max: 45 },
      pass: false,
      pointer: "/equality/access/travelTime",
    },
    { name: "own message on failure", proposal: proposal(), check: { kind: "range", path, min: 0, message: "Give a carbon baseline" }, pass: false },
  ]);
});

describe("count", () => {
  const problems = (n: number) => proposal({ caseForChange: { problems: Array.from({ length: n }, (_, i) => `Problem ${i + 1}`) } });
  const path = "/caseForChange/problems";
  table([
    {
      name: "missing counts as none",
      proposal: proposal(),
      check: { kind: "count", path },
      pass: false,
      pointer: path,
      message: "none recorded at /caseForChange/problems; at least 1 expected",
    },
    { name: "an empty list", proposal: problems(0), check: { kind: "count", path }, pass: false },
    { name: "default min is 1", proposal: problems(1), check: { kind: "count", path }, pass: true, message: "/caseForChange/problems has 1 item" },
    { name: "min 2 with one", proposal: problems(1), check: { kind: "count", path, min: 2 }, pass: false, message: "has 1 item; at least 2 expected" },
    { name: "min 2 with two", proposal: problems(2), check: { kind: "count", path, min: 2 }, pass: true },
    { name: "max is inclusive", proposal: problems(3), check: { kind: "count", path, max: 3 }, pass: true },
    { name: "above max", proposal: problems(4), check: { kind: "count", path, max: 3 }, pass: false, message: "has 4 items; 1 to 3 expected" },
    { name: "min 0 accepts a missing list", proposal: proposal(), check: { kind: "count", path, min: 0 }, pass: true },
    {
      name: "a record counts its keys",
      proposal: proposal({ responses: { "LDN-1": { text: "a" }, "LDN-2": { text: "b" } } }),
      check: { kind: "count", path: "/responses", min: 2 },
      pass: true,
    },
    {
      name: "an empty record",
      proposal: proposal({ responses: {} }),
      check: { kind: "count", path: "/responses" },
      pass: false,
      message: "none recorded at /responses",
    },
    { name: "text is not a list", proposal: proposal(), check: { kind: "count", path: "/metadata/title" }, pass: false },
    { name: "own message on failure", proposal: problems(0), check: { kind: "count", path, message: "List the problems" }, pass: false },
    { name: "own message not said on a pass", proposal: problems(1), check: { kind: "count", path, message: "List the problems" }, pass: true },
  ]);
});

describe("equals", () => {
  const mh = (investmentProtected: boolean) => proposal({ mentalHealth: { investmentProtected } });
  const path = "/mentalHealth/investmentProtected";
  const options = (...preferred: (boolean | undefined)[]) =>
    proposal({ options: { items: preferred.map((p, i) => ({ id: `${i + 1}`, title: `Option ${i + 1}`, ...(p === undefined ? {} : { preferred: p }) })) } });
  table([
    { name: "true equals true", proposal: mh(true), check: { kind: "equals", path, value: true }, pass: true, pointer: path, message: "is true" },
    { name: "false is not true", proposal: mh(false), check: { kind: "equals", path, value: true }, pass: false, message: "is false; expected true" },
    { name: "false equals false", proposal: mh(false), check: { kind: "equals", path, value: false }, pass: true },
    {
      name: "missing is not false",
      proposal: proposal(),
      check: { kind: "equals", path, value: false },
      pass: false,
      message: "is missing (the proposal has no mentalHealth); expected false",
    },
    {
      name: "a string",
      proposal: proposal({ sustainability: { netZeroBuildingStandard: "complies" } }),
      check: { kind: "equals", path: "/sustainability/netZeroBuildingStandard", value: "complies" },
      pass: true,
    },
    {
      name: "a different string",
      proposal: proposal({ sustainability: { netZeroBuildingStandard: "does-not-comply" } }),
      check: { kind: "equals", path: "/sustainability/netZeroBuildingStandard", value: "complies" },
      pass: false,
      message: '"does-not-comply"; expected "complies"',
    },
    { name: "a number", proposal: beds(24, 16), check: { kind: "equals", path: "/beds/current", value: 24 }, pass: true },
    { name: "no type coercion", proposal: beds(24, 16), check: { kind: "equals", path: "/beds/current", value: "24" }, pass: false },
    { name: "schemaVersion is the string 1, not the number", proposal: proposal(), check: { kind: "equals", path: "/schemaVersion", value: 1 }, pass: false },
    {
      name: "* all equal",
      proposal: options(true, true),
      check: { kind: "equals", path: "/options/items/*/preferred", value: true },
      pass: true,
      message: "all 2",
    },
    {
      name: "* the first that differs",
      proposal: options(true, undefined, false),
      check: { kind: "equals", path: "/options/items/*/preferred", value: true },
      pass: false,
      pointer: "/options/items/1/preferred",
      message: "is missing",
    },
    {
      name: "* no match",
      proposal: options(),
      check: { kind: "equals", path: "/options/items/*/preferred", value: true },
      pass: false,
      pointer: "/options/items",
    },
    { name: "own message on failure", proposal: mh(false), check: { kind: "equals", path, value: true, message: "Confirm the MHIS is met" }, pass: false },
  ]);
});

describe("compare", () => {
  const cmp = (op: "lt" | "le" | "eq" | "ge" | "gt"): CheckInput => ({ kind: "compare", left: "/beds/proposed", op, right: "/beds/current" });
  table([
    {
      name: "16 lt 24",
      proposal: beds(24, 16),
      check: cmp("lt"),
      pass: true,
      pointer: "/beds/proposed",
      message: "/beds/proposed (16) is less than /beds/current (24)",
    },
    { name: "16 le 24", proposal: beds(24, 16), check: cmp("le"), pass: true },
    { name: "16 eq 24", proposal: beds(24, 16), check: cmp("eq"), pass: false, pointer: "/beds/proposed", message: "is not equal to" },
    { name: "16 ge 24", proposal: beds(24, 16), check: cmp("ge"), pass: false, message: "is not at least" },
    { name: "16 gt 24", proposal: beds(24, 16), check: cmp("gt"), pass: false, message: "(16) is not greater than /beds/current (24)" },
    { name: "20 lt 20", proposal: beds(20, 20), check: cmp("lt"), pass: false },
    { name: "20 le 20", proposal: beds(20, 20), check: cmp("le"), pass: true },
    { name: "20 eq 20", proposal: beds(20, 20), check: cmp("eq"), pass: true },
    { name: "20 ge 20", proposal: beds(20, 20), check: cmp("ge"), pass: true },
    { name: "20 gt 20", proposal: beds(20, 20), check: cmp("gt"), pass: false },
    { name: "0 lt 0", proposal: beds(0, 0), check: cmp("lt"), pass: false },
    { name: "30 gt 20", proposal: beds(20, 30), check: cmp("gt"), pass: true },
    {
      name: "across sections, negative numbers",
      proposal: proposal({ sustainability: { carbon: { baselineTco2e: 0, changeTco2e: -2 } } }),
      check: { kind: "compare", left: "/sustainability/carbon/changeTco2e", op: "lt", right: "/sustainability/carbon/baselineTco2e" },
      pass: true,
    },
    {
      name: "left missing",
      proposal: proposal({ population: { description: "Adults", size: 10 } }),
      check: { kind: "compare", left: "/beds/proposed", op: "lt", right: "/population/size" },
      pass: false,
      pointer: "/beds/proposed",
      message: "/beds/proposed is missing",
    },
    {
      name: "right missing",
      proposal: beds(24, 16),
      check: { kind: "compare", left: "/beds/proposed", op: "lt", right: "/population/size" },
      pass: false,
      pointer: "/population/size",
      message: "/population/size is missing",
    },
    { name: "both missing: the left is reported", proposal: proposal(), check: cmp("lt"), pass: false, pointer: "/beds/proposed" },
    {
      name: "text is not a number",
      proposal: beds(24, 16),
      check: { kind: "compare", left: "/metadata/version", op: "lt", right: "/beds/current" },
      pass: false,
      pointer: "/metadata/version",
    },
    { name: "own message on failure", proposal: beds(24, 30), check: { ...cmp("lt"), message: "Beds must go down" }, pass: false },
    { name: "own message not said on a pass", proposal: beds(24, 16), check: { ...cmp("lt"), message: "Beds must go down" }, pass: true },
  ]);
});

describe("schema", () => {
  const interdependencies = (...mitigations: (string | undefined)[]) =>
    proposal({
      pathway: {
        interdependencies: mitigations.map((m, i) => ({ service: `Service ${i + 1}`, impact: "More demand", ...(m === undefined ? {} : { mitigation: m }) })),
      },
    });
  const eachMitigated: CheckInput = {
    kind: "schema",
    path: "/pathway/interdependencies",
    schema: { type: "array", minItems: 1, items: { type: "object", required: ["mitigation"], properties: { mitigation: { type: "string", minLength: 1 } } } },
  };
  const noUnknown: CheckInput = {
    kind: "schema",
    path: "/equality/eqia/characteristics",
    schema: { type: "object", additionalProperties: { type: "object", properties: { impact: { not: { const: "unknown" } } } } },
  };
  table([
    {
      name: "a valid value passes",
      proposal: interdependencies("Extra ED staff", "Transport"),
      check: eachMitigated,
      pass: true,
      pointer: "/pathway/interdependencies",
      message: "is as required",
    },
    { name: "a missing value fails", proposal: proposal(), check: eachMitigated, pass: false, pointer: "/pathway/interdependencies", message: "is missing" },
    {
      name: "a failing item: the instance path is in the pointer",
      proposal: interdependencies("Extra ED staff", undefined),
      check: eachMitigated,
      pass: false,
      pointer: "/pathway/interdependencies/1",
      message: "/pathway/interdependencies/1 has no mitigation",
    },
    {
      name: "a failing property: the full instance path",
      proposal: interdependencies("Extra ED staff", "Transport", ""),
      check: eachMitigated,
      pass: false,
      pointer: "/pathway/interdependencies/2/mitigation",
      message: "/pathway/interdependencies/2/mitigation is shorter than 1 character",
    },
    {
      name: "a failure at the root: the path itself",
      proposal: interdependencies(),
      check: eachMitigated,
      pass: false,
      pointer: "/pathway/interdependencies",
      message: "/pathway/interdependencies has fewer than 1 item",
    },
    {
      name: "a failing record value",
      proposal: proposal({ equality: { eqia: { characteristics: { age: { impact: "neutral" }, race: { impact: "unknown" } } } } }),
      check: noUnknown,
      pass: false,
      pointer: "/equality/eqia/characteristics/race/impact",
      message: '/equality/eqia/characteristics/race/impact is "unknown", which the check rules out',
    },
    {
      name: "a passing record",
      proposal: proposal({ equality: { eqia: { characteristics: { age: { impact: "neutral" }, race: { impact: "negative" } } } } }),
      check: noUnknown,
      pass: true,
    },
    { name: "an empty record passes additionalProperties", proposal: proposal({ equality: { eqia: { characteristics: {} } } }), check: noUnknown, pass: true },
    {
      name: "contains",
      proposal: proposal({ options: { items: [{ id: "A", title: "Do more" }] } }),
      check: { kind: "schema", path: "/options/items", schema: { type: "array", contains: { type: "object", required: ["doNothing"] } } },
      pass: false,
      pointer: "/options/items",
      message: "/options/items has no item that meets the condition",
    },
    {
      name: "a type mismatch",
      proposal: beds(24, 16),
      check: { kind: "schema", path: "/beds/current", schema: { type: "string" } },
      pass: false,
      message: "/beds/current is not a string",
    },
    { name: "an empty schema accepts any value", proposal: beds(24, 16), check: { kind: "schema", path: "/beds", schema: {} }, pass: true },
    {
      name: "an empty schema still needs a value",
      proposal: proposal(),
      check: { kind: "schema", path: "/beds", schema: {} },
      pass: false,
      message: "is missing",
    },
    {
      name: "own message on failure",
      proposal: interdependencies(undefined),
      check: { ...eachMitigated, message: "Mitigate every interdependency" },
      pass: false,
    },
    {
      name: "own message not said on a pass",
      proposal: interdependencies("x"),
      check: { ...eachMitigated, message: "Mitigate every interdependency" },
      pass: true,
    },
  ]);
});

const has = (path: string): CheckInput => ({ kind: "present", path });
const withBeds = beds(24, 16);

describe("all", () => {
  table([
    {
      name: "every check passes",
      proposal: withBeds,
      check: { kind: "all", checks: [has("/beds/current"), has("/beds/proposed")] },
      pass: true,
      pointer: "/beds/current",
    },
    {
      name: "the first failure is reported",
      proposal: withBeds,
      check: { kind: "all", checks: [has("/beds/current"), has("/beds/newTreatments"), has("/beds/efficiencyPlan")] },
      pass: false,
      pointer: "/beds/newTreatments",
      message: "/beds/newTreatments is missing",
    },
    { name: "a single check", proposal: withBeds, check: { kind: "all", checks: [has("/finance")] }, pass: false, pointer: "/finance" },
    {
      name: "an inner check's own message",
      proposal: withBeds,
      check: { kind: "all", checks: [{ ...has("/beds/newTreatments"), message: "Name the new treatments" }] },
      pass: false,
      message: "Name the new treatments",
    },
    {
      name: "nested all",
      proposal: withBeds,
      check: {
        kind: "all",
        checks: [
          { kind: "all", checks: [has("/beds/current")] },
          { kind: "all", checks: [has("/beds/proposed"), has("/beds/alternativeProvision")] },
        ],
      },
      pass: false,
      pointer: "/beds/alternativeProvision",
    },
    {
      name: "all with any and not inside",
      proposal: withBeds,
      check: {
        kind: "all",
        checks: [
          { kind: "any", checks: [has("/finance"), has("/beds/current")] },
          { kind: "not", check: { kind: "compare", left: "/beds/proposed", op: "gt", right: "/beds/current" } },
        ],
      },
      pass: true,
    },
    {
      name: "own message on failure",
      proposal: withBeds,
      check: { kind: "all", checks: [has("/beds/current"), has("/finance")], message: "Costs and beds" },
      pass: false,
    },
    {
      name: "own message not said on a pass",
      proposal: withBeds,
      check: { kind: "all", checks: [has("/beds/current")], message: "Costs and beds" },
      pass: true,
    },
  ]);
});

describe("any", () => {
  table([
    { name: "one passes", proposal: withBeds, check: { kind: "any", checks: [has("/finance"), has("/beds/current")] }, pass: true, pointer: "/beds/current" },
    {
      name: "none passes: says what each wanted",
      proposal: withBeds,
      check: { kind: "any", checks: [has("/finance"), has("/workforce")] },
      pass: false,
      pointer: "/finance",
      message: "none of: /finance is missing; or /workforce is missing",
    },
    {
      name: "nested any inside any",
      proposal: withBeds,
      check: { kind: "any", checks: [has("/finance"), { kind: "any", checks: [has("/workforce"), has("/beds/proposed")] }] },
      pass: true,
      pointer: "/beds/proposed",
    },
    {
      name: "any of all",
      proposal: withBeds,
      check: {
        kind: "any",
        checks: [
          { kind: "all", checks: [has("/beds/current"), has("/beds/efficiencyPlan")] },
          { kind: "all", checks: [has("/beds/proposed"), has("/beds/newTreatments")] },
        ],
      },
      pass: false,
      message: "none of: /beds/efficiencyPlan is missing; or /beds/newTreatments is missing",
    },
    {
      name: "own message on failure",
      proposal: withBeds,
      check: { kind: "any", checks: [has("/finance")], message: "Say something about money" },
      pass: false,
    },
    {
      name: "own message not said on a pass",
      proposal: withBeds,
      check: { kind: "any", checks: [has("/beds")], message: "Say something about money" },
      pass: true,
    },
  ]);
});

describe("not", () => {
  table([
    { name: "a failing check makes it pass", proposal: withBeds, check: { kind: "not", check: has("/finance") }, pass: true, pointer: "/finance" },
    {
      name: "a passing check makes it fail",
      proposal: withBeds,
      check: { kind: "not", check: has("/beds/current") },
      pass: false,
      pointer: "/beds/current",
      message: "/beds/current is given, which the check rules out",
    },
    { name: "not not", proposal: withBeds, check: { kind: "not", check: { kind: "not", check: has("/beds/current") } }, pass: true },
    {
      name: "not any: none may pass",
      proposal: withBeds,
      check: { kind: "not", check: { kind: "any", checks: [has("/finance"), has("/beds/proposed")] } },
      pass: false,
      pointer: "/beds/proposed",
    },
    {
      name: "not all: at least one fails",
      proposal: withBeds,
      check: { kind: "not", check: { kind: "all", checks: [has("/beds/current"), has("/finance")] } },
      pass: true,
    },
    {
      name: "not over a wildcard with no match passes",
      proposal: proposal(),
      check: { kind: "not", check: has("/equality/mitigations/*/owner") },
      pass: true,
    },
    {
      name: "no partner opposes",
      proposal: proposal({ pathway: { partnerSupport: [{ organisation: "Council", position: "supports" }] } }),
      check: { kind: "not", check: { kind: "equals", path: "/pathway/partnerSupport/*/position", value: "opposes" } },
      pass: true,
    },
    { name: "own message on failure", proposal: withBeds, check: { kind: "not", check: has("/beds"), message: "Beds must not be given" }, pass: false },
    {
      name: "own message not said on a pass",
      proposal: withBeds,
      check: { kind: "not", check: has("/finance"), message: "Finance must not be given" },
      pass: true,
      message: "/finance is missing",
    },
  ]);
});

describe("custom x- checks", () => {
  const enoughOptions = defineCheck({
    kind: "x-enough-options",
    params: z.strictObject({ min: z.number().int().min(0).default(2) }),
    run({ min }, p) {
      const n = p.options?.items.length ?? 0;
      return n >= min
        ? { pass: true, pointer: "/options/items", message: `${n} options appraised` }
        : { pass: false, pointer: "/options/items", message: `${n} options appraised; at least ${min} needed` };
    },
  });
  const custom = customChecks([enoughOptions]);
  const options = (n: number) => proposal({ options: { items: Array.from({ length: n }, (_, i) => ({ id: `${i + 1}`, title: `Option ${i + 1}` })) } });
  table(
    [
      { name: "passes", proposal: options(2), check: { kind: "x-enough-options" }, pass: true, pointer: "/options/items", message: "2 options appraised" },
      { name: "fails with its own pointer and message", proposal: options(1), check: { kind: "x-enough-options" }, pass: false, message: "at least 2 needed" },
      { name: "params are parsed", proposal: options(2), check: { kind: "x-enough-options", params: { min: 3 } }, pass: false, message: "at least 3 needed" },
      { name: "missing data", proposal: proposal(), check: { kind: "x-enough-options", params: { min: 1 } }, pass: false, message: "0 options" },
      { name: "own message on failure", proposal: options(0), check: { kind: "x-enough-options", message: "Appraise more options" }, pass: false },
      { name: "own message not said on a pass", proposal: options(3), check: { kind: "x-enough-options", message: "Appraise more options" }, pass: true },
      {
        name: "nested inside all, any and not",
        proposal: options(1),
        check: { kind: "all", checks: [{ kind: "any", checks: [has("/finance"), { kind: "not", check: { kind: "x-enough-options" } }] }] },
        pass: true,
      },
      {
        name: "an unregistered kind fails",
        proposal: options(3),
        check: { kind: "x-not-registered" },
        pass: false,
        pointer: "",
        message: "custom check x-not-registered is not registered",
      },
    ],
    custom,
  );

  it("is not registered without the custom checks", () => {
    const outcome = evaluateCheck(Check.parse({ kind: "x-enough-options" }), checkContext(options(3)));
    expect(outcome).toMatchObject({ pass: false, message: "custom check x-enough-options is not registered" });
  });
});

describe("fixed bugs stay fixed", () => {
  it("substantive: lorem ipsum spread over several lines is a placeholder", () => {
    const p = proposal({
      finance: {
        affordability: "Lorem ipsum dolor sit amet, consectetur adipiscing elit,\nsed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
      },
    });
    expect(evaluateCheck(Check.parse({ kind: "substantive", path: "/finance/affordability" }), checkContext(p)).pass).toBe(false);
  });

  it.each([
    { kind: "count", path: "/pathway/partnerSupport/*/evidence" },
    { kind: "evidence", types: ["letter-of-support"], citedAt: "/pathway/partnerSupport/*/evidence" },
    { kind: "compare", left: "/beds/current", op: "gt", right: "/options/items/*/score" },
  ])("a * where the check kind reads one place is rejected when the framework loads ($kind)", (check) => {
    const fw = structuredClone(BUILTIN_FRAMEWORKS["london-2020"]);
    fw.principles[0]?.criteria[0]?.checks.push(Check.parse(check));
    const result = validateFramework(fw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: "bad_check", pointer: expect.stringMatching(/\/(path|citedAt|right)$/) });
  });
});
