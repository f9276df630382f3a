import { z } from "zod";
import { isoDate } from "./common.js";

/**
 * Dates as NHS documents write them: a day (`2026-03-31`), a month (`2025-11`), a financial year
 * (`2028/29`, 1 April to 31 March), or a period between two of those (`{ from: 2018-06, to: 2018-09 }`).
 * Checks read each as the span of days it covers (`spanOf`).
 */

/** A calendar month, `YYYY-MM`. */
export const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month such as 2025-11")
  .describe("A calendar month, YYYY-MM, e.g. 2025-11.");

// The second year must follow the first (2028/29, 1999/00): a pattern of the hundred pairs says so,
// so the published JSON Schema refuses 2028/30 exactly as zod does.
const PAIRS = Array.from({ length: 100 }, (_, i) => `${String(i).padStart(2, "0")}/${String((i + 1) % 100).padStart(2, "0")}`);

/** An NHS financial year, `YYYY/YY`: 1 April of the first year to 31 March of the next. */
export const financialYear = z
  .string()
  .regex(new RegExp(`^\\d{2}(?:${PAIRS.join("|")})$`), "must be a financial year such as 2028/29")
  .describe("An NHS financial year, YYYY/YY, e.g. 2028/29 (1 April 2028 to 31 March 2029).");

/** A day, a month or a financial year. */
export const looseDate = z
  .union([isoDate, isoMonth, financialYear], { error: "expected a day, a month or a financial year, e.g. 2026-03-31, 2025-11 or 2028/29" })
  .describe("A day (YYYY-MM-DD), a month (YYYY-MM) or a financial year (YYYY/YY), e.g. 2026-03-31, 2025-11 or 2028/29.");

/** A period from one day, month or financial year to another, both included. */
export const period = z
  .strictObject({ from: looseDate, to: looseDate })
  .describe("A period, both ends included, e.g. { from: 2018-06, to: 2018-09 } for June to September 2018.");

/** A day, a month, a financial year, or a period. */
export const dateOrPeriod = z
  .union([looseDate, period], {
    error: "expected a day, a month, a financial year or a period, e.g. 2026-03-31, 2025-11, 2028/29 or { from: 2018-06, to: 2018-09 }",
  })
  .describe("A day, a month, a financial year, or a period { from, to }.");

/** The first and last day a date form covers, as `YYYY-MM-DD`. */
export interface Span {
  start: string;
  end: string;
}

function lastDay(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(days).padStart(2, "0")}`;
}

/** The days a value covers, or undefined for a value that is not a date form. */
export function spanOf(value: unknown): Span | undefined {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const { from, to } = value as { from?: unknown; to?: unknown };
    const a = spanOf(from);
    const b = spanOf(to);
    return a && b && Object.keys(value).length === 2 ? { start: a.start, end: b.end } : undefined;
  }
  if (typeof value !== "string") return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { start: value, end: value };
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return { start: `${value}-01`, end: lastDay(Number(month[1]), Number(month[2])) };
  const fy = /^(\d{4})\/\d{2}$/.exec(value);
  if (fy) return { start: `${fy[1]}-04-01`, end: `${Number(fy[1]) + 1}-03-31` };
  return undefined;
}

/** A date form as a report shows it: `2018-06 to 2018-09` for a period. */
export function showDate(value: unknown): string {
  if (typeof value === "string") return value;
  const { from, to } = value as { from: unknown; to: unknown };
  return `${String(from)} to ${String(to)}`;
}
