import type { Document } from "yaml";
import type { Issue, IssueCode, Result } from "../model/issue.js";
import { splitPointer } from "../model/pointer.js";
import type { Limits } from "./limits.js";
import type { Narrative } from "./markdown-sections.js";
import { measure } from "./measure.js";
import type { Locator } from "./positions.js";
import { prescan } from "./prescan.js";
import { lazyRequire } from "./require.js";

// The full parse: `yaml`'s positioned Document, with every check (duplicate keys, several
// documents, tags, alias, depth and item limits) and a locator. Always exact; about ten times
// slower than the fast path, so it runs when the fast path declines a text, or to locate an
// empty value. `yaml` is loaded on first use.
const yaml = lazyRequire<typeof import("yaml")>("yaml");

/** A parsed document: plain data, and a way back to source positions. */
export interface ParsedSource {
  data: unknown;
  locate: Locator;
  /** Problems that do not stop the document being read, such as a Markdown heading not read as a response. */
  warnings?: Issue[];
  /** For Markdown: what was taken from the narrative. */
  narrative?: Narrative;
}

/** Options for reading one YAML (or JSON) text, possibly embedded at `offset` in a larger file. */
export interface YamlOptions {
  file?: string | undefined;
  limits: Limits;
  index: { at(offset: number): { line: number; column: number } };
  offset?: number;
}

const ERROR_CODES: Record<string, IssueCode> = {
  DUPLICATE_KEY: "duplicate_key",
  TAG_RESOLVE_FAILED: "unknown_tag",
  BAD_ALIAS: "syntax_error",
  // `yaml` catches the stack overflow that very deep nesting causes and reports it as this.
  RESOURCE_EXHAUSTION: "too_deep",
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

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

function parseDocuments(text: string): Document.Parsed[] {
  // Duplicate keys are found by `measure` in one pass (yaml's uniqueKeys compares every key with every
  // other); the core schema without known tags keeps !!binary, !!set, !!timestamp and a %YAML 1.1
  // directive from building anything but plain data; logLevel keeps yaml's warnings off stderr.
  const docs = yaml().parseAllDocuments(text, {
    uniqueKeys: false,
    strict: true,
    prettyErrors: false,
    merge: false,
    schema: "core",
    resolveKnownTags: false,
    logLevel: "error",
  });
  return Array.isArray(docs) ? docs : [];
}

/** Parses YAML 1.2 (JSON included) into plain data with `yaml`, keeping a locator into the source. */
export function parseDocument(text: string, opts: YamlOptions): Result<ParsedSource> {
  const offset = opts.offset ?? 0;
  const where = (pos: number) => ({ ...(opts.file === undefined ? {} : { file: opts.file }), ...opts.index.at(offset + pos) });
  const early = prescan(text, opts.limits);
  if (early) return fail({ code: early.code, message: early.message, pointer: "", ...where(early.at) });
  const list = parseDocuments(text);
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
        const message =
          code === "too_deep" ? `nesting is deeper than the limit of ${opts.limits.maxDepth} levels (maxDepth)` : firstLine(e.message) + hint(code);
        return { code, message, pointer: "", ...where(e.pos[0]) };
      }),
    };
  }
  const size = measure(doc, opts.limits);
  if (size) return fail({ code: size.code, message: size.message, pointer: "", ...where(size.at) });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: opts.limits.maxAliases });
  } catch (error) {
    if (error instanceof ReferenceError && /Unresolved alias/.test(error.message)) {
      return fail({ code: "syntax_error", message: firstLine(error.message), pointer: "", ...where(0) });
    }
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

/** A locator over `yaml`'s Document for a text the fast path has already read. */
export function documentLocator(text: string, opts: YamlOptions): Locator {
  const offset = opts.offset ?? 0;
  const doc = parseDocuments(text)[0];
  if (doc === undefined) return () => undefined;
  return makeLocator(doc, (pos) => opts.index.at(offset + pos));
}

function fail(issue: Issue): Result<never> {
  return { ok: false, issues: [issue] };
}

function makeLocator(doc: Document, at: (pos: number) => { line: number; column: number }): Locator {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
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
