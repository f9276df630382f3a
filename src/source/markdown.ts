import type { Issue, Result } from "../model/issue.js";
import { escapeSegment } from "../model/pointer.js";
import type { Limits } from "./limits.js";
import { doubtfulId, type MarkdownBody, type Narrative, type NarrativeResponse, readMarkdownBody, responseText, wordCount } from "./markdown-sections.js";
import type { LineIndex, Location, Locator } from "./positions.js";
import { type ParsedSource, parseYaml } from "./yaml.js";

/** An evidence citation in narrative text: `[E3]`, `[EQIA-1]` (an id holding a digit), not a link. */
export const CITATION = /\[([A-Za-z][A-Za-z0-9._-]*)\](?![(:[])/g;

/** Ids cited in a text, in order of first citation. */
export function citedIds(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(CITATION)) if (/\d/.test(match[1] as string)) ids.add(match[1] as string);
  return [...ids];
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
  const data = front.value.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) return front;
  const record = data as Record<string, unknown>;
  const given = (record.responses as Record<string, unknown> | undefined) ?? {};
  const ids = typeof given === "object" && given !== null ? Object.keys(given) : [];
  const body = readMarkdownBody(text.slice(bodyStart).split(/\r?\n/), opts.index.at(bodyStart).line, ids);
  const read = collect(body, given, opts.file);
  const locate: Locator = (pointer, options) => {
    for (const [prefix, location] of read.lines) {
      if (pointer === prefix || pointer.startsWith(`${prefix}/`)) return location;
    }
    return front.value.locate(pointer, options);
  };
  const narrative: Narrative = { responses: read.narrative, otherWords: body.otherWords };
  const responses = body.sections.length > 0 ? { responses: read.responses } : {};
  return { ok: true, value: { data: { ...record, ...responses }, locate, warnings: read.warnings, narrative } };
}

/** The responses the body's headings give, merged over the front matter's, with a warning for each heading that is not read. */
function collect(body: MarkdownBody, given: unknown, file: string | undefined) {
  const responses: Record<string, unknown> = typeof given === "object" && given !== null ? { ...given } : {};
  const lines = new Map<string, Location>();
  const warnings: Issue[] = [];
  const narrative: NarrativeResponse[] = [];
  const at = (line: number) => ({ pointer: "", ...(file === undefined ? {} : { file }), line, column: 1 });
  for (const heading of body.unread) {
    warnings.push({
      code: "unread_heading",
      message: `heading "${heading.heading}" is not read as a principle response: ${heading.reason}`,
      ...at(heading.line),
    });
  }
  for (const section of body.sections) {
    const pointer = `/responses/${escapeSegment(section.id)}`;
    let text = responseText(section.body);
    if (lines.has(pointer)) {
      warnings.push({ code: "duplicate_response", message: `a second heading for ${section.id}: its text is added to the first one's`, ...at(section.line) });
      text = `${(responses[section.id] as { text: string }).text}\n\n${text}`.trim();
    } else if (section.id in responses) {
      warnings.push({ code: "duplicate_response", message: `the heading for ${section.id} replaces its response in the front matter`, ...at(section.line) });
    }
    const doubt = lines.has(pointer) ? undefined : doubtfulId(section.id);
    if (doubt) warnings.push({ code: "unknown_principle", message: `heading for ${section.id}: ${doubt}`, ...at(section.line) });
    responses[section.id] = { text, evidence: citedIds(text) };
    if (!lines.has(pointer)) lines.set(pointer, { line: section.line, column: 1 });
  }
  // Principle ids hold no "/" or "~", so the pointer's last segment is the id as written.
  for (const [pointer, location] of lines) {
    const id = pointer.slice("/responses/".length);
    const text = (responses[id] as { text: string }).text;
    narrative.push({ principle: id, line: location.line, words: wordCount(text), citations: citedIds(text) });
  }
  return { responses, lines, warnings, narrative };
}
