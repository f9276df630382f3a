import { MIN_REPEATED_WORDS, PADDING_WORDS, STOP_WORDS } from "./non-answers.js";

// A word: letters and digits, with an apostrophe inside it ("trust's") but not a hyphen ("blah-blah" is two).
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * Filler: text padded out to look like an answer. Either more than half its words are padding
 * ("blah", "etc", "lorem"), or it has at least MIN_REPEATED_WORDS words and one of them, case
 * folded and not a stop word, is more than half ("Prevention prevention prevention ..."). "Beds,
 * beds and more beds: the unit grows from 20 to 32 beds" repeats a word and is still an answer.
 * One pass over the text, since every text not seen before is screened. The phrase is the first
 * padding word as written, or the repeated word in lower case.
 */
export function findFiller(text: string): { kind: "filler"; phrase: string } | undefined {
  const counts = new Map<string, number>();
  let words = 0;
  let padding = 0;
  let firstPadding = "";
  let top = 0;
  let topWord = "";
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    words++;
    const word = m[0].toLowerCase();
    if (PADDING_WORDS.has(word) && padding++ === 0) firstPadding = m[0];
    if (STOP_WORDS.has(word)) continue;
    const n = (counts.get(word) ?? 0) + 1;
    counts.set(word, n);
    if (n > top) {
      top = n;
      topWord = word;
    }
  }
  if (padding * 2 > words) return { kind: "filler", phrase: firstPadding };
  if (words >= MIN_REPEATED_WORDS && top * 2 > words) return { kind: "filler", phrase: topWord };
  return undefined;
}
