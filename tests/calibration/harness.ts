// Runs the calibration corpus: every `cases/<slug>.yaml` is assessed against london-2020 with no reviews and a
// fixed clock, and paired with the panel's findings from `cases/<slug>.panel.yaml`.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { type AssessmentReport, formatIssue, type LoadedFramework } from "../../src/index.js";
import { assessFile } from "../../src/node/index.js";
import { type Panel, readPanel } from "./panel.js";

/** Where the corpus lives, relative to the repository root (the working directory of npm scripts and vitest). */
export const CASES_DIR = "tests/calibration/cases";

/** The generated results file. */
export const RESULTS_FILE = "tests/calibration/results.md";

/** A fixed instant, so the results never depend on the day they were produced. */
export const NOW = new Date("2026-12-01T00:00:00Z");

/** The framework every case is assessed against. */
export const FRAMEWORK = "london-2020";

export interface CaseResult {
  slug: string;
  panel: Panel;
  report: AssessmentReport;
}

/** The slugs of every proposal in the corpus, sorted. */
export function caseSlugs(dir = CASES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") && !f.endsWith(".panel.yaml"))
    .map((f) => f.replace(/\.yaml$/, ""))
    .sort();
}

export interface RunOptions {
  dir?: string;
  /** The london-2020 framework to use; scripts/generate.ts passes the one it has just loaded from principles/. */
  framework?: LoadedFramework;
}

/** Assesses one case. Throws on an invalid proposal or a missing panel file: the corpus must be valid. */
export function runCase(slug: string, { dir = CASES_DIR, framework }: RunOptions = {}): CaseResult {
  const proposal = join(dir, `${slug}.yaml`);
  const panelFile = join(dir, `${slug}.panel.yaml`);
  if (!existsSync(panelFile)) throw new Error(`${proposal}: no panel file ${panelFile}`);
  // Deliberately no reviews file: calibration asks what the checks alone say about each proposal.
  const report = assessFile(proposal, { framework: framework ?? FRAMEWORK, now: NOW });
  if (!report.ok) throw new Error(report.issues.map(formatIssue).join("\n"));
  return { slug, panel: readPanel(panelFile), report: report.value };
}

/** Assesses the whole corpus, in slug order. */
export function runCalibration(options: RunOptions = {}): CaseResult[] {
  return caseSlugs(options.dir).map((slug) => runCase(slug, options));
}
