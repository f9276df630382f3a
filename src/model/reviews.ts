import { z } from "zod";
import { criterionId, isoDate, judgement, schemaRef, schemaVersion, text } from "./common.js";

export const Review = z.strictObject({
  criterion: criterionId,
  rating: judgement,
  rationale: text,
  reviewer: text,
  date: isoDate,
});
export type Review = z.infer<typeof Review>;

/** A panel's judgements on a proposal, one per criterion. */
export const Reviews = z
  .strictObject({
    $schema: schemaRef.optional(),
    schemaVersion,
    framework: z.string().min(1).describe("The id of the framework these reviews judge against."),
    proposal: z.string().optional().describe("The id of the proposal reviewed."),
    reviews: z.array(Review),
  })
  .meta({ title: "Clinical senate reviews" });
export type Reviews = z.infer<typeof Reviews>;
