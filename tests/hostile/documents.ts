// Small valid documents the hostile, security and fuzz suites start from, so a case shows only what it breaks.

import { HEAD } from "../fixtures/bad-proposals.js";

/** A valid proposal of 11 lines; text appended to it starts on line 12. */
export const PROPOSAL = HEAD;

/** A valid reviews file for london-2020; its first review's criterion is on line 4, column 16. */
export const REVIEWS = `schemaVersion: "1"
framework: london-2020
reviews:
  - criterion: LDN-1.1
    rating: met
    rationale: The needs assessment is thorough.
    reviewer: Dr Test
    date: 2025-12-10
`;

/** One review, to append to REVIEWS with a criterion of choice. */
export const review = (criterion: string) =>
  `  - criterion: ${criterion}\n    rating: met\n    rationale: Fine.\n    reviewer: Dr Test\n    date: 2025-12-10\n`;

/** A valid waivers file for london-2020 that expires far in the future; its first expiry is on line 8, column 14. */
export const WAIVERS = `schemaVersion: "1"
framework: london-2020
waivers:
  - criterion: LDN-2.4
    kind: accepted
    justification: Measures come from the national survey pilot.
    approver: Chief Nurse
    expires: 2099-12-31
`;

/** One waiver, to append to WAIVERS. */
export const waiver = (criterion: string, expires = "2099-12-31") =>
  `  - criterion: ${criterion}\n    kind: not-applicable\n    justification: Not relevant here.\n    approver: Medical Director\n    expires: ${expires}\n`;

/**
 * A valid one-criterion framework. Its only check is on line 24 (`          - kind: present`); `withCheck`
 * replaces that check, so a broken check starts on line 24, column 13.
 */
export const FRAMEWORK = `schemaVersion: "1"
id: tiny
version: 1.0.0
title: Tiny framework
publisher: Test publisher
source:
  title: Test source
  publisher: Test publisher
  date: 2020-06
  quoted: Nothing is quoted.
  added: Everything is added.
principles:
  - id: TST-1
    title: Case for change
    wording: There is a case for change.
    criteria:
      - id: TST-1.1
        title: Summary given
        question: Is there a summary?
        guidance: Write one in /caseForChange/summary.
        severity: major
        mode: automatic
        checks:
          - kind: present
            path: /caseForChange/summary
        recommendation: Write a summary.
`;

const CHECK = "          - kind: present\n            path: /caseForChange/summary\n";

/** FRAMEWORK with its check replaced by `lines` (YAML, indented for the checks list: `          - kind: …`). */
export function withCheck(lines: string): string {
  if (!FRAMEWORK.includes(CHECK)) throw new Error("tests/hostile/documents: FRAMEWORK no longer holds its check");
  return FRAMEWORK.replace(CHECK, lines.endsWith("\n") ? lines : `${lines}\n`);
}

/** `text` with `from` replaced by `to`; throws when `from` is not there, so a fixture never silently stops testing anything. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`tests/hostile/documents: "${from}" not found`);
  return text.replace(from, to);
}

const encoder = new TextEncoder();

/** UTF-8 bytes of `text`. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** Bytes of several parts (text as UTF-8, numbers as single bytes). */
export function bytes(...parts: (string | number | readonly number[] | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === "string" ? utf8(p) : typeof p === "number" ? Uint8Array.of(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** `text` as UTF-16 (little-endian with a byte-order mark unless `be`). */
export function utf16(text: string, be = false): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(be ? [0xfe, 0xff] : [0xff, 0xfe], 0);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + i * 2] = be ? unit >> 8 : unit & 0xff;
    out[3 + i * 2] = be ? unit & 0xff : unit >> 8;
  }
  return out;
}
