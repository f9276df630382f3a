// What combineReports (src/assess/combine.ts) gives and the combined formats (src/report/combined.ts) read.
import type { Rating } from "./report.js";

/** How one framework's listed principle or criterion came out, in words any framework shares. */
export type Outcome = "good" | "mixed" | "poor" | "undecided";

/** One framework's side of a crosswalk theme. */
export interface ThemeMember {
  framework: string;
  items: { id: string; kind: "principle" | "criterion"; result: string; outcome: Outcome }[];
  /** The worst decided outcome of the items, or undecided. */
  outcome: Outcome;
}

/** Where frameworks agree or differ on one theme, judged from the same proposal. */
export interface ThemeComparison {
  id: string;
  theme: string;
  members: ThemeMember[];
  verdict: "agree" | "differ" | "undecided";
}

/** The combined summary of one proposal assessed against several frameworks. */
export interface CombinedSummary {
  proposal: { id: string; title: string };
  frameworks: { id: string; version: string; rating: Rating; score: number | null; coverage: number; openGaps: number }[];
  themes: ThemeComparison[];
}
