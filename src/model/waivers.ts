import { z } from "zod";
import { criterionId, pointer, schemaRef, schemaVersion, text, utcInstant } from "./common.js";

export const Waiver = z.strictObject({
  criterion: criterionId,
  pointer: pointer.optional().describe("Limit the waiver to gaps at or under this pointer."),
  kind: z.enum(["not-applicable", "accepted"]).describe("not-applicable: the criterion does not apply; accepted: the gap is a known, accepted risk."),
  justification: text,
  approver: text,
  expires: utcInstant,
});
export type Waiver = z.infer<typeof Waiver>;

/** Criteria declared not applicable, or gaps accepted, with an approver and an expiry. */
export const Waivers = z
  .strictObject({
    $schema: schemaRef.optional(),
    schemaVersion,
    framework: z.string().min(1),
    waivers: z.array(Waiver),
  })
  .meta({ title: "Clinical senate waivers" });
export type Waivers = z.infer<typeof Waivers>;
