import { type CorpusDocument, LOCAL_FRAMEWORK, STROKE } from "./types.js";

// Non-answers read by the check kinds other than substantive and count: covers, evidence, equals, and
// (through a local framework's own criteria) present, range and compare.

const p = "partially-met" as const;
const n = "not-met" as const;

export const KIND_DOCUMENTS: CorpusDocument[] = [
  {
    file: "eqia-unknown.yaml",
    base: STROKE,
    traps: [
      {
        what: "race and religion or belief present only as impact unknown, 'Not yet assessed' and 'TBD'",
        category: "non-answer",
        at: "/equality/eqia/characteristics/race",
        kind: "covers",
        shape: "table-cell",
        flags: { "LDN-3.7": p },
        message: "missing: race, religion-or-belief (each is there only as a non-answer, such as unknown answer 'Not yet assessed'",
      },
    ],
  },
  {
    file: "evidence-placeholders.yaml",
    base: STROKE,
    traps: [
      {
        what: "the QIA in the register titled '<title of the evidence>'",
        category: "init-placeholder",
        at: "/evidence/17/title",
        kind: "evidence",
        shape: "name",
        flags: { "LDN-6.7": p },
        message: "template placeholder '<title of the evidence>' at /evidence/17/title does not count",
      },
      {
        what: "the carbon assessment titled 'TBC'",
        category: "non-answer",
        at: "/evidence/12/title",
        kind: "evidence",
        shape: "name",
        flags: { "LDN-8.5": p },
        message: "deferral 'TBC' at /evidence/12/title does not count",
      },
      {
        what: "the workforce plan titled 'Workforce plan to follow'",
        category: "non-answer",
        at: "/evidence/11/title",
        kind: "evidence",
        shape: "name",
        flags: { "LDN-7.3": p, "NHSE-5.2": p },
        message: "deferral 'Workforce plan to follow' at /evidence/11/title does not count",
      },
    ],
  },
  {
    file: "not-applicable-where-required.yaml",
    base: STROKE,
    traps: [
      {
        what: "a capital scheme whose Net Zero Building Standard is 'not-applicable'",
        category: "non-answer",
        at: "/sustainability/netZeroBuildingStandard",
        kind: "equals",
        shape: "choice",
        flags: { "LDN-8.3": n },
        message: "not-applicable answer 'not-applicable' at /sustainability/netZeroBuildingStandard",
      },
      {
        what: "the mental-health impact 'Not applicable'",
        category: "non-answer",
        at: "/mentalHealth/impact",
        kind: "substantive",
        shape: "text",
        flags: { "LDN-4.1": p },
        message: "not-applicable answer 'Not applicable' at /mentalHealth/impact",
      },
      {
        what: "inclusion-health groups 'N/A'",
        category: "non-answer",
        at: "/equality/healthInequalities/inclusionGroups",
        kind: "substantive",
        shape: "text",
        flags: { "LDN-3.2": p },
        message: "not-applicable answer 'N/A' at /equality/healthInequalities/inclusionGroups",
      },
      {
        what: "the EqIA's evidence for sexual orientation 'N/A'",
        category: "non-answer",
        at: "/equality/eqia/characteristics/sexual-orientation/evidence",
        kind: "schema",
        shape: "table-cell",
        flags: { "LDN-3.7": p },
        message: "not-applicable answer 'N/A' at /equality/eqia/characteristics/sexual-orientation/evidence",
      },
    ],
  },
  {
    file: "local-framework-checks.yaml",
    frameworks: [LOCAL_FRAMEWORK],
    base: STROKE,
    traps: [
      {
        what: "the cost to service users 'TBC', read by a present check",
        category: "non-answer",
        at: "/finance/costToServiceUsers",
        kind: "present",
        shape: "text",
        flags: { "LDN-7.90": n },
        message: "deferral 'TBC' at /finance/costToServiceUsers",
      },
      {
        what: "a baseline 'XX minutes', read first by a range check",
        category: "non-answer",
        at: "/outcomes/measures/1/baseline",
        kind: "range",
        shape: "table-cell",
        flags: { "LDN-6.90": n },
        message: "none of: template placeholder 'XX minutes' at /outcomes/measures/1/baseline;",
      },
      {
        what: "a target 'TBD', read first by a compare check",
        category: "non-answer",
        at: "/outcomes/measures/2/target",
        kind: "compare",
        shape: "table-cell",
        flags: { "LDN-6.91": n },
        message: "none of: deferral 'TBD' at /outcomes/measures/2/target;",
      },
      {
        what: "the lead commissioner's position 'not-yet-known', read by an equals check",
        category: "non-answer",
        at: "/pathway/partnerSupport/0/position",
        kind: "equals",
        shape: "choice",
        flags: { "LDN-1.90": n, "LDN-1.4": p },
        message: "not-yet-known",
      },
    ],
  },
  {
    file: "partners-unnamed.yaml",
    base: STROKE,
    traps: [
      {
        what: "the two commissioners that 'support' are named 'TBC' and '<organisation of the partner support>'",
        category: "non-answer",
        at: "/pathway/partnerSupport/0/organisation",
        kind: "schema",
        shape: "name",
        flags: { "NHSE-4.1": n },
        message: "not counting non-answers such as deferral 'TBC' at /pathway/partnerSupport/0/organisation",
      },
    ],
  },
];
