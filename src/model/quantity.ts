import { z } from "zod";

/**
 * Amounts and counts in the forms people write them: `£21.6m`, `£21,600,000`, `2.31 million`,
 * `c. 2,310,000`. Each form has one reading; a range (`10–12`) has none, so it is refused with a hint.
 * The published JSON Schema carries the same patterns, so an editor accepts what the CLI accepts.
 */

const ABOUT = "(?:(?:c\\.|ca\\.|circa|approx\\.|approximately|about|around|~) ?)?";
const DIGITS = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
const SCALE = "(?: ?(?:k|K|m|M|bn|Bn|BN|thousand|million|billion))?";

/** A sum of money as written: an optional "about", sign and £, digits (commas every three), a scale. */
const MONEY_TEXT = new RegExp(`^${ABOUT}[-\u2212]?£?${DIGITS}${SCALE}$`);
/** A count as written: as money, without the £ or a sign. */
const COUNT_TEXT = new RegExp(`^${ABOUT}${DIGITS}${SCALE}$`);
const RANGE = /^\D{0,12}\d[\d,.]*\s*(?:k|m|bn|thousand|million)?\s*(?:-|–|—|to)\s*£?\d/i;

const SCALES: Record<string, number> = { k: 3, thousand: 3, m: 6, million: 6, bn: 9, billion: 9 };

/** The number a quantity as written stands for, or undefined when it is not one of the written forms. */
export function readQuantity(text: string): number | undefined {
  if (!MONEY_TEXT.test(text)) return undefined;
  const match = /([-\u2212]?)£?([\d,]+(?:\.\d+)?) ?([A-Za-z]*)$/.exec(text);
  if (!match) return undefined;
  const exponent = SCALES[(match[3] as string).toLowerCase()] ?? 0;
  // Scaling in the exponent keeps the decimal exact: "21.6e6" is 21600000, where 21.6 * 1e6 is not.
  const value = Number(`${(match[2] as string).replace(/,/g, "")}e${exponent}`);
  return match[1] ? -value : value;
}

function hintFor(kind: "money" | "count") {
  const example = kind === "money" ? 'e.g. 21600000, "£21.6m" or "£21,600,000"' : 'e.g. 2310000, "2.31 million" or "c. 2,310,000"';
  return (issue: { input?: unknown }) =>
    typeof issue.input === "string" && RANGE.test(issue.input)
      ? `a range has no single value: give one number (${example}) and put the range in the text`
      : `expected ${kind === "money" ? "an amount in pounds" : "a whole number"}, ${example}`;
}

/** Pounds: a number, or text in one of the written forms, read as the number it stands for. */
export const moneyAmount = z
  .union(
    [
      z.number(),
      z
        .string()
        .regex(MONEY_TEXT)
        .transform((t) => readQuantity(t) as number),
    ],
    { error: hintFor("money") },
  )
  .describe('Pounds sterling: a number, or as written, e.g. "£21.6m", "£21,600,000".');

/** A count of people or things: a whole number, or text in one of the written forms that reads as one. */
export const countOf = z
  .union(
    [
      z.number().int().min(0),
      z
        .string()
        .regex(COUNT_TEXT)
        .transform((t) => readQuantity(t) as number)
        .pipe(z.number().int("expected a whole number; the form given reads as a fraction")),
    ],
    { error: hintFor("count") },
  )
  .describe('A whole number, or as written, e.g. "2.31 million", "c. 2,310,000".');
