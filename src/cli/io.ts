import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Result } from "../model/issue.js";
import { readTextFile } from "../node/files.js";

/** Thrown for bad usage; the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Reads a named input, or standard input for `-`. */
export function readInput(path: string): Result<string> {
  if (path !== "-") return readTextFile(path);
  try {
    return { ok: true, value: readFileSync(0, "utf8") };
  } catch {
    return { ok: false, issues: [{ code: "read_failed", message: "cannot read standard input", pointer: "", file: "<stdin>" }] };
  }
}

/** Writes a file atomically (temporary file, then rename), refusing to overwrite an input. */
export function writeOutput(path: string, text: string, inputs: readonly string[]): void {
  const target = resolve(path);
  if (inputs.some((i) => i !== "-" && resolve(i) === target)) throw new UsageError(`--output ${path} is also an input; choose another file`);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, "w");
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {}
    throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
