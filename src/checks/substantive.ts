import type { CheckOf, CheckRunner } from "./types.js";
import { eachMatch } from "./values.js";

/** Text that stands in for content still to be written. */
const PLACEHOLDER = /^\W*(tbc|tbd|tba|n\/?a|none|todo|to follow|to be confirmed|to be determined|pending|see above|see below|lorem ipsum.*|x+|-+|\?+)\W*$/is;

/** Words in a text, counting only runs with a letter or digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** True when a text is a placeholder such as "TBC" or "N/A". */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.trim());
}

/** The text is long enough to say something and is not a placeholder. */
export const substantive: CheckRunner<CheckOf<"substantive">> = (check, ctx) =>
  eachMatch(
    ctx,
    check.path,
    (value, pointer) => {
      if (typeof value !== "string" || value.trim() === "") return { pass: false, pointer, message: `${pointer} is missing` };
      if (isPlaceholder(value)) return { pass: false, pointer, message: `${pointer} is a placeholder ("${value.trim()}")` };
      const words = wordCount(value);
      if (words < check.minWords)
        return { pass: false, pointer, message: `${pointer} has ${words} words; at least ${check.minWords} are needed to say something` };
      return { pass: true, pointer, message: `${pointer} has ${words} words` };
    },
    `nothing at ${check.path}`,
  );
