import { type Dirent, readdirSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { COMPANION_FILE } from "../node/pipeline.js";
import { expandBraces, matchPath, matchSegment } from "./glob-match.js";
import { UsageError } from "./io.js";

// Node 20 has fs.globSync only behind a flag, and the shell does not expand a quoted pattern (nor
// does Windows' cmd at all), so the CLI expands globs itself: `*`, `?`, `**`, character classes
// (`[0-9]`, `[!a]`) and braces (`{yaml,md}`). Like a shell, a wildcard never matches a name starting
// with a dot, and `**` does not follow symbolic links.
//
// Why not tinyglobby: it matches with picomatch, which compiles a pattern to a regular expression that
// backtracks. Measured on a 250-character name, `*a*a*b.yaml` takes 59 ms and `*a*a*a*b.yaml` 3.5 s,
// per name; and over 10,000 files it lists 4 times slower than this walk (115 ms against 28 ms). The
// matcher here is linear in name × pattern, whatever the pattern (tests/hostile holds it to that).

/** True when an argument holds a wildcard, a character class or a brace. */
export function isGlob(arg: string): boolean {
  return /[*?[{]/.test(arg);
}

/** The extensions senate reads a proposal from: what a folder argument expands to. */
export const PROPOSAL_EXTENSIONS = ["yaml", "yml", "json", "md", "markdown"] as const;

const PROPOSAL_FILE = new RegExp(`\\.(${PROPOSAL_EXTENSIONS.join("|")})$`, "i");

function join(dir: string, name: string): string {
  if (dir === "") return name;
  return dir.endsWith("/") ? `${dir}${name}` : `${dir}/${name}`;
}

/**
 * One expansion of a glob. Each `**` may match any number of folders, so two or more of them reach
 * the same folder with the same rest of the pattern by many routes (eight over an 18-deep tree:
 * millions); each (folder, rest) pair is walked once, and each folder is listed once.
 */
class Walk {
  readonly out = new Set<string>();
  private readonly done = new Set<string>();
  private readonly listed = new Map<string, Dirent[]>();

  constructor(private readonly segments: readonly string[]) {}

  list(dir: string): Dirent[] {
    let entries = this.listed.get(dir);
    if (entries === undefined) {
      try {
        entries = readdirSync(dir === "" ? "." : dir, { withFileTypes: true });
      } catch {
        entries = []; // an unreadable or missing directory matches nothing, as in a shell
      }
      this.listed.set(dir, entries);
    }
    return entries;
  }

  /** Matches segments[at…] below `dir`. */
  walk(dir: string, at: number): void {
    const key = `${at}\0${dir}`;
    if (this.done.has(key)) return;
    this.done.add(key);
    const segment = this.segments[at];
    if (segment === undefined) return;
    const last = at === this.segments.length - 1;
    if (segment === "**") {
      if (last) this.matchAny(dir);
      else this.walk(dir, at + 1);
      for (const e of this.list(dir)) if (e.isDirectory() && !e.name.startsWith(".")) this.walk(join(dir, e.name), at);
      return;
    }
    if (!isGlob(segment)) {
      this.step(join(dir, segment), undefined, at, last);
      return;
    }
    for (const e of this.list(dir)) {
      if (!matchSegment(segment, e.name) || (e.name.startsWith(".") && !segment.startsWith("."))) continue;
      this.step(join(dir, e.name), e, at, last);
    }
  }

  /** A trailing `**` matches every file in the folder (as `**\/*` does). */
  private matchAny(dir: string): void {
    for (const e of this.list(dir)) if (!e.name.startsWith(".")) this.step(join(dir, e.name), e, this.segments.length, true);
  }

  private step(path: string, entry: Dirent | undefined, at: number, last: boolean): void {
    const k = kind(path, entry);
    if (last && k === "file") this.out.add(path);
    if (!last && k === "dir") this.walk(path, at + 1);
  }
}

function kind(path: string, entry?: Dirent): "file" | "dir" | undefined {
  if (entry && !entry.isSymbolicLink()) return entry.isFile() ? "file" : entry.isDirectory() ? "dir" : undefined;
  try {
    const s = statSync(path);
    return s.isFile() ? "file" : s.isDirectory() ? "dir" : undefined;
  } catch {
    return undefined;
  }
}

/** The files one brace-free glob matches. */
function walkGlob(pattern: string): Set<string> {
  const absolute = pattern.startsWith("/");
  // `**/**` matches what `**` does: the repeats are dropped before the walk.
  const segments = pattern.split("/").filter((s, i, all) => (s !== "" || i === 0) && !(s === "**" && all[i - 1] === "**"));
  const walk = new Walk(absolute ? segments.slice(1) : segments);
  walk.walk(absolute ? "/" : "", 0);
  return walk.out;
}

/** The files a glob matches (never a companion file, nor one `ignored`), sorted; paths keep the pattern's own prefix (`./`, absolute or relative). */
export function matchGlob(pattern: string, ignored: (file: string) => boolean = () => false): string[] {
  const found = new Set<string>();
  for (const p of expandBraces(pattern)) for (const f of walkGlob(p)) if (!COMPANION_FILE.test(f) && !ignored(f)) found.add(f);
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Turns ignore lines (`--ignore-pattern`, `.senateignore`, the config's `ignores`) into a test, read as
 * a `.gitignore` reads them: a line without a slash matches a name at any depth, a line with one is
 * anchored to the working folder, and a folder's name ignores everything below it. Judged on the path
 * from the working folder (or, for a file outside it, its absolute path, which an unanchored line still matches).
 */
export function ignoreTest(lines: readonly string[]): (file: string) => boolean {
  const patterns: string[][] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("!")) throw new UsageError(`ignore pattern "${line}": negation (!) is not supported; narrow the inputs instead`);
    const bare = line.replace(/^\.\//, "").replace(/\/+$/, "");
    const anchored = bare.includes("/");
    for (const p of expandBraces(anchored ? bare.replace(/^\/+/, "") : `**/${bare}`)) patterns.push([...p.split("/"), "**"]);
  }
  if (patterns.length === 0) return () => false;
  return (file) => {
    const rel = relative(process.cwd(), resolve(file));
    const parts = (rel.startsWith("..") || isAbsolute(rel) ? resolve(file).slice(1) : rel).split(/[\\/]/);
    return patterns.some((p) => matchPath(p, parts));
  };
}

/** How file arguments are expanded. */
export interface ExpandOptions {
  /** Files never taken as proposals: the companions and outputs named on the command line. */
  exclude?: readonly string[];
  /** Ignore lines (see {@link ignoreTest}) that a glob or folder argument skips; a file named outright is always read. */
  ignore?: readonly string[];
}

/**
 * Expands command-line file arguments: `-` and plain paths pass through (a missing file is reported
 * when it is read), a glob becomes the files it matches and a folder every proposal below it, without
 * repeats and without any file in `exclude` (so `*.yaml` does not pick up the reviews file given to
 * --reviews). A glob or folder that matches nothing is a usage error naming it. An argument that names
 * an existing file is a plain path even when it holds a `*` or `?`.
 */
export function expandArgs(args: readonly string[], options: ExpandOptions = {}): string[] {
  const skip = new Set((options.exclude ?? []).filter((e) => e !== "-").map((e) => resolve(e)));
  const ignored = ignoreTest(options.ignore ?? []);
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
    const folder = k === "dir";
    const found = folder ? matchGlob(`${arg.replace(/\/+$/, "") || "/"}/**`, ignored).filter((f) => PROPOSAL_FILE.test(f)) : matchGlob(arg, ignored);
    const matches = found.filter((f) => !skip.has(resolve(f)));
    if (matches.length === 0)
      throw new UsageError(folder ? `no proposal files (${PROPOSAL_EXTENSIONS.map((e) => `.${e}`).join(", ")}) in folder "${arg}"` : `no files match "${arg}"`);
    matches.forEach(add);
  }
  return out;
}
