import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve as resolvePath, sep } from "node:path";
import type { AssessOptions } from "../assess/assess.js";
import { assess } from "../assess/assess.js";
import { builtinFramework } from "../framework/builtin.js";
import { type FrameworkOptions, type LoadedFramework, loadFramework } from "../framework/load.js";
import { isRecord, kindOf, optionIssue, readOptionIssues, textIssues } from "../model/arguments.js";
import type { Issue, Result } from "../model/issue.js";
import type { AssessmentReport } from "../model/report.js";
import { parseReviews, parseWaivers } from "../proposal/documents.js";
import { type ParsedProposal, parseProposal } from "../proposal/parse.js";
import { decodeBytes } from "../source/decode.js";
import { DEFAULT_LIMITS, type Limits } from "../source/limits.js";

/** What a path that is not a regular file is, in words (undefined for a regular file). */
function notRegular(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return "is a directory; name a file";
  const kind = stat.isFIFO() ? "a named pipe (FIFO)" : stat.isCharacterDevice() ? "a character device" : stat.isBlockDevice() ? "a block device" : "a socket";
  // Opening a pipe with no writer waits for ever, and a device may never end: neither is opened.
  return `is ${kind}, not a regular file; only regular files are read (the CLI reads a stream from standard input, named -)`;
}

class NotRegular extends Error {}

/**
 * A file's bytes, stopping once more than `max` have been read. Opened without blocking (a pipe put
 * in the file's place after it was checked would otherwise wait for a writer), then checked again.
 */
function readBounded(path: string, max: number): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  try {
    const kind = notRegular(fstatSync(fd));
    if (kind !== undefined) throw new NotRegular(kind);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, max + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > max) break;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

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

/** Reads a file as UTF-8 text; a missing file, a directory, a pipe, a device or bad bytes come back as issues. */
export function readTextFile(path: string, limits: Partial<Limits> = {}): Result<string> {
  const bytes = readFileBytes(path, limits);
  return bytes.ok ? decodeBytes(bytes.value, path, { ...DEFAULT_LIMITS, ...limits }) : bytes;
}

/** Reads a regular file's bytes within `maxBytes` (a Word document, for `senate import`); every failure is an issue. */
export function readFileBytes(path: string, limits: Partial<Limits> = {}): Result<Uint8Array> {
  const all = { ...DEFAULT_LIMITS, ...limits };
  const fail = (message: string): Result<Uint8Array> => ({ ok: false, issues: [{ code: "read_failed", message, pointer: "", file: path }] });
  let size: number;
  try {
    const stat = statSync(path);
    const kind = notRegular(stat);
    if (kind !== undefined) return fail(kind);
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === "ENOENT" ? "no such file" : `cannot read (${code ?? "error"})`);
  }
  if (size > all.maxBytes) {
    return {
      ok: false,
      issues: [{ code: "too_large", message: `file is ${size} bytes, over the limit of ${all.maxBytes} bytes (maxBytes)`, pointer: "", file: path }],
    };
  }
  try {
    // A file may grow after it was measured: read no more than one byte past the limit.
    const bytes = readBounded(path, all.maxBytes);
    if (bytes.length > all.maxBytes) {
      return { ok: false, issues: [{ code: "too_large", message: `file is over the limit of ${all.maxBytes} bytes (maxBytes)`, pointer: "", file: path }] };
    }
    return { ok: true, value: bytes };
  } catch (error) {
    if (error instanceof NotRegular) return fail(error.message);
    return fail(`cannot read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** Reads and validates a proposal file (YAML, JSON or Markdown with front matter). */
export function readProposalFile(path: string, limits: Partial<Limits> = {}): Result<ParsedProposal> {
  const bad = pathIssues(path, limits);
  if (bad.length > 0) return { ok: false, issues: bad };
  const text = readTextFile(path, limits);
  return text.ok ? parseProposal(text.value, { filename: path, limits }) : text;
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

/** Reads a proposal and its companion files, then assesses it. `now` defaults to the current time. */
export function assessFile(path: string, options: AssessFileOptions = {}): Result<AssessmentReport> {
  const bad = assessFileIssues(path, options);
  if (bad.length > 0) return { ok: false, issues: bad };
  const { framework: fw = "london-2020", reviews: reviewsPath, waivers: waiversPath, limits, ...rest } = options;
  const framework =
    typeof fw === "string" ? resolveFramework(fw, { limits: limits ?? {}, ...(rest.checks ? { checks: rest.checks } : {}) }) : { ok: true as const, value: fw };
  const proposal = readProposalFile(path, limits);
  const reviewsText = reviewsPath === undefined ? undefined : readTextFile(reviewsPath, limits);
  const waiversText = waiversPath === undefined ? undefined : readTextFile(waiversPath, limits);
  const reviews = reviewsText?.ok ? parseReviews(reviewsText.value, { filename: reviewsPath as string }) : reviewsText;
  const waivers = waiversText?.ok ? parseWaivers(waiversText.value, { filename: waiversPath as string }) : waiversText;
  const issues = [framework, proposal, reviews, waivers].flatMap((r) => (r && !r.ok ? r.issues : []));
  if (issues.length > 0 || !framework.ok || !proposal.ok) return { ok: false, issues };
  return assess(proposal.value, framework.value, {
    ...rest,
    now: rest.now ?? new Date(),
    ...(reviews?.ok ? { reviews: reviews.value } : {}),
    ...(waivers?.ok ? { waivers: waivers.value } : {}),
  });
}
