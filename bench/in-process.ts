// In-process measurements, run in a fresh process by bench/run.ts:
//   tsx bench/in-process.ts <small.yaml> <typical.yaml> <large.yaml>
// For each file: the parse floors (yaml, js-yaml), the whole pipeline (parse, validate, assess, JSON
// report), and each stage on its own. Each figure is the median of several timed rounds, interleaved
// across measurements, after a warm-up. Prints JSON on standard output.

import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { parse } from "yaml";
import { assess } from "../src/assess/assess.js";
import { builtinFramework } from "../src/framework/builtin.js";
import { sha256 } from "../src/model/hash.js";
import { Proposal } from "../src/model/proposal.js";
import { type ParsedProposal, parseProposal } from "../src/proposal/parse.js";
import { checkReferences } from "../src/proposal/references.js";
import { formatReport } from "../src/report/format.js";
import { DEFAULT_LIMITS } from "../src/source/limits.js";
import { LineIndex } from "../src/source/positions.js";
import { readSource } from "../src/source/read.js";
import { validateParsed } from "../src/source/validate.js";
import { parseDocument } from "../src/source/yaml-document.js";

const ROUNDS = 7;
const framework = builtinFramework("london-2020");
if (!framework) throw new Error("no london-2020");
const now = new Date("2026-01-01T00:00:00Z");

/** Milliseconds per call of `fn`, over about `budgetMs` of calls. */
function perCall(fn: () => unknown, budgetMs: number): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    n++;
    elapsed = performance.now() - start;
  } while (elapsed < budgetMs);
  return elapsed / n;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

function measure(text: string, name: string) {
  const read = readSource(text, { filename: name });
  const parsed = parseProposal(text, { filename: name });
  if (!read.ok || !parsed.ok) throw new Error(`${name} does not parse`);
  const proposal: ParsedProposal = parsed.value;
  const report = assess(proposal, framework as NonNullable<typeof framework>, { now });
  if (!report.ok) throw new Error(`${name} does not assess`);
  const budget = text.length > 100_000 ? 150 : 60;
  const tasks: Record<string, () => unknown> = {
    floorYaml: () => parse(text),
    floorJsYaml: () => load(text),
    total: () => {
      const p = parseProposal(text, { filename: name });
      if (!p.ok) throw new Error("invalid");
      const r = assess(p.value, framework as NonNullable<typeof framework>, { now });
      if (!r.ok) throw new Error("not assessed");
      return formatReport(r.value, "json");
    },
    parse: () => readSource(text, { filename: name }),
    parseFull: () => parseDocument(text, { limits: DEFAULT_LIMITS, index: new LineIndex(text) }),
    validate: () => {
      const valid = validateParsed(Proposal, read.value, name);
      if (valid.ok) checkReferences(valid.value);
      return sha256(text);
    },
    assess: () => assess(proposal, framework as NonNullable<typeof framework>, { now }),
    format: () => formatReport(report.value, "json"),
  };
  for (const fn of Object.values(tasks)) perCall(fn, budget); // warm-up
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) for (const [k, fn] of Object.entries(tasks)) samples[k]?.push(perCall(fn, budget));
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

const results: Record<string, Record<string, number>> = {};
for (const file of process.argv.slice(2)) {
  const name = file.replace(/^.*\//, "").replace(/\.yaml$/, "");
  results[name] = { bytes: Buffer.byteLength(readFileSync(file)), ...measure(readFileSync(file, "utf8"), `${name}.yaml`) };
}
process.stdout.write(`${JSON.stringify(results)}\n`);
