import { z } from "zod";
import { FORMATS } from "../report/format.js";

// The shape of `senate.config.*` (or the `senate` key of package.json). Every path in it is relative to
// the file's own folder. It mirrors the `assess` flags, so a flag always has one place in the file, and
// a flag given on the command line overrides it.

const Share = z.number().min(0).max(1);

/** Reviews and waivers for one proposal, when they are not beside it as `X.reviews.yaml` and `X.waivers.yaml`. */
export const ProposalCompanions = z.strictObject({
  reviews: z.string().min(1).optional(),
  waivers: z.string().min(1).optional(),
});

/** A senate configuration file. */
export const SenateConfig = z.strictObject({
  $schema: z.string().optional(),
  /** Framework ids or files; each proposal gets one report per framework. */
  frameworks: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  /** Files, folders and globs to assess when none are named on the command line. */
  inputs: z.array(z.string().min(1)).min(1).optional(),
  /** Ignore lines, read as `.gitignore` reads them, for globs and folders. */
  ignores: z.array(z.string().min(1)).optional(),
  failOn: z.enum(["red", "amber", "never"]).optional(),
  /** A JSON report (or array of reports) to ratchet against. */
  baseline: z.string().min(1).optional(),
  thresholds: z.strictObject({ green: Share.optional(), amber: Share.optional(), minCoverage: Share.optional() }).optional(),
  format: z.enum(FORMATS).optional(),
  output: z.string().min(1).optional(),
  /** Per proposal (its path), the reviews and waivers that go with it. */
  proposals: z.record(z.string().min(1), ProposalCompanions).optional(),
});
export type SenateConfig = z.infer<typeof SenateConfig>;
