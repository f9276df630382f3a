import { describe, expect, it } from "vitest";
import { checkContext, evaluateCheck } from "../../src/checks/registry.js";
import { Check, type CheckInput } from "../../src/model/check.js";
import type { Proposal } from "../../src/model/proposal.js";
import { proposal } from "../helpers/proposal.js";

/** A row: a proposal, a check as a framework writes it, the verdict, the code and text the outcome must carry. */
interface Row {
  name: string;
  proposal: Proposal;
  check: CheckInput;
  pass: boolean;
  code: string;
  says?: string[];
}

function table(rows: Row[]): void {
  it.each(rows)("$name", ({ proposal: p, check, pass, code, says = [] }) => {
    const outcome = evaluateCheck(Check.parse(check), checkContext(p));
    expect(outcome.pass).toBe(pass);
    expect(outcome.code).toBe(code);
    for (const s of says) expect(outcome.message).toContain(s);
  });
}

const money = (capitalCost: number) => proposal({ finance: { capitalCost } });
const carbon = (baselineTco2e: number, changeTco2e: number) => proposal({ sustainability: { carbon: { baselineTco2e, changeTco2e } } });
const occupancy = (occupancyPercent: number) => proposal({ beds: { efficiency: { occupancyPercent } } });

describe("plausible: a figure a quantity of its kind can take", () => {
  table([
    {
      name: "negative money is implausible",
      proposal: money(-250000),
      check: { kind: "plausible", path: "/finance/capitalCost", min: 0 },
      pass: false,
      code: "implausible",
      says: ["/finance/capitalCost is -250000", "at least 0"],
    },
    { name: "zero money is plausible", proposal: money(0), check: { kind: "plausible", path: "/finance/capitalCost", min: 0 }, pass: true, code: "plausible" },
    {
      name: "a percentage above 100 is implausible",
      proposal: occupancy(140),
      check: { kind: "plausible", path: "/beds/efficiency/occupancyPercent", min: 0, max: 100 },
      pass: false,
      code: "implausible",
      says: ["is 140", "between 0 and 100"],
    },
    {
      name: "a percentage of 92 is plausible",
      proposal: occupancy(92),
      check: { kind: "plausible", path: "/beds/efficiency/occupancyPercent", min: 0, max: 100 },
      pass: true,
      code: "plausible",
    },
    {
      name: "a wildcard that matches nothing has nothing implausible",
      proposal: proposal({ finance: { capitalCost: 10 } }),
      check: { kind: "plausible", path: "/finance/capitalBreakdown/*/amount", min: 0 },
      pass: true,
      code: "not_given",
    },
    {
      name: "a figure not given has nothing implausible",
      proposal: proposal({}),
      check: { kind: "plausible", path: "/finance/capitalCost", min: 0 },
      pass: true,
      code: "not_given",
    },
    {
      name: "every match of a wildcard is read",
      proposal: proposal({
        beds: {
          byType: [
            { type: "acute", netChange: -4 },
            { type: "stroke", netChange: 2 },
          ],
        },
      }),
      check: { kind: "plausible", path: "/beds/byType/*/netChange", min: 0 },
      pass: false,
      code: "implausible",
      says: ["/beds/byType/0/netChange is -4"],
    },
  ]);
});

describe("consistent within-baseline: a reduction is no larger than its baseline", () => {
  const check: CheckInput = {
    kind: "consistent",
    rule: "within-baseline",
    change: "/sustainability/carbon/changeTco2e",
    baseline: "/sustainability/carbon/baselineTco2e",
  };
  table([
    {
      name: "a cut of 5,000,000 from 3,400 quotes both",
      proposal: carbon(3400, -5000000),
      check,
      pass: false,
      code: "exceeds_baseline",
      says: ["-5000000", "3400"],
    },
    { name: "a cut of 400 from 3,400 agrees", proposal: carbon(3400, -400), check, pass: true, code: "within_baseline" },
    { name: "a cut of the whole baseline agrees", proposal: carbon(3400, -3400), check, pass: true, code: "within_baseline" },
    { name: "a rise agrees", proposal: carbon(3400, 120), check, pass: true, code: "within_baseline" },
    { name: "no carbon figures: nothing to compare", proposal: proposal({}), check, pass: true, code: "not_compared" },
  ]);
});

