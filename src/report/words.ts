import type { Rating, Status } from "../model/report.js";

/** A 0..1 share as a whole percentage, or an em dash when there is none. */
export function percent(n: number | null): string {
  return n === null ? "—" : `${Math.round(n * 100)}%`;
}

const RATING_WORDS: Record<Rating, string> = { green: "Green", amber: "Amber", red: "Red", "not-rated": "Not rated" };
const STATUS_WORDS: Record<Status, string> = {
  met: "Met",
  "partially-met": "Partially met",
  "not-met": "Not met",
  "needs-review": "Needs review",
  "not-applicable": "Not applicable",
};

/** A rating in words, for readers who cannot see colour. */
export function ratingWord(rating: Rating): string {
  return RATING_WORDS[rating];
}

/** A status in words. */
export function statusWord(status: Status): string {
  return STATUS_WORDS[status];
}

/** `file:line:column` of a gap, or its pointer when it has no source. */
export function where(gap: { pointer: string; location?: { file?: string | undefined; line: number; column: number } | undefined }): string {
  const loc = gap.location;
  const at = loc ? `${loc.file ?? "<input>"}:${loc.line}:${loc.column}` : "";
  if (at && gap.pointer) return `${at} (${gap.pointer})`;
  return at || gap.pointer || "the proposal as a whole";
}
