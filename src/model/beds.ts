import { z } from "zod";
import { evidenceId, isoDate, text } from "./common.js";

const beds = z.number().int().min(0);

const bedType = z.strictObject({
  type: text.describe("The kind of bed, e.g. acute medical, stroke, community rehabilitation, critical care."),
  current: beds.optional(),
  proposed: beds.optional(),
  netChange: z.number().int().optional().describe("Proposed minus current beds of this type: negative for fewer."),
});

const temporaryClosure = z.strictObject({
  beds: beds.describe("How many beds are closed."),
  type: z.string().optional().describe("The kind of bed, as in byType."),
  since: isoDate.optional().describe("When they closed."),
  reason: z.string().optional().describe("Why they closed, e.g. staffing, infection control, estates."),
});

const alternativeCapacity = z
  .strictObject({
    description: text.describe("What the new or expanded capacity is, e.g. 40 virtual ward places."),
    newOrExpanded: z.boolean().describe("True only for capacity that is new or expanded; existing services absorbing the demand do not count."),
    places: beds.optional().describe("Beds or places of alternative capacity."),
    workforce: z.string().optional().describe("The staff who will run it, and whether they are recruited."),
    funding: z.string().optional().describe("How it is funded, and whether the funding is agreed."),
    inPlaceBy: isoDate.optional().describe("When it will be open."),
  })
  .describe("The bed test's first condition as NHS England states it: alternative capacity, staffed and funded, in place before the beds close.");

const admissionAvoidance = z
  .strictObject({
    treatments: text.describe("The specific new treatments or therapies, e.g. same-day emergency care for pulmonary embolism."),
    admissionCategories: z.array(text).optional().describe("The specific categories of admission they will reduce."),
    evidenceOfEffect: z.string().optional().describe("What shows they reduce those admissions: trials, audits, other sites' results."),
    admissionsPerYear: z.number().min(0).optional().describe("Admissions a year in those categories now."),
    admissionsAvoidedPerYear: z.number().min(0).optional().describe("Admissions a year the treatments will avoid."),
    inPlaceBy: isoDate.optional().describe("When the treatments will be in use."),
  })
  .describe("The bed test's second condition: specific new treatments or therapies that will reduce specific categories of admission.");

const efficiency = z
  .strictObject({
    currentLengthOfStayDays: z.number().min(0).optional().describe("Average length of stay now, in days."),
    benchmarkLengthOfStayDays: z.number().min(0).optional().describe("The national average for the same patients, in days."),
    benchmark: z.string().optional().describe("Where the benchmark comes from, e.g. Model Hospital or a GIRFT report, and for which patients."),
    occupancyPercent: z.number().optional().describe("Bed occupancy now, per cent."),
    plan: z.string().optional().describe("How bed use will improve, step by step."),
    careSafeguards: z.string().optional().describe("How the plan avoids harming patient care, and what will show it if it does."),
    by: isoDate.optional().describe("When the improvement will be achieved."),
  })
  .describe(
    "The bed test's third condition: where beds are used less efficiently than the national average, a credible plan to improve without affecting care.",
  );

/**
 * Beds, as real documents give them: current and proposed counts, or only the net change ("110
 * fewer beds"), beds by type, and closures already in effect. Every field is optional so a
 * document that states only part of this stays valid.
 */
export const Beds = z.strictObject({
  current: beds.optional().describe("Beds now (counting temporarily closed beds as open, unless the proposal says otherwise)."),
  proposed: beds.optional().describe("Beds after the change."),
  netChange: z.number().int().optional().describe("Proposed minus current beds: negative for fewer, e.g. -110 for 110 fewer beds."),
  byType: z.array(bedType).optional().describe("Beds by type; their current and proposed counts add up to the totals where both are given."),
  temporaryClosures: z.array(temporaryClosure).optional().describe("Beds already closed temporarily, before any decision."),
  alternativeProvision: z.string().optional().describe("Alternative provision, with its workforce, in place alongside or ahead of closure."),
  closureDate: isoDate.optional().describe("When the beds are to close."),
  alternativeCapacity: alternativeCapacity.optional(),
  newTreatments: z
    .string()
    .optional()
    .describe("Specific new treatments that will reduce specific admissions (narrative; admissionAvoidance holds it as data)."),
  admissionAvoidance: admissionAvoidance.optional(),
  efficiencyPlan: z
    .string()
    .optional()
    .describe("Where beds are used less efficiently than the national average: a credible plan (narrative; efficiency holds it as data)."),
  efficiency: efficiency.optional(),
  evidence: z.array(evidenceId).optional().describe("Ids of evidence register items that support this section."),
});
