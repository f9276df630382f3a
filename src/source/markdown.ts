import type { Result } from "../model/issue.js";
import { escapeSegment } from "../model/pointer.js";
import type { Limits } from "./limits.js";
import type { LineIndex, Location, Locator } from "./positions.js";
import { type ParsedSource, parseYaml } from "./yaml.js";

/**
 * A heading that opens a principle response: `## LDN-3 Reduce inequalities`. Only its start is
 * matched: what follows the id is the heading's text, whatever it holds (a pattern for the rest of
 * the line backtracked over every space before a character `.` does not match, such as U+2028).
 */
const RESPONSE_HEADING = /^(#{1,3})[ \t]+([A-Z][A-Z0-9]*-\d+)\b/;
/** An evidence citation in narrative text: `[E3]`, `[EQIA-1]` (an id holding a digit), not a link. */
export const CITATION = /\[([A-Za-z][A-Za-z0-9._-]*)\](?![(:[])/g;

interface Section {
  id: string;
  line: number;
  body: string[];
}

/** Ids cited in a text, in order of first citation. */
export function citedIds(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(CITATION)) if (/\d/.test(match[1] as string)) ids.add(match[1] as string);
  return [...ids];
}

function splitSections(lines: string[], firstLine: number): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let fence = false;
  lines.forEach((line, i) => {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    const match = fence ? null : RESPONSE_HEADING.exec(line);
    if (match) {
      current = { id: match[2] as string, line: firstLine + i, body: [] };
      sections.push(current);
    } else if (current && !fence && /^#{1,3}[ \t]/.test(line) && !/^#{3}/.test(line)) {
      current = undefined; // a level-1 or level-2 heading that is not a principle ends the response
    } else if (current) {
      current.body.push(line);
    }
  });
  return sections;
}

/**
 * Reads Markdown with YAML front matter: the front matter is the structured proposal, and
 * each heading that starts with a principle id (`## LDN-3 …`) becomes `responses.LDN-3`.
 */
export function parseMarkdown(text: string, opts: { file?: string | undefined; limits: Limits; index: LineIndex }): Result<ParsedSource> {
  const open = /^---[ \t]*\r?\n/.exec(text);
  const close = open ? /^(---|\.\.\.)[ \t]*$/m.exec(text.slice(open[0].length)) : null;
  if (!open || !close) {
    const file = opts.file === undefined ? {} : { file: opts.file };
    return {
      ok: false,
      issues: [
        {
          code: "bad_front_matter",
          message: "Markdown proposal must start with YAML front matter between --- lines",
          pointer: "",
          ...file,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const start = open[0].length;
  const end = start + close.index;
  const front = parseYaml(text.slice(start, end), { ...opts, offset: start });
  if (!front.ok) return front;
  const bodyStart = end + close[0].length;
  const firstBodyLine = opts.index.at(bodyStart).line;
  const sections = splitSections(text.slice(bodyStart).split(/\r?\n/), firstBodyLine);
  const data = front.value.data;
  if (sections.length === 0 || typeof data !== "object" || data === null || Array.isArray(data)) return front;

  const record = data as Record<string, unknown>;
  const responses: Record<string, unknown> = { ...((record.responses as Record<string, unknown> | undefined) ?? {}) };
  const lines = new Map<string, Location>();
  for (const section of sections) {
    const body = section.body.join("\n").trim();
    responses[section.id] = { text: body, evidence: citedIds(body) };
    lines.set(`/responses/${escapeSegment(section.id)}`, { line: section.line, column: 1 });
  }
  const locate: Locator = (pointer, options) => {
    for (const [prefix, location] of lines) {
      if (pointer === prefix || pointer.startsWith(`${prefix}/`)) return location;
    }
    return front.value.locate(pointer, options);
  };
  return { ok: true, value: { data: { ...record, responses }, locate } };
}
