import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

/**
 * The folder SARIF paths are relative to: the nearest folder, from `start` up, holding `.git` (a
 * folder in a clone, a file in a worktree or submodule), since code scanning resolves paths against
 * the repository root; otherwise `start` itself.
 */
export function findBaseDir(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, ".git"))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(start);
    dir = up;
  }
}

/** A file's path relative to `base`, with forward slashes; absolute when it lies outside `base`. Standard input stays as named. */
export function relativeTo(base: string): (file: string) => string {
  return (file) => {
    if (file === "<stdin>") return file;
    const absolute = resolve(file);
    const rel = relative(base, absolute);
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return absolute.replace(/\\/g, "/");
    return rel.replace(/\\/g, "/");
  };
}
