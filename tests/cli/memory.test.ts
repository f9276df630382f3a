import { createReadStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factorFor, writeBatch } from "../../bench/corpus.js";
import { runCli } from "../hostile/run-cli.js";

// Memory stays flat however many files there are: each report is written as it is ready, and only a
// summary row per file is kept. Two thousand typical proposals (generated from
// examples/stroke-hasu.yaml, about 20 KiB each, 80 KB of JSON report each: 160 MB in all) run in a
// 64 MiB heap, and the whole process stays well under the 150 MB the CLI promises for 10,000 files.

const COUNT = 2000;
const HEAP_MIB = 64;
const MAX_RSS_MIB = 120;
const dir = mkdtempSync(join(tmpdir(), "senate-memory-"));
const corpus = join(dir, "corpus");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  writeBatch(corpus, COUNT, factorFor(20_000));
}, 120_000);

const run = (args: string[]) => runCli(["assess", `${corpus}/*.yaml`, "--fail-on", "never", ...args], { maxOldSpaceMiB: HEAP_MIB, timeoutMs: 600_000 });

describe(`${COUNT} files in a ${HEAP_MIB} MiB heap`, () => {
  it("NDJSON: every report, in order, in flat memory", async () => {
    const out = join(dir, "out.ndjson");
    const r = run(["--ndjson", "--output", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.rssMiB).toBeLessThan(MAX_RSS_MIB);
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(out) })) {
      expect(JSON.parse(line).proposal.id).toBe(`BENCH-${String(n).padStart(5, "0")}`);
      n++;
    }
    expect(n).toBe(COUNT);
  }, 600_000);

  it("text: every report, then a summary table with a row per file", () => {
    const out = join(dir, "out.txt");
    const r = run(["--output", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.rssMiB).toBeLessThan(MAX_RSS_MIB);
    const text = readFileSync(out, "utf8");
    const summary = text.slice(text.lastIndexOf(`Summary of ${COUNT} files, ${COUNT} assessed\n`));
    const rows = summary.trimEnd().split("\n").slice(2);
    expect(rows).toHaveLength(COUNT);
    expect(rows[COUNT - 1]).toMatch(new RegExp(`p0${COUNT - 1}\\.yaml +\\w+ +\\d+% +\\d+% +\\d+`));
  }, 600_000);
});
