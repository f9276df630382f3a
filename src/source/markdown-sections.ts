/**
 * Finds the principle responses in the body of a Markdown proposal. Headings are read in the forms
 * people write them (`## LDN-3 …`, `### Principle 3: reducing inequalities (LDN-3)`, `## **ldn-3**: …`),
 * and a heading that looks like a principle but cannot be read as one is reported, never dropped.
 */

/** A principle's response as read from the body: where its heading is and the text under it. */
export interface MarkdownSection {
  id: string;
  line: number;
  level: number;
  body: string[];
}

/** A heading that looks like a principle heading but was not read as one. */
export interface UnreadHeading {
  line: number;
  heading: string;
  reason: string;
}

/** What the body of a Markdown proposal holds. */
export interface MarkdownBody {
  sections: MarkdownSection[];
  unread: UnreadHeading[];
  /** Words of text that sit under no principle heading (an introduction, an appendix): kept out of every response. */
  otherWords: number;
}

/** What `validate` shows was taken from one principle heading. */
export interface NarrativeResponse {
  principle: string;
  line: number;
  words: number;
  citations: string[];
}

/** What was read from a Markdown proposal's body, so a user can see that nothing was lost. */
export interface Narrative {
  responses: NarrativeResponse[];
  /** Words under no principle heading (an introduction, an appendix), which no response holds. */
  otherWords: number;
}

/**
 * The principles of the built-in frameworks, by prefix: how many each has (LDN-1 to LDN-8). A
 * test holds this to the frameworks themselves. The prefixes are recognised in a heading in any case.
 */
export const BUILTIN_PRINCIPLES: Readonly<Record<string, number>> = { LDN: 8, WM: 5, NHSE: 5 };
const BUILTIN_PREFIXES = Object.keys(BUILTIN_PRINCIPLES);

/** A built-in id written without its hyphen (`LDN 2`, `LDN2`, `ldn 2`): one or two digits, so `LDN 2020` is not one. */
const UNHYPHENATED = new RegExp(`(?<![A-Za-z0-9-])(${BUILTIN_PREFIXES.join("|")})[ \\t]?(\\d{1,2})(?!\\d)`, "gi");

// Each pattern is anchored or bounded by plain character classes, so none can backtrack over a line.
const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
/** A whole token that is a principle id: `LDN-3`, not `LDN-3.1` (a criterion) or `ISO-9001-2`. */
const ID = /^([A-Za-z][A-Za-z0-9]*)-(\d+)$/;
const PRINCIPLE_WORD = /\bprinciple\b/i;
/** "Principle 3: " at the start of a heading, which says no more than the id would. */
const LEADING_PRINCIPLE = /^principle[ \t]+\d+[ \t]*[:.–—-]?[ \t]*/i;

