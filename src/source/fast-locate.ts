import { splitPointer } from "../model/pointer.js";

/** A node the fast path read: where its content starts and ends, and what it holds. */
export interface FastNode {
  /** Offset of the node's first character (its quote, bracket, block indicator or first key). */
  start: number;
  end: number;
  /** js-yaml's kind; null for an empty value. */
  kind: "mapping" | "sequence" | "scalar" | null;
  value: unknown;
  /** Children in source order: key, value, key, value… for a mapping; the items of a sequence. */
  kids: FastNode[] | undefined;
}

/**
 * The offset after spaces, line breaks and comments from `at`: where js-yaml's reader finds the
 * node it opened at `at` (mapping values open straight after their `:`).
 */
export function skipSeparation(text: string, at: number): number {
  let i = at;
  for (;;) {
    let c = text.charCodeAt(i);
    while (c === 0x20) c = text.charCodeAt(++i);
    if (c === 0x23) {
      while (i < text.length && c !== 0x0a && c !== 0x0d) c = text.charCodeAt(++i);
    }
    if (c === 0x0a) i++;
    else if (c === 0x0d) i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    else return i;
  }
}

/** What the fast locator found: an offset, or "ask the full parser". */
export type FastLocation = number | "slow";

/**
 * The offset `yaml`'s locator would give for a pointer, walking the fast node tree the same way:
 * a missing step answers its nearest parent; `key` asks for the key of the last step. Empty values
 * (whose offset `yaml` places by rules of its own) answer "slow".
 */
export function locateFast(root: FastNode, pointer: string, key: boolean): FastLocation {
  let node = root;
  let found = root.start;
  const segments = splitPointer(pointer);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string;
    const kids = node.kids ?? [];
    let keyNode: FastNode | undefined;
    let next: FastNode | undefined;
    if (node.kind === "mapping") {
      for (let k = 0; k < kids.length; k += 2) {
        if ((kids[k] as FastNode).value === seg) {
          keyNode = kids[k];
          next = kids[k + 1];
          break;
        }
      }
      if (next === undefined) return found;
    } else if (node.kind === "sequence" && /^\d+$/.test(seg)) {
      next = kids[Number(seg)];
      if (next === undefined) return found;
    } else {
      return found;
    }
    const useKey = keyNode !== undefined && key && i === segments.length - 1;
    if (useKey) return (keyNode as FastNode).start;
    if (next.kind === null) return "slow";
    found = next.start;
    node = next;
  }
  return found;
}
