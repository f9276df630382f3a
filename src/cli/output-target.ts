import { lstatSync, type Stats, statSync } from "node:fs";
import { resolve } from "node:path";

// What stands at an output path before it is replaced. A report only ever replaces a regular file (or a
// symbolic link, which is replaced, never written through), and never one of the inputs, however it
// is reached: by another spelling, a symbolic link either way, or a hard link. Identity is the device
// and inode, so no spelling of a path can slip past it.

/** The file an output replaces, when there is one: its mode and owner are kept. */
export interface Existing {
  mode: number;
  uid: number;
  gid: number;
}

/** Why a target must not be written, or what it replaces (undefined: nothing is there yet). */
export type TargetCheck = { ok: true; existing: Existing | undefined } | { ok: false; problem: string };

/** The device and inode of a file (following links), or undefined when it cannot be seen. */
function identity(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/** The identities of every input that exists (standard input, `-`, has none). */
export function inputIdentities(inputs: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const input of inputs) {
    const id = input === "-" ? undefined : identity(input);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/** What a non-regular file is, in words. */
function kindOf(s: Stats): string | undefined {
  if (s.isFile()) return undefined;
  if (s.isDirectory()) return "a folder";
  if (s.isCharacterDevice()) return "a character device";
  if (s.isBlockDevice()) return "a block device";
  if (s.isFIFO()) return "a named pipe (FIFO)";
  if (s.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * Checks an output path against the inputs. A device, pipe, socket or folder is refused rather than
 * replaced (a rename over /dev/null, run as root, would replace the device with a file); so is any
 * path that is, or leads to, an input.
 */
export function checkTarget(path: string, inputs: ReadonlySet<string>, spelt: readonly string[] = []): TargetCheck {
  const target = resolve(path);
  if (spelt.some((i) => i !== "-" && resolve(i) === target)) return { ok: false, problem: `${path} is also an input; choose another file to write` };
  let link: Stats;
  try {
    link = lstatSync(target);
  } catch {
    return { ok: true, existing: undefined }; // nothing there: a new file
  }
  let real: Stats;
  try {
    real = statSync(target);
  } catch {
    return { ok: true, existing: undefined }; // a dangling link: it is replaced
  }
  const id = identity(target);
  if (id !== undefined && inputs.has(id)) return { ok: false, problem: `${path} is also an input; choose another file to write` };
  const kind = kindOf(real);
  if (kind !== undefined) {
    const how = link.isSymbolicLink() ? "leads to" : "is";
    return {
      ok: false,
      problem: `cannot write ${path}: it ${how} ${kind}, not a regular file${real.isCharacterDevice() ? "; to print the report, leave out the file" : ""}`,
    };
  }
  return { ok: true, existing: { mode: real.mode & 0o7777, uid: real.uid, gid: real.gid } };
}
