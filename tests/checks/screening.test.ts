import { describe, expect, it } from "vitest";
import { checkContext, evaluateCheck } from "../../src/checks/registry.js";
import { Check, type CheckInput } from "../../src/model/check.js";
import type { Proposal } from "../../src/model/proposal.js";
import { proposal } from "../helpers/proposal.js";

// Every check kind screens what it reads: a non-answer counts as missing, and the message quotes it.

interface Case {
  name: string;
  proposal: Proposal;
  check: CheckInput;
  code: string;
  /** The message, exactly. */
  message: string;
}

function run(p: Proposal, check: CheckInput) {
  return evaluateCheck(Check.parse(check), checkContext(p));
}

const risk = (mitigation: string) => ({ description: "Longer transfer times for women in labour", likelihood: 3, impact: 4, mitigation });
const register = (title: string): NonNullable<Proposal["evidence"]> => [{ id: "E1", type: "qia", title, grade: "high" }];

const CASES: Case[] = [
  {
    name: "present: a deferral",
    proposal: proposal({ finance: { fundingSource: "TBC" } }),
    check: { kind: "present", path: "/finance/fundingSource" },
    code: "non_answer",
    message: "deferral 'TBC' at /finance/fundingSource",
  },
  {
    name: "present: a section whose every field is a non-answer",
    proposal: proposal({ workforce: { need: "TBC", supply: "Unknown", gap: "See appendix 4" } }),
    check: { kind: "present", path: "/workforce" },
    code: "non_answer",
    // Fields are read in sorted order: gap, need, supply.
    message: "bare reference 'See appendix 4' at /workforce/gap",
  },
  {
    name: "present: a list whose only item is named TBC",
    proposal: proposal({ engagement: { staff: { clinicalLeads: [{ name: "TBC", role: "Clinical director" }] } } }),
    check: { kind: "present", path: "/engagement/staff/clinicalLeads" },
    code: "non_answer",
    message: "deferral 'TBC' at /engagement/staff/clinicalLeads/0/name",
  },
  {
    name: "substantive: an unknown baseline",
    proposal: proposal({ outcomes: { measures: [{ name: "Door to needle", baseline: "Not currently measured", target: "60 minutes", by: "2027-03-31" }] } }),
    check: { kind: "substantive", path: "/outcomes/measures/*/baseline", minWords: 1 },
    code: "non_answer",
    message: "unknown answer 'Not currently measured' at /outcomes/measures/0/baseline",
  },
  {
    name: "substantive: a bare reference",
    proposal: proposal({ workforce: { gap: "See appendix 4" } }),
    check: { kind: "substantive", path: "/workforce/gap", minWords: 1 },
    code: "non_answer",
    message: "bare reference 'See appendix 4' at /workforce/gap",
  },
  {
    name: "substantive: an init placeholder",
    proposal: proposal({ finance: { fundingSource: "<funding source of the finance>" } }),
    check: { kind: "substantive", path: "/finance/fundingSource", minWords: 3 },
    code: "non_answer",
    message: "template placeholder '<funding source of the finance>' at /finance/fundingSource",
  },
  {
    name: "covers: an entry that is only a non-answer covers nothing, and is named",
    proposal: proposal({
      equality: { eqia: { characteristics: { age: { impact: "neutral", evidence: "Survey of 400 patients" }, race: { impact: "unknown", evidence: "TBC" } } } },
    }),
    check: { kind: "covers", path: "/equality/eqia/characteristics", keys: ["age", "race"] },
    code: "missing_keys",
    message:
      "/equality/eqia/characteristics covers 1 of 2; missing: race (it is there only as a non-answer, such as deferral 'TBC' at /equality/eqia/characteristics/race/evidence)",
  },
  {
    name: "count: a clinical lead named TBC is not counted",
    proposal: proposal({ engagement: { staff: { clinicalLeads: [{ name: "TBC", role: "Clinical director" }] } } }),
    check: { kind: "count", path: "/engagement/staff/clinicalLeads", min: 1 },
    code: "too_few_items",
    message:
      "/engagement/staff/clinicalLeads has 0 items; at least 1 expected; 1 non-answer not counted, such as deferral 'TBC' at /engagement/staff/clinicalLeads/0/name",
  },
  {
    name: "count: non-answers among real items",
    proposal: proposal({ pathway: { settings: ["Hyper-acute stroke unit", "N/A", "See above"] } }),
    check: { kind: "count", path: "/pathway/settings", min: 2 },
    code: "too_few_items",
    message: "/pathway/settings has 1 item; at least 2 expected; 2 non-answers not counted, such as not-applicable answer 'N/A' at /pathway/settings/1",
  },
  {
    name: "evidence: a register item with a placeholder title is not evidence",
    proposal: proposal({ evidence: register("<title of the evidence>"), quality: { evidence: ["E1"] } }),
    check: { kind: "evidence", types: ["qia"], citedAt: "/quality/evidence" },
    code: "no_evidence",
    message: "no qia evidence in the evidence register; template placeholder '<title of the evidence>' at /evidence/0/title does not count",
  },
  {
    name: "evidence: the proposal listed as evidence for itself does not count",
    proposal: proposal({
      metadata: { title: "Future of maternity services at Wealdmoor" },
      evidence: [{ id: "E1", type: "business-case", title: "Future of Maternity Services at Wealdmoor." }],
      finance: { evidence: ["E1"] },
    }),
    check: { kind: "evidence", types: ["business-case"], citedAt: "/finance/evidence" },
    code: "no_evidence",
    message:
      "no business-case evidence in the evidence register; bare reference 'Future of Maternity Services at Wealdmoor.' at /evidence/0/title does not count",
  },
  {
    name: "equals: a non-answer where true/false was expected",
    proposal: proposal({ sustainability: { netZeroBuildingStandard: "not-applicable" } }),
    check: { kind: "equals", path: "/sustainability/netZeroBuildingStandard", value: "complies" },
    code: "non_answer",
    message: "not-applicable answer 'not-applicable' at /sustainability/netZeroBuildingStandard",
  },
  {
    name: "range: text where a number was expected",
    proposal: proposal({ finance: { fundingSource: "£XXm" } }),
    check: { kind: "range", path: "/finance/fundingSource", min: 0 },
    code: "non_answer",
    message: "template placeholder '£XXm' at /finance/fundingSource",
  },
  {
    name: "compare: text where a number was expected",
    proposal: proposal({ finance: { fundingSource: "TBC" }, beds: { current: 24, proposed: 16 } }),
    check: { kind: "compare", left: "/finance/fundingSource", op: "lt", right: "/beds/current" },
    code: "non_answer",
    message: "deferral 'TBC' at /finance/fundingSource",
  },
  {
    name: "schema: a required mitigation of TBC fails like a missing one",
    proposal: proposal({ quality: { qia: { risks: [risk("Extra midwife on every shift"), risk("TBC")] } } }),
    check: { kind: "schema", path: "/quality/qia/risks", schema: { type: "array", items: { type: "object", required: ["mitigation"] } } },
    code: "non_answer",
    message: "deferral 'TBC' at /quality/qia/risks/1/mitigation",
  },
  {
    name: "schema: a non-answer that is not where it failed is named after the failure",
    proposal: proposal({ pathway: { settings: ["Home", "TBC"] } }),
    check: { kind: "schema", path: "/pathway/settings", schema: { type: "array", minItems: 2 } },
    code: "invalid",
    message: "/pathway/settings has fewer than 2 items, not counting non-answers such as deferral 'TBC' at /pathway/settings/1",
  },
  {
    name: "schema: a commissioner named TBC is not the commissioner a fragment asks for",
    proposal: proposal({
      evidence: [{ id: "E1", type: "letter-of-support", title: "ICB board minute" }],
      pathway: {
        partnerSupport: [
          { organisation: "TBC", role: "commissioner", position: "supports", evidence: ["E1"] },
          { organisation: "Riverside Community Trust", role: "provider", position: "supports", evidence: ["E1"] },
        ],
      },
    }),
    check: {
      kind: "schema",
      path: "/pathway/partnerSupport",
      schema: { type: "array", contains: { type: "object", required: ["role"], properties: { role: { const: "commissioner" } } } },
    },
    code: "invalid",
    message:
      "/pathway/partnerSupport has no item that meets the condition, not counting non-answers such as deferral 'TBC' at /pathway/partnerSupport/0/organisation",
  },
  {
    name: "schema: a list whose every item is a placeholder says nothing, even to a fragment that only rules something out",
    proposal: proposal({
      pathway: { partnerSupport: [{ organisation: "<one of the organisations>", position: "not-yet-known", evidence: ["E1"] }] },
    }),
    check: {
      kind: "schema",
      path: "/pathway/partnerSupport",
      schema: { type: "array", not: { contains: { type: "object", properties: { position: { const: "opposes" } }, required: ["position"] } } },
    },
    code: "non_answer",
    message: "template placeholder '<one of the organisations>' at /pathway/partnerSupport/0/organisation",
  },
];

