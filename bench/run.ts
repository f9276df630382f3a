// `npm run bench`: generates the corpora, measures the floors, ours and the peers in one run, and
// writes bench/results.md. See bench/report.ts for what is compared and how the targets are judged.

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { writeBatch, writeSizes } from "./corpus.js";
import { HAS_GNU_TIME, type Measured, measureAll } from "./measure.js";
import { installPeers, type Peers } from "./peers.js";
import { type BenchResults, renderResults } from "./report.js";

const started = Date.now();
const elapsed = () => (Date.now() - started) / 1000;
/** Seconds the whole run may take before it trims repetitions (the brief allows ten minutes). */
const BUDGET = 420;
const log = (message: string) => process.stderr.write(`[bench ${elapsed().toFixed(0).padStart(3)}s] ${message}\n`);
const runsFor = (wanted: number) => (elapsed() > BUDGET ? 1 : wanted);

const work = join(tmpdir(), `senate-bench-${process.pid}`);
const notes: string[] = [];
const node = process.execPath;
/**
 * The built CLI, copied where the bench alone uses it (a build elsewhere cleans dist/ while it runs),
 * inside node_modules so that the `yaml` and Ajv it may require are found as from dist/.
 */
const cache = resolve("node_modules/.cache/senate-bench");
mkdirSync(cache, { recursive: true });
copyFileSync(resolve("dist", "cli.js"), join(cache, "cli.js"));
const cli = join(cache, "cli.js");
const floor = resolve("bench/floor.mjs");

function machine(): BenchResults["machine"] {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    memoryGiB: totalmem() / 2 ** 30,
    freeGiB: freemem() / 2 ** 30,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    load: loadavg().map((l) => l.toFixed(2)),
    memoryFrom: HAS_GNU_TIME ? "GNU time (%M, peak resident set)" : "process.resourceUsage().maxRSS, recorded at exit by bench/maxrss.cjs",
  };
}

function inProcess(files: string[]): BenchResults["inProcess"] {
  const tsx = resolve("node_modules/.bin/tsx");
  const out = execFileSync(tsx, ["bench/in-process.ts", ...files], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.trim().split("\n").pop() as string) as BenchResults["inProcess"];
}

function oneFile(path: string, peers: Peers | undefined, runs: number): Record<string, Measured> {
  return measureAll(
    {
      bare: [node, "-e", "0"],
      floorJsYaml: [node, floor, "js-yaml", path],
      floorYaml: [node, floor, "yaml", path],
      assess: [node, cli, "assess", path, "--format", "json", "--fail-on", "never"],
      validate: [node, cli, "validate", path],
      ...(peers ? { ajv: [node, peers.ajv, "validate", "-s", "schemas/proposal.schema.json", "-d", path] } : {}),
      ...(peers ? { spectral: [node, peers.spectral, "lint", path, "-r", peers.ruleset, "-q", "-F", "error"] } : {}),
    },
    runs,
  );
}

function batch(dir: string, files: string[], peers: Peers | undefined, size: number): Record<string, Measured> {
  const large = size >= 10_000;
  const assess = ["assess", "--format", "json", "--fail-on", "never", ...files];
  const commands: Record<string, string[]> = {
    floorJsYaml: [node, floor, "js-yaml", dir],
    assess: [node, cli, ...assess],
  };
  if (!large) {
    Object.assign(commands, {
      floorYaml: [node, floor, "yaml", dir],
      validate: [node, cli, "validate", ...files],
      ...(peers ? { ajv: [node, peers.ajv, "validate", "-s", "schemas/proposal.schema.json", "-d", `${dir}/*.yaml`] } : {}),
    });
  }
  const result = measureAll(commands, runsFor(large ? 2 : size >= 1000 ? 3 : 5));
  if (peers && size <= 1000 && elapsed() < BUDGET + 60) {
    log(`  Spectral on ${size} files`);
    Object.assign(
      result,
      measureAll({ spectral: [node, peers.spectral, "lint", `${dir}/*.yaml`, "-r", peers.ruleset, "-q", "-F", "error"] }, size >= 1000 ? 1 : 3),
    );
  } else if (peers && size <= 1000) {
    notes.push(`Spectral was skipped on ${size} files: the run was past its time budget.`);
  }
  return result;
}

function main(): void {
  log(`working in ${work}`);
  mkdirSync(work, { recursive: true });
  const results: BenchResults = { machine: machine(), sizes: {}, inProcess: {}, oneFile: {}, oneFileLarge: {}, batches: {}, peers: undefined, notes };
  log("corpora");
  const sizes = writeSizes(join(work, "sizes"));
  results.sizes = sizes;
  const factor = sizes.typical.factor;
  const batches = {
    100: writeBatch(join(work, "b100"), 100, factor),
    1000: writeBatch(join(work, "b1000"), 1000, factor),
    10000: writeBatch(join(work, "b10000"), 10_000, factor),
  };
  log("peers (npm install into the work folder)");
  const peers = installPeers(join(work, "peers"));
  if ("error" in peers) notes.push(`Peers not measured: ${peers.error}`);
  else results.peers = { versions: peers.versions, rules: peers.rules };
  const peer = "error" in peers ? undefined : peers;
  log("in-process (parse, validate, assess, format; floors)");
  results.inProcess = inProcess([sizes.small.path, sizes.typical.path, sizes.large.path]);
  log("CLI on one typical file");
  results.oneFile = oneFile(sizes.typical.path, peer, runsFor(11));
  log("CLI on one large file");
  results.oneFileLarge = oneFile(sizes.large.path, undefined, runsFor(5));
  for (const [count, files] of Object.entries(batches)) {
    log(`CLI on ${count} typical files`);
    results.batches[count] = batch(join(work, `b${count}`), files, peer, Number(count));
  }
  results.seconds = elapsed();
  writeFileSync("bench/results.md", renderResults(results));
  // The measurements too, so the page can be rendered again after its prose changes (bench/render.ts).
  writeFileSync(join(cache, "results.json"), `${JSON.stringify(results)}\n`);
  log(`wrote bench/results.md in ${elapsed().toFixed(0)} s`);
  if (!process.env.SENATE_BENCH_KEEP) rmSync(work, { recursive: true, force: true });
}

log(`built CLI: ${cli} (${(readFileSync(cli).length / 1024).toFixed(0)} KiB)`);
main();
