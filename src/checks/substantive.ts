import { outcome } from "./messages.js";
import type { CheckOf, CheckRunner } from "./types.js";
import { describe, eachMatch, unanswered } from "./values.js";

/** Words in a text, counting only runs with a letter or digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The text is long enough to say something and is not a non-answer (src/checks/non-answers.ts). */
export const substantive: CheckRunner<CheckOf<"substantive">> = (check, ctx) =>
  eachMatch(ctx, check.path, (value, pointer) => {
    if (value !== undefined && value !== null && typeof value !== "string") {
      return outcome(false, pointer, "wrong_type", { pointer, expected: "text", found: describe(value) });
    }
    const failed = unanswered(ctx, value, pointer);
    if (failed) return failed;
    const words = wordCount(value as string);
    if (words < check.minWords) return outcome(false, pointer, "too_few_words", { pointer, words, minWords: check.minWords });
    return outcome(true, pointer, "enough_words", { pointer, words });
  });
