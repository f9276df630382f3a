import { existsSync } from "node:fs";
import { type AssessOptions, assess } from "../assess/assess.js";
import type { LoadedFramework } from "../framework/load.js";
import type { Issue, Result } from "../model/issue.js";
import type { AssessmentReport } from "../model/report.js";
import type { Reviews } from "../model/reviews.js";
import type { Sourced } from "../model/sourced.js";
import type { Waivers } from "../model/waivers.js";
import { parseReviews, parseWaivers } from "../proposal/documents.js";
import { type ParsedProposal, parseProposal } from "../proposal/parse.js";
import type { Limits } from "../source/limits.js";
import { detectFormat, formatOf, type ReadOptions } from "../source/read.js";
import { readInput, readTextFile } from "./read.js";

// The one path from a proposal on disk to its reports: read (read.ts, bounded) → parse by format →
// its reviews and waivers, named or found beside it → assess against each framework. The library's
// assessFile and the CLI's assess and validate all go this way, so they cannot drift apart.

/** How documents are read: within `limits`; with `stdin`, `-` is standard input (the CLI), read under `stdinName`. */
export interface ReadWith {
  limits: Partial<Limits>;
  stdin?: boolean;
  /** The name (and so the format) of a document read from standard input (`--stdin-filename`). */
  stdinName?: string;
}

const read = (path: string, how: ReadWith) => (how.stdin ? readInput(path, how.limits) : readTextFile(path, how.limits));

/** The name and format a document is read under: a file's own name, or for `-` the given name or a format sniffed from the text. */
export function readAs(file: string, text: string, stdinName: string | undefined): Pick<ReadOptions, "filename" | "format"> & { filename: string } {
  if (file !== "-") return { filename: file };
  if (stdinName !== undefined) return { filename: stdinName, format: formatOf(stdinName) };
  return { filename: "<stdin>", format: detectFormat(text) };
}

/** Reads and parses one proposal (YAML, JSON or Markdown with front matter); `name` is what messages call it. */
export function readProposalInput(file: string, how: ReadWith): { name: string; proposal: Result<ParsedProposal> } {
  const text = read(file, how);
  const as = how.stdin ? readAs(file, text.ok ? text.value : "", how.stdinName) : { filename: file };
  return { name: as.filename, proposal: text.ok ? parseProposal(text.value, { ...as, limits: how.limits }) : text };
}

/** The two kinds of companion file, and how each is parsed. */
const PARSERS = { reviews: parseReviews, waivers: parseWaivers } as const;
/** A proposal's companion files, by kind. */
export type Companions = { reviews?: string; waivers?: string };
/** A proposal's companion documents, read and parsed. */
export type CompanionDocs = { reviews?: Sourced<Reviews>; waivers?: Sourced<Waivers> };

/** Reads and parses the named reviews and waivers files (within the same limits as the proposal); every problem is an issue. */
export function readCompanions(paths: Companions, how: ReadWith): Result<CompanionDocs> {
  const issues: Issue[] = [];
  const docs: CompanionDocs = {};
  for (const kind of ["reviews", "waivers"] as const) {
    const path = paths[kind];
    if (path === undefined) continue;
    const text = read(path, how);
    const parsed = text.ok ? PARSERS[kind](text.value, { filename: path, limits: how.limits }) : text;
    if (!parsed.ok) issues.push(...parsed.issues);
    else (docs as Record<string, unknown>)[kind] = parsed.value;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: docs };
}

const COMPANION_EXTENSIONS = ["yaml", "yml", "json"];

/** `X.reviews.yaml` and `X.waivers.yaml` (or .yml, .json) go with `X.yaml`; a glob or folder never takes them as proposals. */
export const COMPANION_FILE = new RegExp(`\\.(${Object.keys(PARSERS).join("|")})\\.(${COMPANION_EXTENSIONS.join("|")})$`, "i");

