import { z } from "zod";
import { Beds } from "./beds.js";
import { evidenceId, isoDate, link, schemaRef, schemaVersion, stage, text } from "./common.js";
import { dateOrPeriod, looseDate } from "./dates.js";
import { countOf, moneyAmount } from "./quantity.js";

const evidenceIds = z.array(evidenceId).describe("Ids of evidence register items that support this section.");

/** The nine protected characteristics of the Equality Act 2010. */
export const PROTECTED_CHARACTERISTICS = [
  "age",
  "disability",
  "gender-reassignment",
  "marriage-and-civil-partnership",
  "pregnancy-and-maternity",
  "race",
  "religion-or-belief",
  "sex",
  "sexual-orientation",
] as const;

/** The groups a digital-inclusion analysis is expected to consider. */
export const DIGITAL_EXCLUSION_GROUPS = ["older-people", "deprivation", "language", "disability", "connectivity"] as const;

export const evidenceType = z.enum([
  "research",
  "national-guidance",
  "professional-standard",
  "peer-review",
  "benchmarking",
  "expert-consensus",
  "data-analysis",
  "audit",
  "eqia",
  "qia",
  "health-inequalities-assessment",
  "engagement-report",
  "survey",
  "options-appraisal",
  "business-case",
  "workforce-plan",
  "carbon-assessment",
  "clinical-review",
  "letter-of-support",
  "dtac-assessment",
  "declaration-of-interests",
  "other",
]);

export const evidenceGrade = z.enum(["high", "moderate", "low", "very-low"]).describe("GRADE certainty of the evidence.");

const evidenceItem = z.strictObject({
  id: evidenceId,
  type: evidenceType,
  title: text,
  date: looseDate.optional(),
  link: link.optional(),
  grade: evidenceGrade.optional(),
  summary: z.string().optional(),
});

const metadata = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, . _ -")
    .describe("A stable id for the proposal, e.g. NCL-STROKE-2026."),
  title: text,
  version: text.describe("The draft version of the proposal document, e.g. 0.3."),
  stage,
  date: isoDate,
  sponsor: text.describe("The sponsoring organisation, e.g. an integrated care board."),
  region: text.describe("The NHS region or system, e.g. London."),
  summary: z.string().optional(),
  contact: z.string().optional(),
});

const caseForChange = z.strictObject({
  summary: text,
  problems: z.array(text).optional(),
  evidence: evidenceIds.optional(),
});

const option = z.strictObject({
  id: text,
  title: text,
  description: z.string().optional(),
  doNothing: z.boolean().optional().describe("True for the do-nothing or do-minimum option."),
  preferred: z.boolean().optional(),
  score: z.number().optional(),
});

const options = z.strictObject({
  appraisalCriteria: z
    .array(z.strictObject({ name: text, weight: z.number().min(0).optional() }))
    .optional()
    .describe("The criteria and weights options were scored against; leave out weight where the appraisal was unweighted."),
  weighting: z
    .enum(["weighted", "unweighted"])
    .optional()
    .describe("Whether the appraisal criteria carried weights; unweighted records an appraisal that scored every criterion alike."),
  fixedOn: looseDate.optional().describe("When the options were fixed (the shortlist agreed): a day, a month or a financial year."),
  criteriaSetBeforeScoring: z.boolean().optional().describe("True when the criteria and weights were fixed before options were scored."),
  method: z
    .string()
    .optional()
    .describe(
      "How the options were scored: who scored them, how declared interests were managed, and how scores were combined, moderated and tested against other weights.",
    ),
  assumptions: z
    .array(z.strictObject({ assumption: text, basis: z.string().optional() }))
    .optional()
    .describe("The main assumptions the options' modelling rests on (activity, length of stay, travel, workforce, cost), each with its basis or source."),
  dissentingViews: z
    .string()
    .optional()
    .describe(
      "Where panel members, clinicians, partners or the public disagreed with the options, their scoring or the preferred option: what they said and how each view was answered; or, where no one dissented, how consensus was tested.",
    ),
  items: z.array(option),
  evidence: evidenceIds.optional(),
});

const ageGroup = z.enum(["children-and-young-people", "working-age-adults", "older-people"]);

const population = z.strictObject({
  description: text,
  size: countOf.optional().describe('People served by the services affected: a whole number, or as written, e.g. "2.31 million".'),
  ageGroups: z
    .array(ageGroup)
    .optional()
    .describe(
      "The age groups the service is designed for. A service for one population (maternity, children's or older people's services) lists only its own, and is not asked about the others.",
    ),
  transitions: z
    .string()
    .optional()
    .describe("How people move between children's, adults' and older people's services at the edges of this one: ages, hand-over, joint care, who leads."),
  needsAssessment: z.string().optional(),
  evidence: evidenceIds.optional(),
});

const partnerPosition = z.enum(["supports", "conditional", "opposes", "not-yet-known"]);

