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

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir === "" ? "." : dir, { withFileTypes: true });
  } catch {
    return []; // an unreadable or missing directory matches nothing, as in a shell
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

function walk(dir: string, segments: string[], out: Set<string>): void {
  const [segment, ...rest] = segments;
  if (segment === undefined) return;
  if (segment === "**") {
    const after = rest.length > 0 ? rest : ["*"];
    walk(dir, after, out);
    for (const e of list(dir)) if (e.isDirectory() && !e.name.startsWith(".")) walk(join(dir, e.name), segments, out);
    return;
  }
  if (!isGlob(segment)) {
    const path = join(dir, segment);
    const k = kind(path);
    if (rest.length === 0 && k === "file") out.add(path);
    if (rest.length > 0 && k === "dir") walk(path, rest, out);
    return;
  }
  for (const e of list(dir)) {
    if (!matchSegment(segment, e.name) || (e.name.startsWith(".") && !segment.startsWith("."))) continue;
    const path = join(dir, e.name);
    const k = kind(path, e);
    if (rest.length === 0 && k === "file") out.add(path);
    if (rest.length > 0 && k === "dir") walk(path, rest, out);
  }
}

/** The files a glob matches, sorted; paths keep the pattern's own prefix (`./`, absolute or relative). */
export function matchGlob(pattern: string): string[] {
  const absolute = pattern.startsWith("/");
  const segments = pattern.split("/").filter((s, i) => s !== "" || i === 0);
  const out = new Set<string>();
  walk(absolute ? "/" : "", absolute ? segments.slice(1) : segments, out);
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
