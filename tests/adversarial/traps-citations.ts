import { type CorpusDocument, STROKE } from "./types.js";

// Citations that lead nowhere: evidence that is not in the register (rejected when the document is
// read), evidence items and responses that point at each other, and the proposal cited as its own evidence.

const p = "partially-met" as const;

export const CITATION_DOCUMENTS: CorpusDocument[] = [
  {
    file: "circular-citations.yaml",
    base: STROKE,
    traps: [
      {
        what: "the options appraisal in the register is titled 'See E19'",
        category: "citation",
        at: "/evidence/9/title",
        kind: "evidence",
        shape: "name",
        flags: { "LDN-7.6": p, "WM-3.1": p },
        message: "bare reference 'See E19' at /evidence/9/title does not count",
      },
      {
        what: "the register of interests is titled 'As per E10', which points back at the first",
        category: "citation",
        at: "/evidence/18/title",
        kind: "evidence",
        shape: "name",
        flags: { "WM-1.1": p },
        message: "bare reference 'As per E10' at /evidence/18/title does not count",
      },
      {
        what: "the LDN-3 response says 'See our response to LDN-6.'",
        category: "citation",
        at: "/responses/LDN-3/text",
        kind: "substantive",
        shape: "text",
        flags: { "LDN-3.2": p },
        message: "bare reference 'See our response to LDN-6.' at /responses/LDN-3/text",
      },
      {
        what: "the LDN-6 response says 'Covered under LDN-3 above.', which points back",
        category: "citation",
        at: "/responses/LDN-6/text",
        kind: "substantive",
        shape: "text",
        flags: { "LDN-6.5": p },
        message: "bare reference 'Covered under LDN-3 above.' at /responses/LDN-6/text",
      },
    ],
  },
  {
    file: "self-citation.yaml",
    base: STROKE,
    traps: [
      {
        what: "the business case cited for the finances is 'This pre-consultation business case'",
        category: "citation",
        at: "/evidence/10/title",
        kind: "evidence",
        shape: "name",
        flags: { "LDN-7.1": p },
        message: "bare reference 'This pre-consultation business case' at /evidence/10/title does not count",
      },
      {
        what: "the engagement report is 'This document, section 6', and the survey 'As set out in the engagement section above'",
        category: "citation",
        at: "/evidence/7/title",
        kind: "evidence",
        shape: "name",
        flags: { "LDN-2.5": p, "WM-2.2": p, "WM-5.2": p, "NHSE-1.6": p, "NHSE-2.2": p },
        message: "bare reference 'This document, section 6 (engagement)' at /evidence/7/title",
      },
      {
        what: "the workforce plan in the register has the proposal's own title",
        category: "citation",
        at: "/evidence/11/title",
        kind: "evidence",
        shape: "name",
        flags: { "LDN-7.3": p, "NHSE-5.2": p },
        message: "bare reference 'Hyper-acute stroke care: the proposal cites itself' at /evidence/11/title does not count",
      },
    ],
  },
  {
    file: "dangling-citations.yaml",
    base: STROKE,
    traps: [],
    rejects: [
      { what: "the case for change cites E31, which is not in the register", category: "citation", at: "/caseForChange/evidence/5", code: "unknown_evidence" },
      { what: "the LDN-6 response cites E42, which is not in the register", category: "citation", at: "/responses/LDN-6/evidence/6", code: "unknown_evidence" },
    ],
  },
  {
    file: "dangling-citation.md",
    base: STROKE,
    traps: [],
    rejects: [
      {
        what: "the LDN-6 section cites [E77], which is not in the register",
        category: "citation",
        at: "/responses/LDN-6/evidence/6",
        code: "unknown_evidence",
      },
    ],
  },
];