describe("each check kind counts a non-answer as missing and quotes it", () => {
  it.each(CASES)("$name", ({ proposal: p, check, code, message }) => {
    const outcome = run(p, check);
    expect(outcome.pass).toBe(false);
    expect(outcome.code).toBe(code);
    expect(outcome.message).toBe(message);
  });

  it("a framework's own message goes first, and the quote stays", () => {
    const outcome = run(proposal({ quality: { qia: { risks: [risk("TBC")] } } }), {
      kind: "substantive",
      path: "/quality/qia/risks/*/mitigation",
      minWords: 3,
      message: "At least one QIA risk has no mitigation",
    });
    expect(outcome.message).toBe("At least one QIA risk has no mitigation: deferral 'TBC' at /quality/qia/risks/0/mitigation");
    expect(outcome.values).toEqual({ pointer: "/quality/qia/risks/0/mitigation", kind: "deferral", text: "TBC", found: "/quality/qia/risks/0/mitigation" });
  });
});

describe("screening never turns a real answer or a ruled-out value into a pass", () => {
  it("genuine answers holding a non-answer phrase pass", () => {
    const p = proposal({ quality: { qia: { risks: [risk("Pending approval, the interim pathway runs from site A with 4 beds")] } } });
    expect(run(p, { kind: "substantive", path: "/quality/qia/risks/*/mitigation", minWords: 5 }).pass).toBe(true);
    expect(run(p, { kind: "schema", path: "/quality/qia/risks", schema: { type: "array", items: { required: ["mitigation"] } } }).pass).toBe(true);
  });

  it("equals passes on the value it expects, even one that reads as a non-answer", () => {
    const p = proposal({ sustainability: { netZeroBuildingStandard: "not-applicable" } });
    expect(run(p, { kind: "equals", path: "/sustainability/netZeroBuildingStandard", value: "not-applicable" }).pass).toBe(true);
  });

  it("a fragment that rules out a value the catalogue knows still sees it", () => {
    const p = proposal({ equality: { eqia: { characteristics: { race: { impact: "unknown", evidence: "Ethnicity is recorded for 61% of attendances" } } } } });
    const noUnknown = { type: "object", additionalProperties: { properties: { impact: { not: { const: "unknown" } } } } };
    const outcome = run(p, { kind: "schema", path: "/equality/eqia/characteristics", schema: noUnknown });
    expect(outcome).toMatchObject({
      pass: false,
      code: "invalid",
      message: '/equality/eqia/characteristics/race/impact is "unknown", which the check rules out',
    });
  });

  it("a list item named by a non-answer still fails a rule on its other fields", () => {
    // Dropping the unnamed row must not hide that it has no mitigation: each screening only adds a condition.
    const p = proposal({
      pathway: {
        interdependencies: [
          { service: "Ambulance", impact: "Longer journeys", mitigation: "Two extra crews" },
          { service: "TBC", impact: "TBC" },
        ],
      },
    });
    const outcome = run(p, { kind: "schema", path: "/pathway/interdependencies", schema: { type: "array", items: { required: ["mitigation"] } } });
    expect(outcome).toMatchObject({ pass: false, message: "/pathway/interdependencies/1 has no mitigation" });
  });

  it("a fragment that only allows some values is not loosened by dropping the others", () => {
    const p = proposal({ pathway: { partnerSupport: [{ organisation: "Riverside ICB", role: "commissioner", position: "not-yet-known", evidence: ["E1"] }] } });
    const known = { type: "array", items: { properties: { position: { enum: ["supports", "conditional", "opposes"] } } } };
    const outcome = run(
      { ...p, evidence: [{ id: "E1", type: "letter-of-support", title: "Letter" }] },
      { kind: "schema", path: "/pathway/partnerSupport", schema: known },
    );
    expect(outcome).toMatchObject({
      pass: false,
      message: '/pathway/partnerSupport/0/position is "not-yet-known", not one of "supports", "conditional", "opposes"',
    });
  });
});
