import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from "node:fs";
import type { Issue, IssueCode, Result } from "../model/issue.js";
import { decodeBytes } from "../source/decode.js";
import { DEFAULT_LIMITS, type Limits } from "../source/limits.js";

// The one place senate reads a document's bytes: proposals, companions, frameworks, baselines, the
// configuration and Word files, from a file or from standard input. Every read stops one byte past
// `maxBytes`, so an endless stream or a file that grows while it is read costs no more than that.

const STDIN = "<stdin>";
/** The most read at a time; a small file is still read in one call. */
const CHUNK = 1024 * 1024;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

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
 * Reads an open descriptor to its end, or until more than `max` bytes have come. A non-blocking pipe
 * with nothing in it yet (EAGAIN) is waited on briefly; Windows ends a pipe with an EOF error.
 */
function readBounded(fd: number, max: number): Uint8Array {
  const chunks: Buffer[] = [];
  const scratch = Buffer.allocUnsafe(Math.min(CHUNK, max + 1));
  let total = 0;
  while (total <= max) {
    let n: number;
    try {
      n = readSync(fd, scratch, 0, Math.min(scratch.length, max + 1 - total), null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EOF") break;
      if (code !== "EAGAIN") throw error;
      Atomics.wait(PAUSE, 0, 0, 10);
      continue;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(scratch.subarray(0, n)));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/** Opens a file without blocking (a pipe put in its place after it was checked would wait for a writer), then checks it again. */
function readOpened(path: string, max: number): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  try {
    const kind = notRegular(fstatSync(fd));
    if (kind !== undefined) throw new NotRegular(kind);
    return readBounded(fd, max);
  } finally {
    closeSync(fd);
  }
}

function failed(code: IssueCode, message: string, file: string): Result<never> {
  const issue: Issue = { code, message, pointer: "", file };
  return { ok: false, issues: [issue] };
}

/** Reads a regular file's bytes within `maxBytes` (a Word document, for `senate import`); every failure is an issue. */
export function readFileBytes(path: string, limits: Partial<Limits> = {}): Result<Uint8Array> {
  const max = { ...DEFAULT_LIMITS, ...limits }.maxBytes;
  let size: number;
  try {
    const stat = statSync(path);
    const kind = notRegular(stat);
    if (kind !== undefined) return failed("read_failed", kind, path);
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failed("read_failed", code === "ENOENT" ? "no such file" : `cannot read (${code ?? "error"})`, path);
  }
  if (size > max) return failed("too_large", `file is ${size} bytes, over the limit of ${max} bytes (maxBytes)`, path);
  try {
    // A file may grow after it was measured: no more than one byte past the limit is read.
    const bytes = readOpened(path, max);
    if (bytes.length > max) return failed("too_large", `file is over the limit of ${max} bytes (maxBytes)`, path);
    return { ok: true, value: bytes };
  } catch (error) {
    if (error instanceof NotRegular) return failed("read_failed", error.message, path);
    return failed("read_failed", `cannot read (${(error as NodeJS.ErrnoException).code ?? "error"})`, path);
  }
}

/** Reads a file as UTF-8 text; a missing file, a directory, a pipe, a device or bad bytes come back as issues. */
export function readTextFile(path: string, limits: Partial<Limits> = {}): Result<string> {
  const bytes = readFileBytes(path, limits);
  return bytes.ok ? decodeBytes(bytes.value, path, { ...DEFAULT_LIMITS, ...limits }) : bytes;
}

/** Reads standard input as UTF-8 text within `maxBytes`. */
function readStdinText(limits: Partial<Limits>): Result<string> {
  const all = { ...DEFAULT_LIMITS, ...limits };
  let bytes: Uint8Array;
  try {
    bytes = readBounded(0, all.maxBytes);
  } catch {
    return failed("read_failed", "cannot read standard input", STDIN);
  }
  if (bytes.length > all.maxBytes) {
    return failed("too_large", `standard input is over the limit of ${all.maxBytes} bytes (maxBytes); write it to a file, or raise --max-bytes`, STDIN);
  }
  return decodeBytes(bytes, STDIN, all);
}

/**
 * Reads a named input, or standard input for `-` (the CLI's convention; the library's helpers read a
 * file named `-`). Either way only UTF-8 text within the limits passes: binary, UTF-16 and bad bytes
 * are located issues.
 */
export function readInput(path: string, limits: Partial<Limits> = {}): Result<string> {
  return path === "-" ? readStdinText(limits) : readTextFile(path, limits);
}
