import { FAILSAFE_SCHEMA, type LoadOptions, load, Type } from "js-yaml";
import { isCoreNonString, resolveCore } from "./core-scalars.js";
import { type FastNode, skipSeparation } from "./fast-locate.js";
import { fastPathSafe } from "./fast-screen.js";
import type { Limits } from "./limits.js";

// The fast path: js-yaml builds the data (about ten times faster than `yaml`'s Document), with
// YAML 1.2 core scalars, while a listener keeps each node's start offset for the locator. It reads
// only the plain subset of YAML both parsers agree on; for anything else (a problem of any kind,
// a feature where parsers may disagree, or a limit nearly reached) it answers undefined and the
// caller parses with `yaml`, so messages and locations never depend on which path ran.

const CORE = new Type("tag:senate-principles,2026:core", { kind: "scalar", resolve: isCoreNonString, construct: resolveCore });
const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [CORE] });

/**
 * What the fast path produced: the data and the root of the node tree with source offsets; or, for
 * a text that is otherwise fine, the offset of the earliest key given twice in a map (the same
 * answer the full parse gives, without its cost on a large file).
 */
export type FastParse = { data: Record<string, unknown>; root: FastNode } | { duplicate: number; key: string };

class Unsafe extends Error {}

/** Parses a YAML text on the fast path, or answers undefined when it must go to `yaml`. */
export function parseFast(text: string, limits: Limits): FastParse | undefined {
  if (!fastPathSafe(text)) return undefined;
  const stack: FastNode[] = [];
  let root: FastNode | undefined;
  let items = 0;
  let opened = 0;
  const seen: Seen = { duplicate: undefined, key: "" };
  const listener = (event: "open" | "close", state: ListenerState) => {
    if (event === "open") {
      // Every key and value opens a node: past twice maxItems, stop before js-yaml builds any more.
      if (++opened > 2 * limits.maxItems + 2) throw new Unsafe();
      stack.push({ start: state.position, end: 0, kind: null, value: undefined, kids: undefined });
      // Leave anything near the depth limit to `yaml`, which reports it exactly.
      if (stack.length >= limits.maxDepth) throw new Unsafe();
      return;
    }
    const node = stack.pop() as FastNode;
    node.start = skipSeparation(text, node.start);
    node.end = state.position;
    node.kind = state.kind;
    node.value = state.result;
    items += close(text, node, seen);
    if (items > limits.maxItems) throw new Unsafe();
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = node;
    else if (parent.kids === undefined) parent.kids = [node];
    else parent.kids.push(node);
  };
  // maxDepth (js-yaml 4.1+, missing from its typings) stops deep input before it can overflow the stack.
  // `json` lets a duplicate key through (the later value wins) so that closeMapping finds it and the
  // rest of the text is still read: a problem elsewhere must win, as it does in the full parse.
  const options: LoadOptions & { maxDepth: number } = {
    schema: SCHEMA,
    json: true,
    maxDepth: Math.min(limits.maxDepth + 1, 1000),
    listener: listener as NonNullable<LoadOptions["listener"]>,
    onWarning: () => {
      throw new Unsafe();
    },
  };
  let data: unknown;
  try {
    data = load(text, options);
  } catch {
    return undefined; // a problem of any kind: `yaml` reports it, with its own message and location
  }
  if (root === undefined || root.kind !== "mapping" || root.value !== data) return undefined;
  if (seen.duplicate !== undefined) return { duplicate: seen.duplicate, key: seen.key };
  return { data: data as Record<string, unknown>, root };
}

interface ListenerState {
  position: number;
  kind: "mapping" | "sequence" | "scalar" | null;
  result: unknown;
}

/**
 * Checks a closed node against the data js-yaml built from it (so that the node tree can stand in
 * for `yaml`'s) and returns how many values it holds; throws Unsafe for shapes left to `yaml`.
 */
/** The earliest repeated key found so far: its offset, and the key. */
interface Seen {
  duplicate: number | undefined;
  key: string;
}

function close(text: string, node: FastNode, seen: Seen): number {
  const first = text.charCodeAt(node.start);
  const quoted = first === 0x22 || first === 0x27;
  const flow = first === 0x5b || first === 0x7b;
  // The parsers fold multi-line quoted scalars differently (escaped line breaks, empty lines), and
  // only `yaml` requires a space between a quoted scalar or flow collection (or a block scalar's
  // header) and a comment. (Lines of a multi-line flow collection that are not indented enough are
  // a warning from js-yaml, which the fast path treats as unsafe.)
  // (Searched within the node only: a search from its end back to the previous line break would
  // cross the whole text for every scalar on one long line, as in minified JSON.)
  if (quoted && text.slice(node.start, node.end).includes("\n")) throw new Unsafe();
  if ((quoted || flow) && text.charCodeAt(node.end) === 0x23) throw new Unsafe();
  if ((first === 0x7c || first === 0x3e) && /^.[-+]?#/.test(text.slice(node.start, node.start + 3))) throw new Unsafe();
  // A collection read while looking for a mapping key, then kept as the node itself, comes wrapped.
  const only = node.kids?.length === 1 ? node.kids[0] : undefined;
  if (only !== undefined && only.value === node.value && only.kind === node.kind && node.kind !== "scalar") {
    node.start = only.start;
    node.kids = only.kids;
    return 0;
  }
  if (node.kind === "sequence") return closeSequence(node);
  if (node.kind === "mapping") return closeMapping(node, seen);
  return 0;
}

function closeSequence(node: FastNode): number {
  const list = node.value as unknown[];
  const kids = node.kids ?? [];
  if (kids.length !== list.length) throw new Unsafe();
  for (let i = 0; i < kids.length; i++) if (!Object.is((kids[i] as FastNode).value, list[i])) throw new Unsafe();
  return list.length;
}

function closeMapping(node: FastNode, seen: Seen): number {
  const map = node.value as Record<string, unknown>;
  const kids = node.kids ?? [];
  const last = kids[kids.length - 1];
  // A mapping ends by trying, and failing, to read one more key.
  if (kids.length % 2 === 1 && last?.kind === null && last.value === null) kids.pop();
  if (kids.length % 2 === 1) throw new Unsafe();
  // From the end, so that each key's check meets the occurrence whose value js-yaml kept (the last).
  const keys = new Set<string>();
  for (let i = kids.length - 2; i >= 0; i -= 2) {
    const key = kids[i] as FastNode;
    // Keys must be strings: `yaml` and js-yaml turn other keys (null, lists) into different strings.
    if (key.kind !== "scalar" || typeof key.value !== "string" || key.end - key.start > 1000) throw new Unsafe();
    if (keys.has(key.value)) continue;
    keys.add(key.value);
    if (!Object.is(map[key.value], (kids[i + 1] as FastNode).value)) throw new Unsafe();
  }
  if (keys.size !== Object.keys(map).length) throw new Unsafe();
  if (keys.size * 2 < kids.length) {
    const earliest = firstRepeat(kids);
    if (seen.duplicate === undefined || earliest.start < seen.duplicate) [seen.duplicate, seen.key] = [earliest.start, String(earliest.value)];
  }
  return kids.length / 2;
}

/** The first key (in source order) that repeats an earlier key of the same mapping. */
function firstRepeat(kids: FastNode[]): FastNode {
  const keys = new Set<unknown>();
  for (let i = 0; i < kids.length; i += 2) {
    const key = kids[i] as FastNode;
    if (keys.has(key.value)) return key;
    keys.add(key.value);
  }
  return kids[0] as FastNode;
}