/** A heading's text without emphasis, code marks and closing hashes: `**LDN-3**: Fair` → `LDN-3: Fair`. */
function plain(text: string): string {
  return text
    .replace(/[*_`]/g, "")
    .replace(/[ \t]#+[ \t]*$/, "")
    .trim();
}

function withoutComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(-->|$)/g, "");
}

interface Candidate {
  id: string;
  first: boolean;
}

/**
 * The principle ids a heading names, with whether the id opens the heading. The heading is split
 * into tokens first, so a long heading costs time in proportion to its length.
 */
function candidates(heading: string): Candidate[] {
  const text = plain(withoutComments(heading)).replace(LEADING_PRINCIPLE, "").replace(UNHYPHENATED, "$1-$2");
  const found: Candidate[] = [];
  text.split(/[^A-Za-z0-9.-]+/).forEach((raw, i) => {
    const match = ID.exec(raw.replace(/[.-]+$/, ""));
    if (match) found.push({ id: `${(match[1] as string).toUpperCase()}-${Number(match[2])}`, first: i === 0 && text.startsWith(raw) });
  });
  return found;
}

function prefixOf(id: string): string {
  return id.slice(0, id.lastIndexOf("-"));
}

/**
 * Reads one heading: the principle id it opens, an `unread` reason when it looks like a principle
 * heading but is not read as one, or nothing for an ordinary heading.
 */
export function readHeading(heading: string, known: Set<string>): { id: string } | { reason: string } | undefined {
  const found = candidates(heading);
  const recognised = found.filter((c) => known.has(prefixOf(c.id)) || (c.first && /^[A-Z]/.test(plain(heading))));
  const ids = [...new Set(recognised.map((c) => c.id))];
  if (ids.length === 1) return { id: ids[0] as string };
  if (ids.length > 1) return { reason: `it names ${ids.length} principles (${ids.join(", ")}); give each its own heading` };
  if (found.length > 0 && (found[0]?.first || PRINCIPLE_WORD.test(heading))) {
    return { reason: `"${found[0]?.id}" is not a principle id used elsewhere in this document; start the heading with the id, e.g. "## ${found[0]?.id} …"` };
  }
  if (PRINCIPLE_WORD.test(heading) && /\d/.test(heading)) {
    const n = /\bprinciple[ \t]+(\d{1,2})\b/i.exec(heading)?.[1];
    const id = `${[...known].find((k) => !BUILTIN_PREFIXES.includes(k)) ?? "LDN"}-${n === undefined ? 3 : Number(n)}`;
    const title = plain(withoutComments(heading)).replace(LEADING_PRINCIPLE, "");
    return { reason: `it names no principle id; write the id in the heading, e.g. "## ${id} ${title || "Reduce inequalities"}"` };
  }
  return undefined;
}

/** A built-in prefix `prefix` is a slip of: its letters in another order (`LND`), or one letter wrong in three or more (`LDM`). */
function nearPrefix(prefix: string): string | undefined {
  const sameLetters = (b: string) => [...b].sort().join() === [...prefix].sort().join();
  const oneWrong = (b: string) => b.length >= 3 && [...b].filter((c, i) => c !== prefix[i]).length === 1;
  return BUILTIN_PREFIXES.find((b) => b !== prefix && b.length === prefix.length && (sameLetters(b) || oneWrong(b)));
}

/**
 * Why a principle id read from a heading may not be the one meant: a built-in prefix with no such
 * principle (`LDN-9`), or a prefix that is a built-in one misspelt (`LND-2`). Undefined when it is sound.
 */
export function doubtfulId(id: string): string | undefined {
  const prefix = prefixOf(id);
  const n = Number(id.slice(prefix.length + 1));
  const count = BUILTIN_PRINCIPLES[prefix];
  if (count !== undefined) return n >= 1 && n <= count ? undefined : `no built-in framework has a principle ${id} (${prefix}-1 to ${prefix}-${count})`;
  const near = nearPrefix(prefix);
  return near === undefined ? undefined : `did you mean ${near}-${n}? No built-in framework uses the prefix ${prefix}`;
}

/** Prefixes this document uses: the built-in ones, those of its front-matter responses, and those of headings that open with an upper-case id. */
function knownPrefixes(lines: string[], responseIds: string[]): Set<string> {
  const known = new Set([...BUILTIN_PREFIXES, ...responseIds.map(prefixOf)]);
  for (const line of lines) {
    const atx = ATX.exec(line);
    if (!atx) continue;
    const first = candidates(line.slice(atx[0].length))[0];
    if (first?.first && /^[A-Z]/.test(plain(line.slice(atx[0].length)))) known.add(prefixOf(first.id));
  }
  return known;
}

function words(lines: string[]): number {
  return lines
    .join(" ")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Splits a Markdown body into principle responses. A response runs from its heading to the next
 * heading of the same or a higher level (deeper headings stay in it); code fences are skipped.
 */
export function readMarkdownBody(lines: string[], firstLine: number, responseIds: string[] = []): MarkdownBody {
  const known = knownPrefixes(lines, responseIds);
  const sections: MarkdownSection[] = [];
  const unread: UnreadHeading[] = [];
  const other: string[] = [];
  let current: MarkdownSection | undefined;
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker.slice(0, 3) : undefined;
    const atx = fence === undefined && !marker ? ATX.exec(line) : null;
    const level = atx ? (atx[1] as string).length : 0;
    const read = atx ? readHeading(line.slice(atx[0].length), known) : undefined;
    if (read && "id" in read) {
      current = { id: read.id, line: firstLine + i, level, body: [] };
      sections.push(current);
      return;
    }
    if (read) unread.push({ line: firstLine + i, heading: plain(line.slice(atx?.[0].length ?? 0)), reason: read.reason });
    if (current && atx && level <= current.level) current = undefined;
    (current ? current.body : other).push(line);
  });
  return { sections, unread, otherWords: words(withoutComments(other.join("\n")).split("\n")) };
}

/** A response's text: its lines without HTML comments (a template's guidance), trimmed. */
export function responseText(body: string[]): string {
  return withoutComments(body.join("\n"))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Words in a response's text, as `validate` reports them. */
export function wordCount(text: string): number {
  return words([text]);
}
