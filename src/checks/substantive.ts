import { SubstantiveCheck } from "../model/check.js";
import { found } from "./codes.js";
import { defineBuiltin } from "./define.js";
import { describe, TYPE_WORDS } from "./messages.js";
import { eachMatch, unanswered } from "./values.js";

const SPACE = /\s/;
const WORDY = /[\p{L}\p{N}]/u;

/**
 * Words in a text, counting only runs with a letter or digit: the same count as splitting on `\s+`
 * and testing each run, in one pass without the copies (ASCII decided inline, other characters by
 * the same regular expressions).
 */
export function wordCount(text: string): number {
  let n = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let space: boolean;
    let wordy: boolean;
    if (c < 128) {
      space = c === 32 || (c >= 9 && c <= 13);
      wordy = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
    } else {
      const point = text.codePointAt(i) as number;
      if (point > 0xffff) i++;
      const ch = String.fromCodePoint(point);
      space = SPACE.test(ch);
      wordy = !space && WORDY.test(ch);
    }
    if (space) counted = false;
    else if (wordy && !counted) {
      n++;
      counted = true;
    }
  }
  return n;
}

/** The text is long enough to say something and is not a non-answer (src/checks/non-answers.ts). */
export const substantive = defineBuiltin({
  kind: "substantive",
  params: SubstantiveCheck,
  codes: ["enough_words", "too_few_words", "wrong_type", "missing", "empty", "non_answer", "none_recorded", "all_pass"],
  doc: "The text at `path` says something: it is not a non-answer (TBC, see appendix 4, a template placeholder) and has at least `minWords` words (default 12). A short text is reported with its word count, in the check's own words.",
  run: (check, _proposal, ctx) =>
    eachMatch(ctx, check.path, (value, pointer) => {
      if (value !== undefined && value !== null && typeof value !== "string") {
        return found(false, pointer, "wrong_type", { pointer, expected: TYPE_WORDS.text, found: describe(value) });
      }
      const failed = unanswered(ctx, value, pointer);
      if (failed) return failed;
      const words = wordCount(value as string);
      if (words < check.minWords) return found(false, pointer, "too_few_words", { pointer, words, minWords: check.minWords });
      return found(true, pointer, "enough_words", { pointer, words });
    }),
});
