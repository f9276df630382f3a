import type { Limits } from "../source/limits.js";
import { UsageError } from "./io.js";

/** The parseArgs options for the input limits, shared by every command that reads documents. */
export const LIMIT_OPTIONS = {
  "max-bytes": { type: "string" },
  "max-depth": { type: "string" },
  "max-aliases": { type: "string" },
  "max-items": { type: "string" },
} as const;

/** Help lines for the limit options, with their defaults. */
export const LIMITS_HELP = `  --max-bytes <n>         largest file read, in bytes (default: 10485760)
  --max-depth <n>         deepest nesting of maps and lists (default: 64)
  --max-aliases <n>       most YAML alias expansions per document (default: 100; 0 forbids aliases)
  --max-items <n>         most values in one document (default: 100000)`;

const FLAGS: [keyof typeof LIMIT_OPTIONS, keyof Limits, number][] = [
  ["max-bytes", "maxBytes", 1],
  ["max-depth", "maxDepth", 1],
  ["max-aliases", "maxAliases", 0],
  ["max-items", "maxItems", 1],
];

/** Reads the limit flags that were given; a value that is not a whole number in range is a usage error. */
export function readLimits(values: Partial<Record<keyof typeof LIMIT_OPTIONS, string | undefined>>): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const [flag, key, min] of FLAGS) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw new UsageError(`--${flag} must be a whole number${min > 0 ? ` of at least ${min}` : ""}; got "${raw}"`);
    }
    limits[key] = n;
  }
  return limits;
}
