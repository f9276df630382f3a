import type { AssessOptions } from "../assess/assess.js";
import type { LoadedFramework } from "../framework/load.js";
import type { Issue, Result } from "../model/issue.js";
import type { AssessmentReport } from "../model/report.js";
import { resolveFramework } from "../node/files.js";
import { assessInput, type FileOutcome, type RunInputs, readCompanions } from "../node/pipeline.js";
import type { Limits } from "../source/limits.js";
import { readReports } from "./baseline.js";

export type { FileOutcome } from "../node/pipeline.js";

/** What every file in one `senate assess` run shares. */
export interface SharedInputs extends RunInputs {
  /** The first framework named; thresholds are checked against it. */
  framework: LoadedFramework;
  baseline?: AssessmentReport[];
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
  const { reviews, waivers } = paths;
  const docs = readCompanions({ ...(reviews === undefined ? {} : { reviews }), ...(waivers === undefined ? {} : { waivers }) }, { limits, stdin: true });
  if (!docs.ok) issues.push(...docs.issues);
  const baseline = paths.baseline === undefined ? undefined : readReports(paths.baseline, limits);
  if (baseline && !baseline.ok) issues.push(...baseline.issues);
  if (framework === undefined || issues.length > 0 || !docs.ok) return { ok: false, issues };
  return { ok: true, value: { framework, frameworks, ...docs.value, ...(baseline?.ok ? { baseline: baseline.value } : {}) } };
}

/** Options for assessing each file. */
export interface EachOptions extends Pick<AssessOptions, "thresholds" | "generatedAt" | "waiverWarningDays"> {
  now: Date;
  limits: Partial<Limits>;
  /** The name (and so the format) of a document read from standard input (`--stdin-filename`). */
  stdinName?: string;
}

/** Assesses one file against every framework: one outcome per framework, or one with the issues that stopped the file. */
export function assessOneFile(file: string, shared: SharedInputs, options: EachOptions): FileOutcome[] {
  const { now, limits, thresholds, generatedAt, waiverWarningDays, stdinName } = options;
  return assessInput(
    file,
    shared,
    { limits, stdin: true, ...(stdinName === undefined ? {} : { stdinName }) },
    {
      now,
      ...(waiverWarningDays === undefined ? {} : { waiverWarningDays }),
      ...(thresholds ? { thresholds } : {}),
      ...(generatedAt ? { generatedAt } : {}),
    },
  );
}
