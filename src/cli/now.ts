import { UsageError } from "./io.js";

/** The parseArgs options for the assessment date and the waiver warning window, shared by assess and diff. */
export const NOW_OPTIONS = {
  now: { type: "string" },
  "waiver-warning-days": { type: "string" },
} as const;

/** Help lines for {@link NOW_OPTIONS}. */
export const NOW_HELP = `  --now <YYYY-MM-DD>      the assessment date (default: today): waiver expiry, and dates that may
                          not lie in the future, are judged against it; give it for a report that
                          comes out the same on any day
  --waiver-warning-days <n>
                          warn of a waiver that expires within n days of the assessment date
                          (default: 30; 0 warns only on its last day)`;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads `--now`: a calendar date, taken as the start of that day in UTC (a waiver expiring on that
 * date is still in force), or a UTC date-time. Without it, the run's own clock.
 */
export function readNow(value: string | undefined, clock: Date): Date {
  if (value === undefined) return clock;
  const trimmed = value.trim();
  const date = DATE.exec(trimmed);
  const at = date ? new Date(`${trimmed}T00:00:00Z`) : /Z$/.test(trimmed) ? new Date(trimmed) : undefined;
  // Date.parse rolls 2026-02-30 over into March; a real date reads back as itself.
  const real = at !== undefined && Number.isFinite(at.getTime()) && (!date || at.toISOString().startsWith(trimmed));
  if (!real || at === undefined) throw new UsageError(`--now must be a date, YYYY-MM-DD, or a UTC date-time ending in Z; got "${value}"`);
  return at;
}

/** Reads `--waiver-warning-days`: a whole number of days, 30 when not given. */
export function readWarningDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new UsageError(`--waiver-warning-days must be a whole number of days; got "${value}"`);
  return n;
}
