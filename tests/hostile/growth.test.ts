import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ATTACKS, type Attack, type Prepared } from "./attacks.js";
import { runCli } from "./run-cli.js";
import { bestTimes } from "./timing.js";

// The growth probe: every structural attack at a size and at ten times it. Time is measured
// in-process (the best of five runs) and peak memory on the built CLI; the cost per unit at the
// larger size may be at most GROWTH times that at the smaller. No absolute time is asserted: a
// cost that grows with the square of the input gives about ten, however fast the machine.
// `npm test` runs the small sizes; `npm run probe` (PROBE_SCALE=10) runs sizes ten times larger.

const SCALE = Number(process.env.PROBE_SCALE ?? 1);
/**
 * How much more a unit may cost at ten times the size: generous, for noise and warm-up, and more so at
 * `npm test`'s small sizes on a loaded machine (3 failed there once under CI load). A cost that grows
 * with the square of the input still gives about ten.
 */
const GROWTH = SCALE > 1 ? 3 : 5;
/** Memory below this increase over a trivial run is noise, not growth (MiB). */
const MEMORY_FLOOR = 8;

const root = mkdtempSync(join(tmpdir(), "senate-growth-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function prepare(attack: Attack, n: number): { dir: string; prepared: Prepared } {
  const dir = mkdtempSync(join(root, "attack-"));
  return { dir, prepared: attack.make(dir, n) };
}

/** Peak resident memory of the CLI run, above that of a trivial run, in MiB; and the run itself. */
function cliMemory(dir: string, prepared: Prepared, base: number) {
  const run = runCli(prepared.args, { cwd: dir, maxOldSpaceMiB: 512, timeoutMs: 120_000 });
  return { run, mib: Math.max((run.rssMiB ?? Number.POSITIVE_INFINITY) - base, MEMORY_FLOOR) };
}

describe.each(ATTACKS.map((a) => [a.name, a] as const))("growth: %s", (_name, attack) => {
  const small = attack.size * SCALE;
  const large = small * 10;

  it(`costs about the same per unit at ${large} as at ${small} (time)`, () => {
    const a = prepare(attack, small).prepared;
    const b = prepare(attack, large).prepared;
    const units = attack.units ?? ((n: number) => n);
    const [timeSmall, timeLarge] = bestTimes(a.run, b.run);
    const perUnitSmall = timeSmall / units(small);
    const perUnitLarge = timeLarge / units(large);
    const ratio = perUnitLarge / perUnitSmall;
    expect(ratio, `${perUnitSmall.toFixed(5)} ms per unit at ${small}, ${perUnitLarge.toFixed(5)} at ${large}`).toBeLessThan(GROWTH);
  }, 120_000);

  it("gives the same outcome on the CLI at both sizes, in linear memory", () => {
    const big = prepare(attack, large);
    const bigRun = runCli(big.prepared.args, { cwd: big.dir, maxOldSpaceMiB: 512, timeoutMs: 120_000 });
    expect(bigRun.timedOut, bigRun.stderr.slice(0, 500)).toBe(false);
    expect(bigRun.status, bigRun.stderr.slice(0, 500)).toBe(big.prepared.exit);
    expect(bigRun.stderr).not.toMatch(/\n\s+at |internal error/);
    if (!attack.memory) return;
    const trivial = prepare(ATTACKS[0] as Attack, 1);
    const base = runCli(trivial.prepared.args, { cwd: trivial.dir }).rssMiB ?? 0;
    const little = prepare(attack, small);
    const a = cliMemory(little.dir, little.prepared, base);
    const b = { mib: Math.max((bigRun.rssMiB ?? Number.POSITIVE_INFINITY) - base, MEMORY_FLOOR) };
    expect(a.run.status).toBe(little.prepared.exit);
    const ratio = b.mib / large / (a.mib / small);
    expect(ratio, `${a.mib} MiB over a trivial run at ${small}, ${b.mib} at ${large}`).toBeLessThan(GROWTH);
  }, 240_000);
});
