import { type CorpusDocument, STROKE } from "./types.js";

// Content that reads as an answer and cannot be true: implausible figures, impossible dates,
// remote-only access shown as zero-minute journeys, and bed closures that rely on existing services.
// Traps marked `awaits: "figures-in-text"` are figures written inside free text (a target of "140 per
// cent", a gap of "-26 WTE"): no rule reads numbers out of prose yet, so the test lists them as skipped
// rather than pretend they are caught.

const p = "partially-met" as const;
const n = "not-met" as const;

export const CONTENT_DOCUMENTS: CorpusDocument[] = [
  {
    file: "implausible-figures.yaml",
    base: STROKE,
    traps: [
      {
        what: "a carbon cut of 5,000,000 tCO2e against a baseline of 4,850",
        category: "implausible-figure",
        at: "/sustainability/carbon/changeTco2e",
        flags: { "LDN-8.5": p },
        message: "/sustainability/carbon/changeTco2e (-5000000) is not at least -1 × /sustainability/carbon/baselineTco2e",
      },
      {
        what: "a capital cost of -18.4 million pounds",
        category: "implausible-figure",
        at: "/finance/capitalCost",
        flags: { "LDN-7.8": p },
      },
      {
        what: "a target of 140 per cent of patients admitted to a stroke unit within four hours",
        category: "implausible-figure",
        at: "/outcomes/measures/2/target",
        flags: { "LDN-6.3": p },
        // Figures written inside free text are not read by any rule yet.
        awaits: "figures-in-text",
      },
      {
        what: "a workforce gap of -26 WTE nurses and -9 WTE therapists",
        category: "implausible-figure",
        at: "/workforce/gap",
        flags: { "LDN-7.3": p },
        // Figures written inside free text are not read by any rule yet.
        awaits: "figures-in-text",
      },
    ],
  },
  {
    file: "negative-counts.yaml",
    base: STROKE,
    traps: [],
    rejects: [
      { what: "-8 proposed beds", category: "implausible-figure", at: "/beds/proposed", code: "invalid_value" },
      { what: "a journey of -5 minutes", category: "implausible-figure", at: "/equality/access/travelTime/0/proposedMinutes", code: "invalid_value" },
      {
        what: "-86 participants in an engagement activity",
        category: "implausible-figure",
        at: "/engagement/activities/0/participants",
        code: "invalid_value",
      },
    ],
  },
  {
    file: "beds-figures-disagree.yaml",
    base: STROKE,
    traps: [
      {
        what: "120 beds become 112, but the stated net change is -4",
        category: "implausible-figure",
        at: "/beds/netChange",
        flags: { "NHSE-5.5": p },
      },
      {
        what: "beds by type add up to 110, not the 120 in total",
        category: "implausible-figure",
        at: "/beds/current",
        flags: { "NHSE-5.5": p },
      },
    ],
  },
  {
    file: "beds-conditions-implausible.yaml",
    base: STROKE,
    traps: [
      {
        what: "900 admissions a year avoided out of the 300 that happen",
        category: "implausible-figure",
        at: "/beds/admissionAvoidance/admissionsAvoidedPerYear",
        flags: { "NHSE-5.4": n },
      },
      {
        what: "bed occupancy of 140 per cent",
        category: "implausible-figure",
        at: "/beds/efficiency/occupancyPercent",
        flags: { "NHSE-5.4": n },
      },
    ],
  },
  {
    file: "dates-impossible.yaml",
    base: STROKE,
    traps: [
      {
        what: "an engagement activity recorded as held after the document date",
        category: "impossible-date",
        at: "/engagement/activities/5/date",
        flags: { "LDN-2.5": p, "NHSE-1.6": p },
        message: "/engagement/activities/5/date (2025-09-10) is not on or before /metadata/date (2025-06-20)",
      },
      {
        what: "an EqIA completed after the document date and after the assessment date",
        category: "impossible-date",
        at: "/equality/eqia/completed",
        flags: { "LDN-3.7": p },
        message: "/equality/eqia/completed (2026-02-15) is not on or before the assessment date (2026-01-01)",
      },
      {
        what: "a QIA completed after the document date",
        category: "impossible-date",
        at: "/quality/qia/completed",
        flags: { "LDN-6.7": p, "NHSE-3.8": p },
        message: "/quality/qia/completed (2025-07-30) is not on or before /metadata/date (2025-06-20)",
      },
      {
        what: "outcome targets due before the document date",
        category: "impossible-date",
        at: "/outcomes/measures/0/by",
        flags: { "LDN-6.8": p },
      },
    ],
  },
  {
    file: "future-dated.yaml",
    base: STROKE,
    traps: [
      {
        what: "engagement recorded as held after the assessment date",
        category: "impossible-date",
        at: "/engagement/activities/5/date",
        flags: { "LDN-2.5": p, "NHSE-1.6": p },
        message: "/engagement/activities/5/date (2026-03-10) is not on or before the assessment date (2026-01-01)",
      },
      {
        what: "the document is dated after the assessment date",
        category: "impossible-date",
        at: "/metadata/date",
        flags: { "LDN-2.6": p },
      },
    ],
  },
  {
    file: "beds-capacity-after-closure.yaml",
    base: STROKE,
    traps: [
      {
        what: "new capacity that opens six months after the beds close",
        category: "impossible-date",
        at: "/beds/alternativeCapacity/inPlaceBy",
        flags: { "NHSE-5.4": n },
        message: "/beds/alternativeCapacity/inPlaceBy (2026-10-01) is not on or before /beds/closureDate (2026-04-01)",
      },
    ],
  },
  {
    file: "video-zero-minutes.yaml",
    base: STROKE,
    traps: [
      {
        what: "care moved to video with no digital-inclusion analysis",
        category: "remote-only-access",
        at: "/equality/digitalInclusion",
        flags: { "LDN-3.9": n },
        message: "/equality/digitalInclusion/groups is missing",
      },
      {
        what: "every travel time is 0 minutes by video",
        category: "remote-only-access",
        at: "/equality/access/travelTime",
        flags: { "LDN-3.8": p, "NHSE-2.5": p },
        message: "zero minutes by a remote route",
      },
    ],
  },
  {
    file: "beds-existing-services.yaml",
    base: STROKE,
    traps: [
      {
        what: "24 beds close and the alternative is existing community teams absorbing the demand",
        category: "existing-services-beds",
        at: "/beds/alternativeCapacity/newOrExpanded",
        flags: { "NHSE-5.4": n },
        message: "/beds/alternativeCapacity/newOrExpanded is false; expected true",
      },
    ],
  },
  {
    file: "beds-existing-narrative.yaml",
    base: STROKE,
    traps: [
      {
        what: "24 beds close and the only condition offered is a sentence that existing services will cope",
        category: "existing-services-beds",
        // The narrative is not read as a condition at all, so the failing check points at the bed section.
        at: "/beds",
        flags: { "NHSE-5.4": n },
      },
    ],
  },
];
