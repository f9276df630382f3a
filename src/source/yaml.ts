import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node, parseAllDocuments } from "yaml";
import type { Issue, IssueCode, Result } from "../model/issue.js";
import { splitPointer } from "../model/pointer.js";
import type { Limits } from "./limits.js";
import type { LineIndex, Locator } from "./positions.js";

/** A parsed document: plain data, and a way back to source positions. */
export interface ParsedSource {
  data: unknown;
  locate: Locator;
}

const ERROR_CODES: Record<string, IssueCode> = {
  DUPLICATE_KEY: "duplicate_key",
  TAG_RESOLVE_FAILED: "unknown_tag",
  BAD_ALIAS: "syntax_error",
};

function hint(code: IssueCode): string {
  switch (code) {
    case "duplicate_key":
      return "; each key may appear once in a map: merge or rename one";
    case "unknown_tag":
      return "; custom YAML tags are not allowed: remove the tag";
    default:
      return "";
  }
}

/** Options for reading one YAML (or JSON) text, possibly embedded at `offset` in a larger file. */
export interface YamlOptions {
  file?: string | undefined;
  limits: Limits;
  index: LineIndex;
  offset?: number;
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

/** Parses YAML 1.2 (JSON included) into plain data, keeping a locator into the source. */
export function parseYaml(text: string, opts: YamlOptions): Result<ParsedSource> {
  const offset = opts.offset ?? 0;
  const where = (pos: number) => ({ ...(opts.file === undefined ? {} : { file: opts.file }), ...opts.index.at(offset + pos) });
  const docs = parseAllDocuments(text, { uniqueKeys: true, strict: true, prettyErrors: false, merge: false });
  const list = Array.isArray(docs) ? docs : [];
  if (list.length > 1) {
    const second = list[1];
    return fail({
      code: "multiple_documents",
      message: "file holds more than one YAML document; keep one per file",
      pointer: "",
      ...where(second?.range[0] ?? 0),
    });
  }
  const doc = list[0];
  if (doc === undefined || doc.contents === null) {
    return fail({ code: "empty_file", message: "document is empty", pointer: "", ...where(0) });
  }
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      ok: false,
      issues: problems.map((e) => {
        const code = ERROR_CODES[e.code] ?? "syntax_error";
        return { code, message: firstLine(e.message) + hint(code), pointer: "", ...where(e.pos[0]) };
      }),
    };
  }
  const size = measure(doc.contents as Node, opts.limits);
  if (size.depth > opts.limits.maxDepth) {
    return fail({ code: "too_deep", message: `nesting is deeper than the limit of ${opts.limits.maxDepth} levels (maxDepth)`, pointer: "", ...where(size.at) });
  }
  if (size.items > opts.limits.maxItems) {
    return fail({
      code: "too_many_items",
      message: `document holds more than the limit of ${opts.limits.maxItems} values (maxItems)`,
      pointer: "",
      ...where(size.at),
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: opts.limits.maxAliases });
  } catch (error) {
    if (error instanceof ReferenceError || /alias/i.test(String(error))) {
      return fail({
        code: "alias_limit",
        message: `aliases expand past the limit of ${opts.limits.maxAliases} (maxAliases); write the values out`,
        pointer: "",
        ...where(0),
      });
    }
    throw error;
  }
  return { ok: true, value: { data, locate: makeLocator(doc, (pos) => opts.index.at(offset + pos)) } };
}

function fail(issue: Issue): Result<never> {
  return { ok: false, issues: [issue] };
}

/**
 * Depth and value count of the node tree, stopping as soon as either passes its limit (with the offset
 * where it did); iterative, so no input can overflow the stack.
 */
function measure(root: Node, limits: Limits): { depth: number; items: number; at: number } {
  let depth = 0;
  let items = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, level] = stack.pop() as [unknown, number];
    const children = isMap(node) ? node.items.map((pair) => pair.value) : isSeq(node) ? node.items : [];
    depth = Math.max(depth, level);
    items += children.length;
    if (depth > limits.maxDepth || items > limits.maxItems) {
      const range = (node as { range?: [number, number, number] | null }).range;
      return { depth, items, at: range?.[0] ?? 0 };
    }
    for (const child of children) stack.push([child, level + 1]);
  }
  return { depth, items, at: 0 };
}

function makeLocator(doc: Document, at: (pos: number) => { line: number; column: number }): Locator {
  return (pointer, options) => {
    let node: unknown = doc.contents;
    let found: { line: number; column: number } | undefined = rangeStart(node, at);
    const segments = splitPointer(pointer);
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i] as string;
      if (isAlias(node)) node = node.resolve(doc);
      let keyNode: unknown;
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
        if (pair === undefined) return found;
        keyNode = pair.key;
        next = pair.value;
      } else if (isSeq(node) && /^\d+$/.test(seg)) {
        next = node.items[Number(seg)];
        if (next === undefined) return found;
      } else {
        return found;
      }
      const last = i === segments.length - 1;
      const useKey = keyNode !== undefined && (next === null || (last && options?.key === true));
      found = rangeStart(useKey ? keyNode : next, at) ?? found;
      node = next;
    }
    return found;
  };
}

function rangeStart(node: unknown, at: (pos: number) => { line: number; column: number }) {
  if (node && typeof node === "object" && "range" in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    if (range) return at(range[0]);
  }
  return undefined;
}
