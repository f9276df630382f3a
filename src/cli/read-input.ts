import { readSync } from "node:fs";
import type { Result } from "../model/issue.js";
import { readTextFile } from "../node/files.js";
import { decodeBytes } from "../source/decode.js";
import { DEFAULT_LIMITS, type Limits } from "../source/limits.js";

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
