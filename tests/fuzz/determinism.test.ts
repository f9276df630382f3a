import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYamlText, stringify } from "yaml";
import { assess } from "../../src/assess/assess.js";
import { builtinFramework } from "../../src/framework/builtin.js";
import type { LoadedFramework } from "../../src/framework/load.js";
import { parseReviews, parseWaivers } from "../../src/proposal/documents.js";
import { parseProposal } from "../../src/proposal/parse.js";
import { formatReport } from "../../src/report/format.js";
import { mulberry32 } from "../helpers/random.js";
import { SEED } from "./config.js";

// Byte-identical reports whatever the order of keys in the input: each example is rewritten with the
// keys of every map shuffled (as YAML and as JSON), and its JSON report must be the same bytes, once
// what necessarily follows the layout is set aside (source locations, and the input's own hash).

const NOW = new Date("2026-01-01T00:00:00Z");
const LONDON = builtinFramework("london-2020") as LoadedFramework;
const EXAMPLES = ["stroke-hasu", "outpatient-virtual", "minor-injuries-overnight"];

function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, random));
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
  }
  return Object.fromEntries(keys.map((k) => [k, shuffleKeys((value as Record<string, unknown>)[k], random)]));
}

/** The JSON report, as emitted, without what depends on the input's layout: source locations, its file name and hash. */
function layoutFree(json: string): string {
  const report = JSON.parse(json) as { proposal: { file?: string }; inputs: { role: string; file?: string; sha256?: string }[] };
  delete report.proposal.file;
  for (const input of report.inputs) {
    if (input.role !== "proposal") continue;
    delete input.file;
    delete input.sha256;
  }
  return JSON.stringify(report, (key, value: unknown) => (key === "location" ? undefined : value), 2);
}

function reportFor(example: string, text: string, filename: string): string {
  const proposal = parseProposal(text, { filename });
  const reviews = (() => {
    try {
      return parseReviews(readFileSync(`examples/${example}.reviews.yaml`, "utf8"), { filename: "r.yaml" });
    } catch {
      return undefined;
    }
  })();
  const waivers = (() => {
    try {
      return parseWaivers(readFileSync(`examples/${example}.waivers.yaml`, "utf8"), { filename: "w.yaml" });
    } catch {
      return undefined;
    }
  })();
  if (!proposal.ok) throw new Error(JSON.stringify(proposal.issues));
  const report = assess(proposal.value, LONDON, {
    now: NOW,
    ...(reviews?.ok ? { reviews: reviews.value } : {}),
    ...(waivers?.ok ? { waivers: waivers.value } : {}),
  });
  if (!report.ok) throw new Error(JSON.stringify(report.issues));
  return layoutFree(formatReport(report.value, "json"));
}

describe("reports do not depend on the order of keys in the input", () => {
  it.each(EXAMPLES)("%s: the same JSON report from any key order, in YAML and in JSON", (example) => {
    const text = readFileSync(`examples/${example}.yaml`, "utf8");
    const expected = reportFor(example, text, `${example}.yaml`);
    const data = parseYamlText(text) as unknown;
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (seed, asJson) => {
        const shuffled = shuffleKeys(data, mulberry32(seed));
        const body = asJson ? JSON.stringify(shuffled, null, 2) : stringify(shuffled);
        expect(reportFor(example, body, `${example}.${asJson ? "json" : "yaml"}`)).toBe(expected);
      }),
      { numRuns: 25, seed: SEED },
    );
  });
});
