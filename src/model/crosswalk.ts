import { z } from "zod";
import { schemaRef, schemaVersion, text } from "./common.js";

const member = z.strictObject({
  framework: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  ids: z
    .array(z.string().regex(/^[A-Z][A-Z0-9]*-\d+(\.\d+)?$/, "a principle id (LDN-6) or a criterion id (LDN-6.1)"))
    .min(1)
    .describe("Principle or criterion ids in that framework that address the theme."),
});

/** One theme that several frameworks address, e.g. a clear clinical evidence base. */
export const CrosswalkLink = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  theme: text,
  description: z.string().optional(),
  members: z.array(member).min(2).describe("Where each framework addresses the theme."),
});
export type CrosswalkLink = z.infer<typeof CrosswalkLink>;

/** A mapping of principles and criteria across frameworks, so one proposal's reports can be compared. */
export const Crosswalk = z
  .strictObject({
    $schema: schemaRef.optional(),
    schemaVersion,
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    title: text,
    note: text.describe("Whose mapping this is; a crosswalk is this project's reading, not any senate's."),
    links: z.array(CrosswalkLink).min(1),
  })
  .meta({ title: "Crosswalk between clinical senate frameworks" });
export type Crosswalk = z.infer<typeof Crosswalk>;
