import { type AssessOptions, assess } from "../assess/assess.js";
import type { Sourced } from "../assess/inputs.js";
import type { LoadedFramework } from "../framework/load.js";
import type { Issue, Result } from "../model/issue.js";
import type { AssessmentReport } from "../model/report.js";
import type { Reviews } from "../model/reviews.js";
import type { Waivers } from "../model/waivers.js";
import { resolveFramework } from "../node/files.js";
import { parseReviews, parseWaivers } from "../proposal/documents.js";
import { parseProposal } from "../proposal/parse.js";
import type { Limits } from "../source/limits.js";
import type { ReadOptions } from "../source/read.js";
import { readReports } from "./baseline.js";
import type { Companions } from "./companions.js";
import { readInput } from "./io.js";
import { readAs } from "./stdin-name.js";

/** What every file in one `senate assess` run shares. */
export interface SharedInputs {
  /** The first framework named; thresholds are checked against it. */
  framework: LoadedFramework;
  /** Every framework named (`--framework a,b,c`): each file gets one report per framework. */
  frameworks: LoadedFramework[];
  reviews?: Sourced<Reviews>;
  waivers?: Sourced<Waivers>;
  baseline?: AssessmentReport[];
  /** Each proposal's own reviews and waivers (beside it, or listed in the configuration), when no --reviews or --waivers is given. */
  pair?: (file: string) => Companions;
}

type Parser<T> = (text: string, o: ReadOptions) => Result<Sourced<T>>;

function companion<T>(path: string | undefined, parse: Parser<T>, limits: Partial<Limits>, issues: Issue[]): Sourced<T> | undefined {
  if (path === undefined) return undefined;
  const text = readInput(path, limits);
  const parsed = text.ok ? parse(text.value, { filename: path, limits }) : text;
  if (!parsed.ok) issues.push(...parsed.issues);
  return parsed.ok ? parsed.value : undefined;
}

/** Issues about the --framework value itself (an unknown id) are named after it, like any other input. */
export function named(issues: Issue[], framework: string): Issue[] {
  return issues.map((i) => (i.file === undefined ? { ...i, file: framework } : i));
}

/** Reads the framework, reviews, waivers and baseline named on the command line; every problem is an issue. */
export function readShared(
  paths: { framework: string; reviews?: string | undefined; waivers?: string | undefined; baseline?: string | undefined },
  limits: Partial<Limits>,
): Result<SharedInputs> {
  const issues: Issue[] = [];
  const frameworks: LoadedFramework[] = [];
  for (const ref of paths.framework
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean)) {
    const loaded = resolveFramework(ref, { limits });
    if (loaded.ok) frameworks.push(loaded.value);
    else issues.push(...named(loaded.issues, ref));
  }
  const framework = frameworks[0];
  const reviews = companion(paths.reviews, parseReviews, limits, issues);
  const waivers = companion(paths.waivers, parseWaivers, limits, issues);
  const baseline = paths.baseline === undefined ? undefined : readReports(paths.baseline, limits);
  if (baseline && !baseline.ok) issues.push(...baseline.issues);
  if (framework === undefined || issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      framework,
      frameworks,
      ...(reviews ? { reviews } : {}),
      ...(waivers ? { waivers } : {}),
      ...(baseline?.ok ? { baseline: baseline.value } : {}),
    },
  };
}

/** One file's outcome: its report, or the issues that stopped it. */
export interface FileOutcome {
  file: string;
  /** The framework's id, when several frameworks are assessed. */
  framework?: string;
  report?: AssessmentReport;
  issues: Issue[];
  /** Problems that did not stop the file, such as a Markdown heading not read as a response; printed, never failing the run. */
  warnings?: Issue[];
}

/** Options for assessing each file. */
export interface EachOptions extends Pick<AssessOptions, "thresholds" | "generatedAt" | "waiverWarningDays"> {
  now: Date;
  limits: Partial<Limits>;
  /** The name (and so the format) of a document read from standard input (`--stdin-filename`). */
  stdinName?: string;
}

/**
 * Whether a reviews or waivers file goes with a framework. With several frameworks, each file goes only
 * with the framework it was written for (or one tailored from it); if it fits none, it goes with all, so
 * the mismatch is reported rather than the file silently dropped.
 */
function fits(doc: Sourced<{ framework: string }> | undefined, fw: LoadedFramework, all: readonly LoadedFramework[], paired = false): boolean {
  const matches = (f: LoadedFramework) => doc?.value.framework === f.framework.id || doc?.value.framework === f.framework.basedOn?.id;
  // A file found beside the proposal was not asked for: it goes only with the framework it was written for.
  if (paired) return doc !== undefined && matches(fw);
  if (!doc || all.length === 1) return doc !== undefined;
  return matches(fw) || !all.some(matches);
}

/** The reviews and waivers for one file: those named by flag, else the file's own companions. */
function ownCompanions(file: string, shared: SharedInputs, limits: Partial<Limits>): Result<Pick<SharedInputs, "reviews" | "waivers">> {
  const pair = shared.pair?.(file) ?? {};
  const issues: Issue[] = [];
  const reviews = shared.reviews ?? companion(pair.reviews, parseReviews, limits, issues);
  const waivers = shared.waivers ?? companion(pair.waivers, parseWaivers, limits, issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { ...(reviews ? { reviews } : {}), ...(waivers ? { waivers } : {}) } };
}

/** Assesses one file against every framework: one outcome per framework, or one with the issues that stopped the file. */
export function assessOneFile(file: string, shared: SharedInputs, options: EachOptions): FileOutcome[] {
  const { now, limits, thresholds, generatedAt, waiverWarningDays } = options;
  const several = shared.frameworks.length > 1;
  const text = readInput(file, limits);
  const as = readAs(file, text.ok ? text.value : "", options.stdinName);
  const name = as.filename;
  const proposal = text.ok ? parseProposal(text.value, { ...as, limits }) : text;
  if (!proposal.ok) return [{ file: name, issues: proposal.issues }];
  const own = ownCompanions(file, shared, limits);
  if (!own.ok) return [{ file: name, issues: own.issues }];
  const { reviews, waivers } = own.value;
  return shared.frameworks.map((fw): FileOutcome => {
    const report = assess(proposal.value, fw, {
      now,
      ...(waiverWarningDays === undefined ? {} : { waiverWarningDays }),
      ...(thresholds ? { thresholds } : {}),
      ...(reviews && fits(reviews, fw, shared.frameworks, shared.reviews === undefined) ? { reviews } : {}),
      ...(waivers && fits(waivers, fw, shared.frameworks, shared.waivers === undefined) ? { waivers } : {}),
      ...(generatedAt ? { generatedAt } : {}),
    });
    const which = { ...(several ? { framework: fw.framework.id } : {}), ...(proposal.value.warnings.length > 0 ? { warnings: proposal.value.warnings } : {}) };
    return report.ok ? { file: name, ...which, report: report.value, issues: [] } : { file: name, ...which, issues: report.issues };
  });
}
