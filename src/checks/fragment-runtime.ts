import { linearRegExp } from "./linear-regexp.js";

// What Ajv's standalone code for the built-in fragments (src/generated/fragments.ts) calls at run
// time, in place of the `require("ajv/dist/runtime/…")` lines Ajv writes: the same functions, so
// loading the built-in frameworks loads none of Ajv.

/** String length in code points, as Ajv's runtime ucs2length counts it. */
export function ucs2length(text: string): number {
  let length = 0;
  for (let pos = 0; pos < text.length; length++) {
    const code = text.charCodeAt(pos++);
    if (code >= 0xd800 && code <= 0xdbff && pos < text.length && (text.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}

/** Deep equality of JSON values, as Ajv's runtime `equal` (fast-deep-equal) decides it for them. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (a.constructor !== b.constructor) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => equal(v, other[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A `pattern` in standalone code: run on RE2, as every pattern from data is (linear-regexp.ts). */
export function regExp(pattern: string): { test(text: string): boolean } {
  return linearRegExp(pattern);
}
