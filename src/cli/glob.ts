import { statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import picomatch from "picomatch";
import { escapePath, globSync, isDynamicPattern } from "tinyglobby";
import { UsageError } from "./io.js";

// The shell does not expand a quoted pattern (nor does Windows' cmd at all), so the CLI expands its
// file arguments itself, with tinyglobby: `*`, `?`, `**`, braces (`{yaml,md}`) and character classes
// (`q[0-9].md`), as ESLint and friends do. A wildcard never matches a name starting with a dot, and `**`
// does not follow symbolic links into other folders. A folder stands for every proposal below it.

/** The extensions senate reads a proposal from: what a folder argument expands to. */
export const PROPOSAL_EXTENSIONS = ["yaml", "yml", "json", "md", "markdown"] as const;

/** `X.reviews.yaml` and `X.waivers.yaml` go with `X.yaml`; a glob or folder never takes them as proposals. */
export const COMPANION_FILE = /\.(reviews|waivers)\.(ya?ml|json)$/i;

/** True when an argument holds a wildcard, a brace or a character class. */
export function isGlob(arg: string): boolean {
  return isDynamicPattern(arg);
}

function kind(path: string): "file" | "dir" | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? "file" : s.isDirectory() ? "dir" : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns ignore lines (`--ignore-pattern`, `.senateignore`, the config's `ignores`) into globs, read as
 * a `.gitignore` reads them: a line without a slash matches a name at any depth, a line with one is
 * anchored to the working folder, and a folder's name ignores everything below it.
 */
export function ignoreGlobs(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("!")) throw new UsageError(`ignore pattern "${line}": negation (!) is not supported; narrow the inputs instead`);
    const bare = line.replace(/^\.\//, "").replace(/\/+$/, "");
    const anchored = bare.startsWith("/") || bare.includes("/");
    const base = anchored ? bare.replace(/^\/+/, "") : `**/${bare}`;
    out.push(base, `${base}/**`);
  }
  return out;
}

/**
 * Whether an ignore glob matches a path: judged on the path from the working folder, as a `.gitignore`
 * is, or (for a file outside it) on its absolute path, which an unanchored line still matches.
 */
function ignoredBy(ignore: readonly string[]): (file: string) => boolean {
  if (ignore.length === 0) return () => false;
  const match = picomatch([...ignore], { dot: true });
  return (file) => {
    const rel = relative(process.cwd(), resolve(file));
    return match(rel.startsWith("..") || isAbsolute(rel) ? resolve(file).slice(1) : rel);
  };
}

/** The files a glob matches (never a companion file), sorted; paths keep the pattern's own prefix (`./`, absolute or relative). */
export function matchGlob(pattern: string, ignore: readonly string[] = []): string[] {
  const absolute = pattern.startsWith("/");
  const found = globSync(pattern, { absolute, dot: false, followSymbolicLinks: false, expandDirectories: false });
  const prefix = !absolute && pattern.startsWith("./") ? "./" : "";
  const ignored = ignoredBy(ignore);
  return found
    .filter((f) => !COMPANION_FILE.test(f) && !ignored(f))
    .map((f) => `${prefix}${f}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The pattern a folder argument stands for: every proposal below it. */
function folderGlob(dir: string): string {
  return `${escapePath(dir.replace(/\/+$/, "") || "/")}/**/*.{${PROPOSAL_EXTENSIONS.join(",")}}`;
}

/** How file arguments are expanded. */
export interface ExpandOptions {
  /** Files never taken as proposals: the companions and outputs named on the command line. */
  exclude?: readonly string[];
  /** Globs (from {@link ignoreGlobs}) that a glob or folder argument skips; a file named outright is always read. */
  ignore?: readonly string[];
}

/**
 * Expands command-line file arguments: `-` and plain paths pass through (a missing file is reported
 * when it is read), a folder or glob becomes the files it matches, without repeats and without any
 * file in `exclude` (so `*.yaml` does not pick up the reviews file given to --reviews). A glob or
 * folder that matches nothing is a usage error naming it. An argument that names an existing file is
 * a plain path even when it holds a wildcard.
 */
export function expandArgs(args: readonly string[], options: ExpandOptions = {}): string[] {
  const skip = new Set((options.exclude ?? []).filter((e) => e !== "-").map((e) => resolve(e)));
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = file === "-" ? "-" : resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(file);
  };
  for (const arg of args) {
    const k = arg === "-" ? undefined : kind(arg);
    if (k === "file" || (k === undefined && !isGlob(arg))) {
      add(arg);
      continue;
    }
    const matches = matchGlob(k === "dir" ? folderGlob(arg) : arg, options.ignore).filter((f) => !skip.has(resolve(f)));
    if (matches.length === 0)
      throw new UsageError(
        k === "dir" ? `no proposal files (${PROPOSAL_EXTENSIONS.map((e) => `.${e}`).join(", ")}) in folder "${arg}"` : `no files match "${arg}"`,
      );
    matches.forEach(add);
  }
  return out;
}
