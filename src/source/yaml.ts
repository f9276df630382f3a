import type { Result } from "../model/issue.js";
import { type FastNode, locateFast } from "./fast-locate.js";
import { parseFast } from "./fast-yaml.js";
import { duplicateKeyMessage } from "./measure.js";
import type { Locator } from "./positions.js";
import { documentLocator, type ParsedSource, parseDocument, type YamlOptions } from "./yaml-document.js";

export type { ParsedSource, YamlOptions } from "./yaml-document.js";

/**
 * Parses YAML 1.2 (JSON included) into plain data, keeping a locator into the source. The fast
 * path reads the text when it can; otherwise `yaml` does, with every check and exact locations.
 * Both give the same data and the same locations (tests/fast-path.test.ts).
 */
export function parseYaml(text: string, opts: YamlOptions): Result<ParsedSource> {
  const fast = parseFast(text, opts.limits);
  if (fast === undefined) return parseDocument(text, opts);
  if ("duplicate" in fast) {
    const where = opts.index.at((opts.offset ?? 0) + fast.duplicate);
    const issue = {
      code: "duplicate_key" as const,
      message: duplicateKeyMessage(fast.key),
      pointer: "",
      ...(opts.file === undefined ? {} : { file: opts.file }),
      ...where,
    };
    return { ok: false, issues: [issue] };
  }
  return { ok: true, value: { data: fast.data, locate: fastLocator(text, fast.root, opts) } };
}

/** Locations from the fast node tree; the rare question it leaves open goes to a `yaml` Document, built once. */
function fastLocator(text: string, root: FastNode, opts: YamlOptions): Locator {
  const offset = opts.offset ?? 0;
  let full: Locator | undefined;
  return (pointer, options) => {
    const at = locateFast(root, pointer, options?.key === true);
    if (at !== "slow") return opts.index.at(offset + at);
    full ??= documentLocator(text, opts);
    return full(pointer, options);
  };
}
