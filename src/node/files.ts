import { realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve as resolvePath, sep } from "node:path";
import type { AssessOptions } from "../assess/assess.js";
import { builtinFramework } from "../framework/builtin.js";
import { type FrameworkOptions, type LoadedFramework, loadFramework } from "../framework/load.js";
import { isRecord, kindOf, optionIssue, readOptionIssues, textIssues } from "../model/arguments.js";
import type { Issue, Result } from "../model/issue.js";
import type { AssessmentReport } from "../model/report.js";
import type { ParsedProposal } from "../proposal/parse.js";
import type { Limits } from "../source/limits.js";
import { assessInput, readCompanions, readProposalInput } from "./pipeline.js";
import { readTextFile } from "./read.js";

/** A path must be a string, and the limits whole numbers; a JavaScript caller gets issues, not a TypeError. */
function pathIssues(path: unknown, limits: unknown, name = "path"): Issue[] {
  return [...textIssues(path, name), ...readOptionIssues({ limits }, "options")];
}

function assessFileIssues(path: unknown, options: unknown): Issue[] {
  if (options !== undefined && !isRecord(options)) return [optionIssue(`options must be an object; got ${kindOf(options)}`)];
  const { framework, reviews, waivers, limits } = options ?? {};
  const paths = [
    ...(typeof framework === "string" || isRecord(framework) || framework === undefined
      ? []
      : [optionIssue("options.framework must be an id, a path or a loaded framework")]),
    ...(reviews === undefined ? [] : textIssues(reviews, "options.reviews")),
    ...(waivers === undefined ? [] : textIssues(waivers, "options.waivers")),
  ];
  return [...pathIssues(path, limits), ...paths];
}

/** Reads and validates a proposal file (YAML, JSON or Markdown with front matter). */
export function readProposalFile(path: string, limits: Partial<Limits> = {}): Result<ParsedProposal> {
  const bad = pathIssues(path, limits);
  if (bad.length > 0) return { ok: false, issues: bad };
  return readProposalInput(path, { limits }).proposal;
}

/** The longest chain of framework files joined by `extends` (a built-in base adds one more). */
export const MAX_EXTENDS = 16;

/** A path with every symbolic link resolved; as given (absolute) when it does not exist, so reading it reports that. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolvePath(path);
  }
}

/** True when `path` is `home` or below it. */
function within(home: string, path: string): boolean {
  const inside = relative(home, path);
  return inside.split(sep)[0] !== ".." && !isAbsolute(inside);
}

const refused = (message: string): Result<never> => ({ ok: false, issues: [{ code: "invalid_value", message, pointer: "/extends" }] });

/**
 * Where a framework file's `extends` leads, or why it may not go there: only to a .yaml or .json
 * file in the folder of the framework named on the command line, or below it, judged on the real
 * path (every symbolic link resolved), so a link cannot lead out; never to a file already in the
 * chain, and no further than MAX_EXTENDS files.
 */
function extendsTarget(ref: string, self: string, chain: readonly string[]): Result<string> {
  const home = dirname(chain[0] ?? self);
  const real = realPath(resolvePath(dirname(self), ref));
  const framework = /\.(ya?ml|json)$/i;
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || isAbsolute(ref) || !within(home, real) || !framework.test(ref) || !framework.test(real)) {
    return refused(
      `extends ${ref}: a framework may extend a built-in id, or a .yaml or .json file in its own folder (${relative(".", home) || "."}) or below it`,
    );
  }
  const seen = [...chain, self];
  if (seen.includes(real)) return refused(`extends ${ref}, which forms a cycle (${[...seen, real].map((p) => relative(".", p) || p).join(" -> ")})`);
  if (seen.length >= MAX_EXTENDS)
    return refused(`extends ${ref}: a chain of extends may hold at most ${MAX_EXTENDS} framework files; extend a framework nearer the base`);
  return { ok: true, value: real };
}

/**
 * Loads a framework file (YAML or JSON). A tailored framework's `extends` may name a built-in id or a
 * file relative to this one (see extendsTarget); a refused one is reported at the `extends` that names it.
 */
export function loadFrameworkFile(
  path: string,
  options: Omit<FrameworkOptions, "filename" | "resolve"> = {},
  chain: readonly string[] = [],
): Result<LoadedFramework> {
  const bad = pathIssues(path, options?.limits);
  if (bad.length > 0) return { ok: false, issues: bad };
  const text = readTextFile(path, options.limits);
  if (!text.ok) return text;
  const self = realPath(path);
  const resolve = (ref: string): Result<LoadedFramework> => {
    const builtin = builtinFramework(ref);
    if (builtin) return { ok: true, value: builtin };
    if (!/[/\\.]/.test(ref))
      return {
        ok: false,
        issues: [{ code: "unknown_framework", message: `no built-in framework "${ref}" to extend; give an id or a relative path`, pointer: "/extends" }],
      };
    const target = extendsTarget(ref, self, chain);
    return target.ok ? loadFrameworkFile(target.value, options, [...chain, self]) : target;
  };
  return loadFramework(text.value, { ...options, filename: path, resolve });
}

/** A built-in framework id (e.g. london-2020) or a framework file path. */
export function resolveFramework(idOrPath: string, options: Omit<FrameworkOptions, "filename"> = {}): Result<LoadedFramework> {
  const bad = pathIssues(idOrPath, options?.limits, "idOrPath");
  if (bad.length > 0) return { ok: false, issues: bad };
  const builtin = builtinFramework(idOrPath);
  if (builtin) return { ok: true, value: builtin };
  if (!/[/\\.]/.test(idOrPath)) {
    return {
      ok: false,
      issues: [{ code: "unknown_framework", message: `no built-in framework "${idOrPath}"; see senate frameworks, or give a file path`, pointer: "" }],
    };
  }
  return loadFrameworkFile(idOrPath, options);
}

/** Options for assessing files: framework and the paths of the reviews and waivers files. */
export interface AssessFileOptions extends Omit<AssessOptions, "reviews" | "waivers"> {
  /** A built-in framework id or a framework file; default london-2020. */
  framework?: string | LoadedFramework;
  reviews?: string;
  waivers?: string;
  limits?: Partial<Limits>;
}

/**
 * Reads a proposal and its companion files, then assesses it, as `senate assess` does (see pipeline.ts).
 * `now` defaults to the current time. When the framework or a companion cannot be read, the proposal's
 * own problems come back too, in the order framework, proposal, reviews, waivers.
 */
export function assessFile(path: string, options: AssessFileOptions = {}): Result<AssessmentReport> {
  const bad = assessFileIssues(path, options);
  if (bad.length > 0) return { ok: false, issues: bad };
  const { framework: fw = "london-2020", reviews, waivers, limits = {}, ...rest } = options;
  const framework =
    typeof fw === "string" ? resolveFramework(fw, { limits, ...(rest.checks ? { checks: rest.checks } : {}) }) : { ok: true as const, value: fw };
  const named = readCompanions({ ...(reviews === undefined ? {} : { reviews }), ...(waivers === undefined ? {} : { waivers }) }, { limits });
  if (!framework.ok || !named.ok) {
    const { proposal } = readProposalInput(path, { limits });
    const issues = [framework, proposal, named].flatMap((r) => (r.ok ? [] : r.issues));
    return { ok: false, issues };
  }
  const [outcome] = assessInput(path, { frameworks: [framework.value], ...named.value }, { limits }, { ...rest, now: rest.now ?? new Date() });
  return outcome?.report ? { ok: true, value: outcome.report } : { ok: false, issues: outcome?.issues ?? [] };
}