const partnerRole = z.enum(["commissioner", "provider", "ambulance-service", "local-authority", "primary-care", "voluntary-sector", "other"]);

const pathway = z.strictObject({
  description: z.string().optional(),
  settings: z.array(text).optional().describe("Care settings the pathway crosses."),
  patientChoice: z
    .string()
    .optional()
    .describe(
      "The choices patients have now and will have after the change (of provider, site, setting, time or mode of care), and how they will be told about them.",
    ),
  interdependencies: z.array(z.strictObject({ service: text, impact: text, mitigation: z.string().optional() })).optional(),
  partnerSupport: z
    .array(
      z.strictObject({
        organisation: text,
        role: partnerRole
          .optional()
          .describe(
            "The kind of organisation; commissioner marks a clinical commissioner (an integrated care board, or NHS England for the services it commissions).",
          ),
        position: partnerPosition,
        evidence: evidenceIds.optional(),
      }),
    )
    .optional(),
});

const engagement = z.strictObject({
  beforeOptionsFixed: z.boolean().optional().describe("True when patients and the public were involved before options were fixed."),
  activities: z
    .array(
      z.strictObject({
        type: text,
        date: dateOrPeriod.describe("When it took place: a day, a month, or a period such as { from: 2018-06, to: 2018-09 }."),
        description: z.string().optional(),
        participants: countOf.optional(),
      }),
    )
    .optional(),
  groupsReached: z.array(text).optional(),
  changesMade: z
    .array(z.strictObject({ feedback: text, change: text }))
    .optional()
    .describe('What people said and how the proposal changed as a result ("you said, we did").'),
  staff: z
    .strictObject({
      description: z.string().optional(),
      clinicalLeads: z.array(z.strictObject({ name: text, role: text })).optional(),
    })
    .optional(),
  experienceMeasures: z.array(z.strictObject({ measure: text, baseline: text, target: text })).optional(),
  evidence: evidenceIds.optional(),
});

const impact = z.enum(["positive", "negative", "neutral", "mixed", "unknown"]);

const eqiaEntry = z.strictObject({ impact, evidence: z.string().optional() });

