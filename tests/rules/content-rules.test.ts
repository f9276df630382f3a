import { describe, expect, it } from "vitest";
import { assess } from "../../src/assess/assess.js";
import { builtinFramework } from "../../src/framework/builtin.js";
import type { Proposal } from "../../src/model/proposal.js";
import type { CriterionResult } from "../../src/model/report.js";
import { type ProposalOverrides, proposal } from "../helpers/proposal.js";

// The content rules of issue 11 (plausible figures, the bed test's three conditions, remote access,
// populations by design) and the beds model of issue 12, each with a document that fails and one that passes.

function criterion(framework: "london-2020" | "nhse-service-change", p: Proposal, id: string): CriterionResult {
  const loaded = builtinFramework(framework);
  if (!loaded) throw new Error(`${framework} is built in`);
  const report = assess(p, loaded);
  if (!report.ok) throw new Error(JSON.stringify(report.issues));
  const found = report.value.principles.flatMap((pr) => pr.criteria).find((c) => c.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

const failures = (c: CriterionResult) => c.checks.filter((k) => !k.pass).map((k) => k.message);
const nhse = (overrides: ProposalOverrides, id: string) => criterion("nhse-service-change", proposal(overrides), id);
const london = (overrides: ProposalOverrides, id: string) => criterion("london-2020", proposal(overrides), id);
const NOT_MET = ["not-met", "partially-met"];

const sentence = (n: number) => Array.from({ length: n }, (_, i) => `step${i + 1}`).join(" ");

describe("the bed test (NHSE-5.4): one of three conditions, each as data", () => {
  const fall = { current: 120, proposed: 100, closureDate: "2027-03-31" };

  it("applies where only the net change is given, and not where beds do not fall", () => {
    expect(nhse({ beds: { netChange: -110 } }, "NHSE-5.4").status).toBe("not-met");
    expect(nhse({ beds: { netChange: 4 } }, "NHSE-5.4").status).toBe("not-applicable");
    expect(nhse({ beds: { current: 40, proposed: 40 } }, "NHSE-5.4").status).toBe("not-applicable");
  });

  it("existing services that will cope are not alternative provision", () => {
    const existing = {
      description: "Existing community teams will absorb the demand",
      newOrExpanded: false,
      places: 20,
      workforce: "The current district nursing teams, with no new posts",
      funding: "Within existing community budgets",
      inPlaceBy: "2026-01-01",
    };
    const c = nhse({ beds: { ...fall, alternativeCapacity: existing, alternativeProvision: existing.description } }, "NHSE-5.4");
    expect(c.status).toBe("not-met");
    expect(failures(c).join()).toContain(
      "The capacity is not shown to be new or expanded (existing services absorbing the demand do not count): /beds/alternativeCapacity/newOrExpanded is false",
    );
  });

  it("new capacity, staffed, funded and open before the beds close goes to the panel", () => {
    const capacity = {
      description: "A 20-place virtual ward",
      newOrExpanded: true,
      places: 20,
      workforce: "Twelve WTE nurses recruited by January",
      funding: "Recurrent ICB funding agreed",
      inPlaceBy: "2026-12-01",
    };
    expect(nhse({ beds: { ...fall, alternativeCapacity: capacity } }, "NHSE-5.4").status).toBe("needs-review");
    expect(nhse({ beds: { ...fall, alternativeCapacity: { ...capacity, inPlaceBy: "2027-06-01" } } }, "NHSE-5.4").status).toBe("not-met");
  });

  it("narrative alone does not meet a condition", () => {
    const text = sentence(30);
    expect(nhse({ beds: { ...fall, newTreatments: text, efficiencyPlan: text } }, "NHSE-5.4").status).toBe("not-met");
  });

  const treatments = {
    treatments: "Same-day emergency care for pulmonary embolism",
    admissionCategories: ["low-risk pulmonary embolism"],
    evidenceOfEffect: "An audit at two trusts found 70 per cent of such patients went home the same day",
    admissionsPerYear: 400,
    admissionsAvoidedPerYear: 280,
    inPlaceBy: "2026-10-01",
  };

  it("specific new treatments avoiding specific admissions go to the panel", () => {
    expect(nhse({ beds: { ...fall, admissionAvoidance: treatments } }, "NHSE-5.4").status).toBe("needs-review");
  });

  it("more admissions avoided than happen now is a finding, with both figures", () => {
    const c = nhse({ beds: { ...fall, admissionAvoidance: { ...treatments, admissionsAvoidedPerYear: 900 } } }, "NHSE-5.4");
    expect(c.status).toBe("not-met");
    expect(failures(c).join()).toMatch(/900.*400/);
  });

  const efficiency = {
    currentLengthOfStayDays: 9.2,
    benchmarkLengthOfStayDays: 7.1,
    benchmark: "Model Hospital national median for general medicine",
    occupancyPercent: 94,
    plan: sentence(20),
    careSafeguards: "Readmissions within 30 days and mortality are tracked monthly",
    by: "2027-03-31",
  };

  it("length of stay above the national average, with a plan and safeguards, goes to the panel", () => {
    expect(nhse({ beds: { ...fall, efficiency } }, "NHSE-5.4").status).toBe("needs-review");
  });

  it("length of stay already below the benchmark does not meet the efficiency condition", () => {
    expect(nhse({ beds: { ...fall, efficiency: { ...efficiency, currentLengthOfStayDays: 6 } } }, "NHSE-5.4").status).toBe("not-met");
  });

  it("an occupancy above 100 per cent is implausible", () => {
    const c = nhse({ beds: { ...fall, efficiency: { ...efficiency, occupancyPercent: 140 } } }, "NHSE-5.4");
    expect(c.status).toBe("not-met");
    expect(failures(c).join()).toContain("/beds/efficiency/occupancyPercent is 140, which cannot be right");
  });
});

describe("bed figures agree (NHSE-5.5)", () => {
  const modelled = { evidence: ["E1"] };
  const register: ProposalOverrides = { evidence: [{ id: "E1", type: "data-analysis", title: "Bed model 2025" }] };

  it("a net change that disagrees with current and proposed is a gap quoting every figure", () => {
    const c = nhse({ ...register, beds: { current: 120, proposed: 10, netChange: -100, ...modelled } }, "NHSE-5.5");
    expect(NOT_MET).toContain(c.status);
    expect(failures(c)).toContain(
      "The bed figures disagree, so at least one of them is wrong: /beds/netChange is -100, but /beds/proposed (10) minus /beds/current (120) is -110",
    );
  });

  it("beds by type that do not add up to the total are a gap", () => {
    const byType = [
      { type: "acute medical", current: 70, proposed: 60 },
      { type: "stroke", current: 40, proposed: 40 },
    ];
    const c = nhse({ ...register, beds: { current: 120, proposed: 100, byType, ...modelled } }, "NHSE-5.5");
    expect(failures(c).join()).toContain("/beds/current is 120, but /beds/byType/*/current adds up to 110 (2 items)");
  });

  it("figures that agree, with a net change only or with every figure, are met", () => {
    expect(
      nhse(
        {
          ...register,
          beds: {
            netChange: -110,
            byType: [
              { type: "acute", netChange: -80 },
              { type: "rehab", netChange: -30 },
            ],
            ...modelled,
          },
        },
        "NHSE-5.5",
      ).status,
    ).toBe("met");
    const byType = [
      { type: "acute medical", current: 80, proposed: 60, netChange: -20 },
      { type: "stroke", current: 40, proposed: 40, netChange: 0 },
    ];
    expect(nhse({ ...register, beds: { current: 120, proposed: 100, netChange: -20, byType, ...modelled } }, "NHSE-5.5").status).toBe("met");
  });

  it("temporary closures already in effect are counted in the current beds, never more than them", () => {
    const beds = { current: 24, proposed: 16, temporaryClosures: [{ beds: 8, since: "2025-11-01", reason: "nurse staffing" }], ...modelled };
    expect(nhse({ ...register, beds }, "NHSE-5.5").status).toBe("met");
    const more = { ...beds, temporaryClosures: [{ beds: 20 }, { beds: 10 }] };
    expect(failures(nhse({ ...register, beds: more }, "NHSE-5.5")).join()).toContain(
      "/beds/temporaryClosures/*/beds adds up to 30 (2 items), more than /beds/current (24)",
    );
  });
});

describe("plausible figures in london-2020", () => {
  it("a carbon cut larger than its baseline is a gap with both values, never met (LDN-8.5)", () => {
    const c = london({ sustainability: { carbon: { baselineTco2e: 3400, changeTco2e: -5000000, includesTravel: true } } }, "LDN-8.5");
    expect(c.status).not.toBe("met");
    expect(failures(c).join()).toMatch(/-5000000.*3400/);
  });

  it("a negative capital cost is a gap (LDN-7.8); zero is an answer", () => {
    const negative = london({ finance: { capitalCost: -2500000, revenueCostPerYear: 0 } }, "LDN-7.8");
    expect(failures(negative).join()).toContain("The capital cost is negative; a saving belongs in the revenue cost: /finance/capitalCost is -2500000");
    const zero = london({ finance: { capitalCost: 0, revenueCostPerYear: 0 } }, "LDN-7.8");
    expect(zero.checks[0]?.pass).toBe(true);
  });

  it("cost breakdowns must add up to their totals (LDN-7.8)", () => {
    const capitalBreakdown = [
      { item: "Building works", amount: 15000000 },
      { item: "Equipment", amount: 2400000 },
    ];
    const revenueBreakdown = [
      { item: "Nurse staffing", amount: 2100000 },
      { item: "Savings from shorter stays", amount: -1400000 },
    ];
    const wrong = london({ finance: { capitalCost: 18400000, capitalBreakdown, revenueCostPerYear: 700000, revenueBreakdown } }, "LDN-7.8");
    expect(failures(wrong)[0]).toBe(
      "The parts of the capital cost do not add up to it: /finance/capitalCost is 18400000, but /finance/capitalBreakdown/*/amount adds up to 17400000 (2 items)",
    );
    const right = london({ finance: { capitalCost: 17400000, capitalBreakdown, revenueCostPerYear: 700000, revenueBreakdown } }, "LDN-7.8");
    expect(right.checks.slice(0, 2).every((k) => k.pass)).toBe(true);
    const revenue = london({ finance: { capitalCost: 0, revenueCostPerYear: 900000, revenueBreakdown } }, "LDN-7.8");
    expect(failures(revenue)[0]).toContain("/finance/revenueCostPerYear is 900000, but /finance/revenueBreakdown/*/amount adds up to 700000");
  });
});

describe("remote access: zero minutes by video is not a journey", () => {
  const rows = (mode: string, proposed: number) => [
    { group: "IMD quintile 1", baselineMinutes: 35, proposedMinutes: proposed, mode },
    { group: "IMD quintile 5", baselineMinutes: 20, proposedMinutes: proposed, mode },
  ];
  const access = (mode: string, proposed: number): ProposalOverrides => ({
    equality: { access: { travelTime: rows(mode, proposed), summary: sentence(14) } },
  });

  it.each([
    ["london-2020", "LDN-3.8"],
    ["nhse-service-change", "NHSE-2.5"],
  ] as const)("%s %s: video-only travel times are a gap that says so; journeys meet it", (framework, id) => {
    const video = criterion(framework, proposal(access("video", 0)), id);
    expect(video.status).toBe("partially-met");
    expect(failures(video).join()).toContain("zero minutes by a remote route");
    expect(criterion(framework, proposal(access("public transport", 42)), id).status).toBe("met");
  });

  it("a video-first proposal is asked for its digital-inclusion analysis and DTAC (LDN-3.9, LDN-5.4)", () => {
    const p = proposal(access("video", 0));
    expect(criterion("london-2020", p, "LDN-3.9").status).toBe("not-met");
    expect(criterion("london-2020", p, "LDN-5.4").status).toBe("not-met");
  });
});

describe("populations by design", () => {
  const maternity = (ageGroups?: ("working-age-adults" | "older-people" | "children-and-young-people")[]): ProposalOverrides => ({
    population: { description: "Women and birthing people in the borough", ...(ageGroups ? { ageGroups } : {}) },
    mentalHealth: { ageGroups: ["working-age-adults"] },
  });

  it("a maternity service that declares its population is not asked about older people (LDN-4.5)", () => {
    expect(london(maternity(["working-age-adults"]), "LDN-4.5").status).toBe("met");
    const undeclared = london(maternity(), "LDN-4.5");
    expect(undeclared.status).toBe("not-met");
    expect(failures(undeclared).join()).toContain("missing: children-and-young-people, older-people");
  });

  it("a video-first maternity service that declares its population is not asked about older people's digital exclusion (LDN-3.9)", () => {
    const assessment =
      "Around one in ten booked women have no smartphone or mobile data, mostly recent arrivals, younger mothers and women with a learning disability in the two most deprived wards, about 240 women a year.";
    const nonDigitalRoute = "Every appointment is offered face to face at the booking clinic by default, with an interpreter booked.";
    const digital = (groups: ("deprivation" | "language" | "disability" | "connectivity" | "older-people")[]) => ({
      access: { travelTime: [{ group: "booked women", baselineMinutes: 25, proposedMinutes: 0, mode: "video" }], summary: sentence(14) },
      digitalInclusion: { groups, assessment, nonDigitalRoute },
    });
    const withoutOlder = digital(["deprivation", "language", "disability", "connectivity"]);
    expect(london({ ...maternity(["working-age-adults"]), equality: withoutOlder }, "LDN-3.9").status).toBe("needs-review");
    // A service that does not declare its population, or serves older people, is still asked.
    const undeclared = london({ ...maternity(), equality: withoutOlder }, "LDN-3.9");
    expect(undeclared.status).toBe("partially-met");
    expect(failures(undeclared).join()).toContain("older people");
    expect(london({ ...maternity(["working-age-adults", "older-people"]), equality: withoutOlder }, "LDN-3.9").status).toBe("partially-met");
    // The other groups are asked of every service.
    const noLanguage = digital(["deprivation", "disability", "connectivity"]);
    expect(london({ ...maternity(["working-age-adults"]), equality: noLanguage }, "LDN-3.9").status).toBe("partially-met");
  });

  it("transitions are asked of a service that borders other ages, not of maternity (LDN-1.5)", () => {
    expect(london(maternity(["working-age-adults"]), "LDN-1.5").status).toBe("not-applicable");
    const children = { description: "Children's inpatient services", ageGroups: ["children-and-young-people" as const] };
    expect(london({ population: children }, "LDN-1.5").status).toBe("not-met");
    const transitions =
      "Young people move to adult services between 16 and 18 through joint clinics, a named transition worker and shared records, led by the adult team.";
    expect(london({ population: { ...children, transitions } }, "LDN-1.5").status).toBe("needs-review");
  });
});

describe("workforce figures in WTE (LDN-7.9)", () => {
  it("applies only where WTE totals are given", () => {
    expect(london({}, "LDN-7.9").status).toBe("not-applicable");
  });

  it("a gap that is not required minus in post is a gap quoting all three figures", () => {
    const c = london({ workforce: { wte: { required: 31, inPost: 14, gap: 12 } } }, "LDN-7.9");
    expect(c.status).toBe("not-met");
    expect(failures(c)).toEqual([
      "The workforce figures disagree, so at least one of them is wrong: /workforce/wte/gap is 12, but /workforce/wte/required (31) minus /workforce/wte/inPost (14) is 17",
    ]);
    expect(london({ workforce: { wte: { required: 31, inPost: 14, gap: 17 } } }, "LDN-7.9").status).toBe("met");
  });
});
