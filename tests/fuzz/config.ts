import type { Parameters } from "fast-check";

// How much to fuzz: FUZZ_RUNS inputs in all (default 10,000, what `npm test` runs; `npm run fuzz` runs
// 1,000,000), shared among the properties by weight.
//
// Which inputs: FUZZ_SEED. Without it, every property in `npm test` (these and the other fast-check
// properties, through tests/setup/fast-check.ts) draws from one fixed seed, so CI passes or fails on
// the code and never on the draw. `FUZZ_SEED=random` (what `npm run fuzz` sets) draws a new seed and
// prints it; fast-check prints the seed and shrink path of any failure, and FUZZ_SEED=<seed> replays it.

/** Total inputs across every fuzz property. */
export const TOTAL_RUNS = positive(process.env.FUZZ_RUNS, 10_000);

/** The seed `npm test` uses unless told otherwise. */
const FIXED_SEED = 20_261_201;

/** The seed every property uses in this run. */
export const SEED = seedFrom(process.env.FUZZ_SEED);

function seedFrom(raw: string | undefined): number {
  if (raw === undefined || raw === "") return FIXED_SEED;
  if (raw === "random") return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer or "random", not ${JSON.stringify(raw)}`);
  return n | 0;
}

const WEIGHTS = {
  yamlish: 0.25,
  bytes: 0.35,
  proposals: 0.2,
  companions: 0.12,
  frameworks: 0.08,
} as const;

export type FuzzProperty = keyof typeof WEIGHTS;

/** This property's share of the runs. */
export function runsFor(property: FuzzProperty): number {
  return Math.max(1, Math.round(TOTAL_RUNS * WEIGHTS[property]));
}

/** fast-check parameters for a property: its runs, the shared seed, and no time limit of its own. */
export function paramsFor<T>(property: FuzzProperty): Parameters<T> {
  return { numRuns: runsFor(property), seed: SEED, endOnFailure: false };
}

/** A test timeout, only to stop a hang, that grows with the runs: 60 s, plus 15 ms an input (the slowest take about 10 ms). */
export function timeoutFor(property: FuzzProperty): number {
  return 60_000 + runsFor(property) * 15;
}

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw !== undefined && Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** The test files that hold fast-check properties; `npm run fuzz` runs them all. */
export const PROPERTY_FILES =
  "tests/fuzz tests/property.test.ts tests/hostile/sinks.property.test.ts tests/hostile/library.test.ts tests/fast-path.test.ts tests/fast-equivalents.test.ts";

/** The line printed before fuzzing, so any run can be replayed. */
export function banner(): string {
  return `fuzz: ${TOTAL_RUNS} inputs, seed ${SEED}; replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${TOTAL_RUNS} npx vitest run ${PROPERTY_FILES}`;
}
