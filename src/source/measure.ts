import type { Alias, Document, Node } from "yaml";
import type { IssueCode } from "../model/issue.js";
import type { Limits } from "./limits.js";
import { lazyRequire } from "./require.js";

// Counts what a `yaml` Document will cost once it becomes plain data, before it does. Aliases are
// followed, so every limit counts the data as expanded: a small file whose aliases repeat a large
// list counts as large, and maxAliases counts every alias met in the expansion (one inside a value
// that another alias repeats counts each time). The walk stops as soon as a limit is passed, so it visits at most maxItems
// values, however far the aliases would expand.
const yaml = lazyRequire<typeof import("yaml")>("yaml");

/** The message for a key given twice in one map (both parsing paths give it). */
/** The message for a key that repeats in its map, naming it (quoted, and shortened when long). */
export function duplicateKeyMessage(key: string): string {
  const name = key.length > 60 ? `${key.slice(0, 59)}…` : key;
  return `key ${JSON.stringify(name)} appears more than once in this map; each key may appear once in a map: merge or rename one`;
}

/** A problem `measure` found, and the offset in the text to report it at. */
export interface Measured {
  code: IssueCode;
  message: string;
  at: number;
}

type Range = [number, number, number] | null | undefined;
const rangeOf = (node: unknown): Range => (node as { range?: Range } | null)?.range;

/** Every anchor in the document: name to its definitions, in source order. */
function anchorTable(root: unknown): Map<string, [number, Node][]> {
  const { isMap, isPair, isSeq } = yaml();
  const table = new Map<string, [number, Node][]>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor !== undefined) {
      const list = table.get(anchor) ?? [];
      list.push([rangeOf(node)?.[0] ?? 0, node as Node]);
      table.set(anchor, list);
    }
    if (isMap(node) || isSeq(node)) for (const item of node.items) stack.push(item);
    else if (isPair(node)) stack.push(node.key, node.value);
  }
  for (const list of table.values()) list.sort((a, b) => a[0] - b[0]);
  return table;
}

/** The node an alias stands for: the last definition of its anchor before it (as YAML says). */
function target(table: Map<string, [number, Node][]>, alias: Alias): Node | undefined {
  const at = rangeOf(alias)?.[0] ?? 0;
  let found: Node | undefined;
  for (const [offset, node] of table.get(alias.source) ?? []) {
    if (offset >= at) break;
    found = node;
  }
  return found;
}

/** The first key given twice in a map (its second occurrence), as an offset. */
function duplicateIn(pairs: readonly { key: unknown }[]): { at: number; name: string } | undefined {
  const { isScalar } = yaml();
  const keys = new Set<string>();
  for (const pair of pairs) {
    // Compared as the property names the data will have, so `1` and "1" are the same key.
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (keys.has(name)) return { at: rangeOf(pair.key)?.[0] ?? 0, name };
    keys.add(name);
  }
  return undefined;
}

/**
 * The first limit the document's data passes (depth, values, a circular alias), or a key that
 * cannot be plain data (a list or map as a key, the earliest key given twice); iterative, so no
 * input can overflow the stack. Problems met inside an alias's expansion are placed at the alias.
 */
export function measure(doc: Document, limits: Limits): Measured | undefined {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  let items = 0;
  let aliases = 0;
  let duplicate: { at: number; name: string } | undefined;
  let anchors: Map<string, [number, Node][]> | undefined;
  const checked = new Set<unknown>();
  const stack: [unknown, number, number | undefined][] = [[doc.contents, 1, undefined]];
  while (stack.length > 0) {
    let [node, level, via] = stack.pop() as [unknown, number, number | undefined];
    if (isAlias(node)) {
      const at = rangeOf(node)?.[0] ?? 0;
      if (++aliases > limits.maxAliases) {
        return { code: "alias_limit", message: `aliases expand past the limit of ${limits.maxAliases} (maxAliases); write the values out`, at: via ?? at };
      }
      anchors ??= anchorTable(doc.contents);
      const found = target(anchors, node);
      if (found === undefined) return { code: "syntax_error", message: `Unresolved alias (the anchor must be set before the alias): ${node.source}`, at };
      const span = rangeOf(found);
      if (span && span[0] <= at && at < span[2]) {
        return { code: "syntax_error", message: `alias *${node.source} is inside the value it names, which would make the data circular`, at };
      }
      node = found;
      via ??= at;
    }
    const at = via ?? rangeOf(node)?.[0] ?? 0;
    if (isMap(node) && !checked.has(node)) {
      checked.add(node);
      const bad = node.items.find((pair) => pair.key !== null && !isScalar(pair.key));
      if (bad) return { code: "syntax_error", message: "a map key must be plain text, not a list or map", at: rangeOf(bad.key)?.[0] ?? 0 };
      const repeated = duplicateIn(node.items);
      if (repeated !== undefined && (duplicate === undefined || repeated.at < duplicate.at)) duplicate = repeated;
    }
    const children: unknown[] = isMap(node) ? node.items.map((pair) => pair.value) : isSeq(node) ? node.items : [];
    items += children.length;
    if (level > limits.maxDepth) return { code: "too_deep", message: `nesting is deeper than the limit of ${limits.maxDepth} levels (maxDepth)`, at };
    if (items > limits.maxItems) return { code: "too_many_items", message: `document holds more than the limit of ${limits.maxItems} values (maxItems)`, at };
    for (const child of children) stack.push([child, level + 1, via]);
  }
  return duplicate === undefined ? undefined : { code: "duplicate_key", message: duplicateKeyMessage(duplicate.name), at: duplicate.at };
}
