import type { Criterion, Framework, Principle } from "./framework.js";
import type { AssessmentReport, Gap } from "./report.js";
import type { Review, Reviews } from "./reviews.js";
import type { Waiver, Waivers } from "./waivers.js";

// The documents as TypeScript sees them when the framework's criterion ids are known (a built-in
// framework's, say): the same shapes, with every criterion id narrowed to `Id`. With `Id` left as
// string they are the plain documents, so a framework loaded at run time is typed as before.

/** A framework whose criterion ids are `Id`. */
export type FrameworkOf<Id extends string> = Omit<Framework, "principles"> & {
  principles: (Omit<Principle, "criteria"> & { criteria: (Omit<Criterion, "id"> & { id: Id })[] })[];
};

/** Reviews that name only criteria of the framework. */
export type ReviewsOf<Id extends string> = Omit<Reviews, "reviews"> & { reviews: (Omit<Review, "criterion"> & { criterion: Id })[] };

/** Waivers that name only criteria of the framework. */
export type WaiversOf<Id extends string> = Omit<Waivers, "waivers"> & { waivers: (Omit<Waiver, "criterion"> & { criterion: Id })[] };

/** A report whose gaps name criteria of the framework. */
export type ReportOf<Id extends string> = Omit<AssessmentReport, "gaps"> & { gaps: (Omit<Gap, "criterion"> & { criterion: Id })[] };

/** A valid framework and its content hash; `Id` is its criterion ids where they are known (a built-in framework). */
export interface LoadedFramework<Id extends string = string> {
  framework: FrameworkOf<Id>;
  /** sha256 of the framework's canonical JSON form: the same content always gives the same hash. */
  sha256: string;
  file?: string;
}