const equality = z.strictObject({
  eqia: z
    .strictObject({
      completed: isoDate.optional(),
      characteristics: z
        .partialRecord(z.enum(PROTECTED_CHARACTERISTICS), eqiaEntry, {
          // zod types this callback for the key and value issues, but an unknown key comes through it too.
          error: (issue) => ((issue.code as string) === "unrecognized_keys" ? "local characteristics go under /equality/eqia/localCharacteristics" : undefined),
        })
        .optional()
        .describe("Impact per protected characteristic."),
      localCharacteristics: z
        .record(z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens, e.g. carers"), eqiaEntry)
        .optional()
        .describe("Impact on groups the local EqIA adds beside the nine, e.g. carers, socio-economic-deprivation, armed-forces, rurality."),
    })
    .optional(),
  healthInequalities: z
    .strictObject({
      deprivation: z.string().optional(),
      inclusionGroups: z.string().optional(),
      geography: z.string().optional(),
      core20plus5: z.string().optional(),
    })
    .optional(),
  access: z
    .strictObject({
      summary: z.string().optional(),
      travelTime: z
        .array(
          z.strictObject({
            group: text.describe("e.g. IMD quintile 1 (most deprived)"),
            baselineMinutes: z.number().min(0),
            proposedMinutes: z.number().min(0),
            mode: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  digitalInclusion: z
    .strictObject({
      groups: z.array(z.enum(DIGITAL_EXCLUSION_GROUPS)).optional().describe("The groups at risk of digital exclusion that the analysis covers."),
      assessment: z.string().optional().describe("Who cannot use the remote or digital route, how many, and why."),
      nonDigitalRoute: z.string().optional().describe("The route for people who cannot or will not use the digital one, and how they are offered it."),
    })
    .optional()
    .describe("Where care moves to video, phone, app or online: who is excluded, and the non-digital route."),
  mitigations: z
    .array(
      z.strictObject({
        impact: text,
        action: text,
        owner: text,
        measure: text,
      }),
    )
    .optional()
    .describe("A mitigation, owner and measure for every adverse impact."),
  evidence: evidenceIds.optional(),
});

const mentalHealth = z.strictObject({
  impact: z.string().optional(),
  ageGroups: z.array(ageGroup).optional(),
  investmentProtected: z.boolean().optional().describe("True when mental-health spending meets the Mental Health Investment Standard."),
  integratedCare: z.string().optional(),
  evidence: evidenceIds.optional(),
});

const dtacResult = z.enum(["pass", "fail", "not-assessed"]);

const selfCare = z.strictObject({
  prevention: z.string().optional(),
  selfManagement: z.string().optional(),
  digitalTools: z
    .array(
      z.strictObject({
        name: text,
        dtac: z
          .strictObject({
            clinicalSafety: dtacResult,
            dataProtection: dtacResult,
            technicalSecurity: dtacResult,
            interoperability: dtacResult,
            usabilityAndAccessibility: z.string().optional(),
          })
          .optional(),
      }),
    )
    .optional(),
  demandEffect: z.strictObject({ description: text, assumptions: z.array(text).optional() }).optional(),
  evidence: evidenceIds.optional(),
});

const outcomes = z.strictObject({
  measures: z
    .array(
      z.strictObject({
        name: text,
        baseline: text,
        target: text,
        by: looseDate.describe("When the target is due: a day, a month or a financial year, e.g. 2028/29."),
      }),
    )
    .optional(),
  evaluationPlan: z.string().optional(),
  nationalGuidance: z
    .array(z.strictObject({ source: text, alignment: text }))
    .optional()
    .describe("National guidance (NICE, royal colleges, GIRFT, service specifications) mapped."),
  evidence: evidenceIds.optional(),
});

const qiaRisk = z.strictObject({
  description: text,
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  mitigation: z.string().optional(),
});

const quality = z.strictObject({
  qia: z
    .strictObject({
      completed: isoDate.optional(),
      threshold: z.number().int().min(1).max(25).optional(),
      risks: z.array(qiaRisk).optional(),
    })
    .optional(),
  evidence: evidenceIds.optional(),
});

const money = moneyAmount;

const costLines = z.array(z.strictObject({ item: text.describe("What the money is for, e.g. building works, equipment, staff."), amount: money })).optional();

const finance = z.strictObject({
  capitalCost: money.optional(),
  capitalBreakdown: costLines.describe("The parts of the capital cost; they add up to capitalCost."),
  revenueCostPerYear: money.optional(),
  revenueBreakdown: costLines.describe("The parts of the change in annual revenue cost (a saving is negative); they add up to revenueCostPerYear."),
  fundingSource: z.string().optional(),
  affordability: z.string().optional(),
  costToServiceUsers: z.string().optional(),
  longTermSustainability: z.string().optional(),
  unintendedConsequences: z.string().optional(),
  evidence: evidenceIds.optional(),
});

const wte = z.number().min(0);

const workforce = z.strictObject({
  wte: z
    .strictObject({
      required: wte.optional().describe("Whole-time equivalent staff the new model needs."),
      inPost: wte.optional().describe("Whole-time equivalent staff in post now."),
      gap: z.number().optional().describe("Required minus in post: positive is a shortfall."),
    })
    .optional()
    .describe("The workforce in whole-time equivalents (WTE), where the plan gives totals."),
  need: z.string().optional(),
  supply: z.string().optional(),
  gap: z.string().optional(),
  mitigation: z.string().optional(),
  evidence: evidenceIds.optional(),
});

const sustainability = z.strictObject({
  carbon: z
    .strictObject({
      baselineTco2e: z.number().min(0).describe("Baseline emissions, tonnes CO2e a year."),
      changeTco2e: z.number().describe("Change in emissions, tonnes CO2e a year (negative is a cut)."),
      includesTravel: z.boolean().optional(),
      scopes: z.array(z.enum(["1", "2", "3"])).optional(),
    })
    .optional(),
  greenPlan: z.string().optional().describe("How the change fits the Green Plan and 2040/2045 targets."),
  capitalScheme: z.boolean().optional(),
  netZeroBuildingStandard: z.enum(["complies", "does-not-comply", "not-applicable"]).optional(),
  adaptation: z.string().optional(),
  evidence: evidenceIds.optional(),
});

const response = z.strictObject({
  text: z.string(),
  evidence: evidenceIds.optional(),
});

/** A service-change proposal, assessable against any framework. */
export const Proposal = z
  .strictObject({
    $schema: schemaRef.optional(),
    schemaVersion,
    metadata,
    caseForChange,
    options: options.optional(),
    population: population.optional(),
    pathway: pathway.optional(),
    engagement: engagement.optional(),
    equality: equality.optional(),
    mentalHealth: mentalHealth.optional(),
    selfCare: selfCare.optional(),
    outcomes: outcomes.optional(),
    quality: quality.optional(),
    finance: finance.optional(),
    workforce: workforce.optional(),
    sustainability: sustainability.optional(),
    beds: Beds.optional(),
    evidence: z.array(evidenceItem).optional().describe("The evidence register."),
    responses: z
      .record(z.string().regex(/^[A-Z][A-Z0-9]*-\d+$/, "must be a principle id such as LDN-3"), response)
      .optional()
      .describe("A free-text response per principle id (e.g. LDN-3), citing evidence ids."),
  })
  .meta({ title: "Service-change proposal" });

export type Proposal = z.infer<typeof Proposal>;
export type EvidenceItem = z.infer<typeof evidenceItem>;