describe("consistent net-change: proposed minus current is the stated change", () => {
  const check: CheckInput = { kind: "consistent", rule: "net-change", from: "/beds/current", to: "/beds/proposed", change: "/beds/netChange" };
  table([
    {
      name: "120 to 10 is not a change of -100",
      proposal: proposal({ beds: { current: 120, proposed: 10, netChange: -100 } }),
      check,
      pass: false,
      code: "change_differs",
      says: ["/beds/netChange is -100", "(10)", "(120)", "is -110"],
    },
    {
      name: "120 to 10 is a change of -110",
      proposal: proposal({ beds: { current: 120, proposed: 10, netChange: -110 } }),
      check,
      pass: true,
      code: "change_agrees",
    },
    { name: "a net change alone has nothing to agree with", proposal: proposal({ beds: { netChange: -110 } }), check, pass: true, code: "not_compared" },
  ]);
});

describe("consistent sum: parts add up to their total", () => {
  const check: CheckInput = { kind: "consistent", rule: "sum", total: "/beds/current", parts: "/beds/byType/*/current" };
  const byType = (current: number, ...parts: number[]) => proposal({ beds: { current, byType: parts.map((n, i) => ({ type: `type ${i}`, current: n })) } });
  table([
    {
      name: "60 + 50 is not 120",
      proposal: byType(120, 60, 50),
      check,
      pass: false,
      code: "sum_differs",
      says: ["/beds/current is 120", "adds up to 110 (2 items)"],
    },
    { name: "60 + 60 is 120", proposal: byType(120, 60, 60), check, pass: true, code: "sum_agrees" },
    { name: "no parts: nothing to add up", proposal: proposal({ beds: { current: 120 } }), check, pass: true, code: "not_compared" },
    {
      name: "a part without its figure leaves the sum unknown",
      proposal: proposal({ beds: { current: 120, byType: [{ type: "acute", current: 60 }, { type: "stroke" }] } }),
      check,
      pass: true,
      code: "not_compared",
    },
    {
      name: "at most: beds closed temporarily within the beds there are",
      proposal: proposal({ beds: { current: 24, temporaryClosures: [{ beds: 8 }, { beds: 4 }] } }),
      check: { kind: "consistent", rule: "sum", total: "/beds/current", parts: "/beds/temporaryClosures/*/beds", atMost: true },
      pass: true,
      code: "sum_within",
      says: ["adds up to 12 (2 items), no more than /beds/current (24)"],
    },
    {
      name: "at most: more beds closed than there are",
      proposal: proposal({ beds: { current: 24, temporaryClosures: [{ beds: 20 }, { beds: 10 }] } }),
      check: { kind: "consistent", rule: "sum", total: "/beds/current", parts: "/beds/temporaryClosures/*/beds", atMost: true },
      pass: false,
      code: "sum_exceeds",
      says: ["adds up to 30 (2 items), more than /beds/current (24)"],
    },
    {
      name: "a tolerance allows rounded figures",
      proposal: proposal({
        beds: {
          current: 120,
          byType: [
            { type: "a", current: 61 },
            { type: "b", current: 60 },
          ],
        },
      }),
      check: { ...check, tolerance: 1 },
      pass: true,
      code: "sum_agrees",
    },
  ]);
});

describe("covers within: keys narrowed to those a proposal declares", () => {
  const check: CheckInput = {
    kind: "covers",
    path: "/mentalHealth/ageGroups",
    keys: ["children-and-young-people", "working-age-adults", "older-people"],
    within: "/population/ageGroups",
  };
  const declared = (
    served: ("working-age-adults" | "older-people" | "children-and-young-people")[] | undefined,
    assessed: ("working-age-adults" | "older-people")[],
  ) =>
    proposal({
      population: { description: "Women who give birth in the borough", ...(served ? { ageGroups: served } : {}) },
      mentalHealth: { ageGroups: assessed },
    });
  table([
    {
      name: "a maternity service is not asked about older people",
      proposal: declared(["working-age-adults"], ["working-age-adults"]),
      check,
      pass: true,
      code: "covered",
      says: ["of those at /population/ageGroups"],
    },
    {
      name: "a declared group that is not assessed is named",
      proposal: declared(["working-age-adults", "older-people"], ["working-age-adults"]),
      check,
      pass: false,
      code: "missing_keys",
      says: ["covers 1 of 2 of those at /population/ageGroups", "missing: older-people"],
    },
    {
      name: "undeclared, every key is asked for",
      proposal: declared(undefined, ["working-age-adults"]),
      check,
      pass: false,
      code: "missing_keys",
      says: ["covers 1 of 3; missing: children-and-young-people, older-people"],
    },
  ]);
});
