import type { Issue, Result } from "../model/issue.js";
import { DEFAULT_LIMITS, type Limits } from "./limits.js";

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Line and column (1-based) of a byte offset, counting characters before it on its line. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  return lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes[i] ?? 0);
    if (length === 0 || i + length > bytes.length) return i;
    const sequence = bytes.subarray(i, i + length);
    if (length > 1 && !isValid(sequence)) return i;
    i += length;
  }
  return bytes.length;
}

function isValid(bytes: Uint8Array): boolean {
  try {
    fatalUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** True for UTF-32 text: a byte-order mark, or (without one) an ASCII character in four bytes. */
function utf32(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes.length % 4 !== 0) return false;
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) return true;
  return (a !== 0 && b === 0 && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0 && d !== 0);
}

/**
 * Turns a file's bytes into text: UTF-8 only (a UTF-8 byte-order mark is dropped).
 * Rejects, with a located issue, files that are too large, empty, UTF-16, binary or not UTF-8.
 */
export function decodeBytes(bytes: Uint8Array, file: string, limits: Limits = DEFAULT_LIMITS): Result<string> {
  const fail = (issue: Omit<Issue, "file" | "pointer">): Result<string> => ({
    ok: false,
    issues: [{ ...issue, pointer: "", file }],
  });
  if (bytes.length > limits.maxBytes) {
    return fail({
      code: "too_large",
      message: `file is ${bytes.length} bytes, over the limit of ${limits.maxBytes} bytes (maxBytes); split it or raise the limit`,
    });
  }
  if (bytes.length === 0) return fail({ code: "empty_file", message: "file is empty; write a proposal in it (see `senate init`)" });
  // UTF-32's byte-order marks first: the little-endian one starts with UTF-16's.
  if (utf32(bytes)) return fail({ code: "bad_encoding", message: "file is UTF-32; save it as UTF-8", line: 1, column: 1 });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail({ code: "bad_encoding", message: "file is UTF-16; save it as UTF-8", line: 1, column: 1 });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail({ code: "binary_file", message: "file holds a NUL byte: it looks binary, not text", ...bytePosition(bytes, nul) });
  }
  try {
    return { ok: true, value: fatalUtf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return fail({ code: "bad_encoding", message: "file is not valid UTF-8; save it as UTF-8", ...bytePosition(bytes, at) });
  }
}
