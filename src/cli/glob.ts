import { type Dirent, readdirSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "./io.js";

// Node 20 has fs.globSync only behind a flag, and the shell does not expand a quoted pattern (nor
// does Windows' cmd at all), so the CLI expands `*`, `?` and `**` itself. Like a shell, a wildcard
// never matches a name starting with a dot, and `**` does not follow symbolic links.

/** True when an argument holds a wildcard. */
export function isGlob(arg: string): boolean {
  return /[*?]/.test(arg);
}

/**
 * Whether a name matches one path segment of a glob (`*.yaml`, `plan-?.md`). A two-pointer
 * matcher that only ever resumes from the last `*`: at most name × pattern steps, where a regular
 * expression such as `^.*a.*a.*a.*b$` can take exponential time over a long name.
 */
export function matchSegment(pattern: string, name: string): boolean {
  const pat = [...pattern];
  const str = [...name];
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < str.length) {
    if (p < pat.length && (pat[p] === "?" || (pat[p] !== "*" && pat[p] === str[n]))) {
      p++;
      n++;
    } else if (p < pat.length && pat[p] === "*") {
      star = p++;
      resume = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (pat[p] === "*") p++;
  return p === pat.length;
}

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

/** The files a glob matches, sorted; paths keep the pattern's own prefix (`./`, absolute or relative). */
export function matchGlob(pattern: string): string[] {
  const absolute = pattern.startsWith("/");
  // `**/**` matches what `**` does: the repeats are dropped before the walk.
  const segments = pattern.split("/").filter((s, i, all) => (s !== "" || i === 0) && !(s === "**" && all[i - 1] === "**"));
  const walk = new Walk(absolute ? segments.slice(1) : segments);
  walk.walk(absolute ? "/" : "", 0);
  return [...walk.out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Expands command-line file arguments: `-` and plain paths pass through (a missing file is reported
 * when it is read), a glob becomes the files it matches, without repeats and without any file in
 * `exclude` (so `*.yaml` does not pick up the reviews file given to --reviews). A glob that
 * matches nothing is a usage error naming it. An argument that names an existing file is a plain
 * path even when it holds a `*` or `?`.
 */
export function expandArgs(args: readonly string[], exclude: readonly string[] = []): string[] {
  const skip = new Set(exclude.filter((e) => e !== "-").map((e) => resolve(e)));
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = file === "-" ? "-" : resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(file);
  };
  for (const arg of args) {
    if (!isGlob(arg) || kind(arg) === "file") {
      add(arg);
      continue;
    }
    const matches = matchGlob(arg).filter((f) => !skip.has(resolve(f)));
    if (matches.length === 0) throw new UsageError(`no files match "${arg}"`);
    matches.forEach(add);
  }
  return out;
}
