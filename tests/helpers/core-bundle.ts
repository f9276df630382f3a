import { readFileSync } from "node:fs";
import { build } from "esbuild";

// The published core (dist/index.js) bundled as a browser would get it, and one assessment written as
// a script any JavaScript runtime can run: the proof that the core needs no Node built-in.

/** dist/index.js with every dependency, for the browser: any Node built-in in reach fails the build. */
export async function bundleCore(): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    entryPoints: ["dist/index.js"],
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "senate",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return { code: result.outputFiles[0]?.text ?? "", inputs: Object.keys(result.metafile.inputs) };
}

/** What the assessment reads: texts only, as a browser would have them. */
export interface CoreInput {
  proposal: string;
  reviews: string;
  framework: string;
  now: string;
}

export const CORE_INPUT: CoreInput = {
  proposal: readFileSync("examples/stroke-hasu.yaml", "utf8"),
  reviews: readFileSync("examples/stroke-hasu.reviews.yaml", "utf8"),
  framework: readFileSync("principles/london-2020.yaml", "utf8"),
  now: "2026-01-01T00:00:00Z",
};

/** The outputs compared across runtimes: a framework loaded from YAML, its hash, and every report format. */
export type CoreOutput = Record<string, string>;

/**
 * An expression: a function of the core's exports and a CoreInput that parses, loads, assesses and
 * formats. It is source text because it runs where no module can be imported (a bare script context).
 */
export const ASSESS_SCRIPT = `(function (senate, input) {
  const expect = (result) => { if (!result.ok) throw new Error(JSON.stringify(result.issues)); return result.value; };
  const proposal = expect(senate.parseProposal(input.proposal, { filename: "stroke-hasu.yaml" }));
  const reviews = expect(senate.parseReviews(input.reviews, { filename: "stroke-hasu.reviews.yaml" }));
  const loaded = expect(senate.loadFramework(input.framework, { filename: "london-2020.yaml" }));
  const report = expect(senate.assess(proposal, loaded, { reviews, now: new Date(input.now) }));
  const out = { loadedHash: loaded.sha256, builtinHash: senate.builtinFramework("london-2020").sha256 };
  for (const format of senate.FORMATS) out[format] = senate.formatReport(report, format, { framework: loaded.framework });
  return out;
})`;