/** `X.reviews.yaml` or `X.waivers.yaml` (or .yml, .json) beside the proposal `X.yaml` (or .md, .json), when there is one. */
export function companionBeside(file: string, kind: keyof Companions): string | undefined {
  const stem = file.replace(/\.(ya?ml|json|md|markdown)$/i, "");
  return COMPANION_EXTENSIONS.map((ext) => `${stem}.${kind}.${ext}`).find((p) => existsSync(p));
}

/** What every proposal of one run shares. */
export interface RunInputs extends CompanionDocs {
  /** Each proposal gets one report per framework. */
  frameworks: LoadedFramework[];
  /** Each proposal's own companion files, used when no reviews or waivers are named for the run. */
  pair?: (file: string) => Companions;
}

/** One proposal's outcome against one framework: its report, or the issues that stopped it. */
export interface FileOutcome {
  file: string;
  /** The framework's id, when several frameworks are assessed. */
  framework?: string;
  report?: AssessmentReport;
  issues: Issue[];
  /** Problems that did not stop the file, such as a Markdown heading not read as a response; never failing a run. */
  warnings?: Issue[];
}

/**
 * Whether a reviews or waivers file goes with a framework. With several frameworks, each file goes only
 * with the framework it was written for (or one tailored from it); if it fits none, it goes with all, so
 * the mismatch is reported rather than the file silently dropped.
 */
function fits(doc: Sourced<{ framework: string }> | undefined, fw: LoadedFramework, all: readonly LoadedFramework[], paired: boolean): boolean {
  const matches = (f: LoadedFramework) => doc?.value.framework === f.framework.id || doc?.value.framework === f.framework.basedOn?.id;
  // A file found beside the proposal was not asked for: it goes only with the framework it was written for.
  if (paired) return doc !== undefined && matches(fw);
  if (!doc || all.length === 1) return doc !== undefined;
  return matches(fw) || !all.some(matches);
}

/** The reviews and waivers for one proposal: those named for the run, else its own companions. */
function companionsOf(file: string, run: RunInputs, how: ReadWith): Result<CompanionDocs> {
  const pair = run.pair?.(file) ?? {};
  const wanted: Companions = {};
  if (run.reviews === undefined && pair.reviews !== undefined) wanted.reviews = pair.reviews;
  if (run.waivers === undefined && pair.waivers !== undefined) wanted.waivers = pair.waivers;
  const own = readCompanions(wanted, how);
  if (!own.ok) return own;
  const reviews = run.reviews ?? own.value.reviews;
  const waivers = run.waivers ?? own.value.waivers;
  return { ok: true, value: { ...(reviews ? { reviews } : {}), ...(waivers ? { waivers } : {}) } };
}

/** Assesses one proposal against every framework: one outcome per framework, or one with the issues that stopped it. */
export function assessInput(file: string, run: RunInputs, how: ReadWith, options: Omit<AssessOptions, "reviews" | "waivers">): FileOutcome[] {
  const { name, proposal } = readProposalInput(file, how);
  if (!proposal.ok) return [{ file: name, issues: proposal.issues }];
  const own = companionsOf(file, run, how);
  if (!own.ok) return [{ file: name, issues: own.issues }];
  const { reviews, waivers } = own.value;
  const several = run.frameworks.length > 1;
  return run.frameworks.map((fw): FileOutcome => {
    const report = assess(proposal.value, fw, {
      ...options,
      ...(reviews && fits(reviews, fw, run.frameworks, run.reviews === undefined) ? { reviews } : {}),
      ...(waivers && fits(waivers, fw, run.frameworks, run.waivers === undefined) ? { waivers } : {}),
    });
    const which = { ...(several ? { framework: fw.framework.id } : {}), ...(proposal.value.warnings.length > 0 ? { warnings: proposal.value.warnings } : {}) };
    return report.ok ? { file: name, ...which, report: report.value, issues: [] } : { file: name, ...which, issues: report.issues };
  });
}
