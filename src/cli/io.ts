import { closeSync, existsSync, fsyncSync, linkSync, openSync, readSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Result } from "../model/issue.js";
import { readTextFile } from "../node/files.js";
import { decodeBytes } from "../source/decode.js";
import { DEFAULT_LIMITS, type Limits } from "../source/limits.js";

/** Thrown for bad usage; the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

const STDIN = "<stdin>";

/** Reads standard input as bytes, stopping one chunk past `max` so an endless stream costs no more. */
function readStdin(max: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EOF") break;
      if (code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); // a non-blocking pipe with nothing yet
      continue;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
    if (total > max) break;
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a named input, or standard input for `-`; either way only UTF-8 text within the limits
 * passes (binary, UTF-16 and bad bytes are located issues, as for a file).
 */
export function readInput(path: string, limits: Partial<Limits> = {}): Result<string> {
  if (path !== "-") return readTextFile(path, limits);
  const all = { ...DEFAULT_LIMITS, ...limits };
  let bytes: Uint8Array;
  try {
    bytes = readStdin(all.maxBytes);
  } catch {
    return { ok: false, issues: [{ code: "read_failed", message: "cannot read standard input", pointer: "", file: STDIN }] };
  }
  if (bytes.length > all.maxBytes) {
    const message = `standard input is over the limit of ${all.maxBytes} bytes (maxBytes); write it to a file, or raise --max-bytes`;
    return { ok: false, issues: [{ code: "too_large", message, pointer: "", file: STDIN }] };
  }
  return decodeBytes(bytes, STDIN, all);
}

/** Thrown by `writeOutput` when the target exists and overwriting was not allowed. */
export class FileExists extends UsageError {}

/** Moves a finished temporary file into place; without `overwrite`, never over an existing file. */
function commit(temp: string, target: string, path: string, overwrite: boolean): void {
  if (overwrite) {
    renameSync(temp, target);
    return;
  }
  try {
    // link() fails when the target exists, so "create only if absent" holds even against a race.
    linkSync(temp, target);
    unlinkSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new FileExists(`${path} already exists; use --force to overwrite it`);
    if (existsSync(target)) throw new FileExists(`${path} already exists; use --force to overwrite it`);
    renameSync(temp, target); // a file system without hard links: the check above is the best there is
  }
}

/**
 * Writes a file atomically (temporary file, then rename), refusing to overwrite an input, and
 * refusing to overwrite anything at all when `overwrite` is false.
 */
export function writeOutput(path: string, text: string, inputs: readonly string[], options: { overwrite?: boolean } = {}): void {
  const target = resolve(path);
  if (inputs.some((i) => i !== "-" && resolve(i) === target)) throw new UsageError(`${path} is also an input; choose another file to write`);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, "w");
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    commit(temp, target, path, options.overwrite ?? true);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {}
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
