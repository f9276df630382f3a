import { escapeSegment } from "../model/pointer.js";
import { CITATION } from "../source/markdown.js";
import { findFiller } from "./filler.js";
import { FILLER_WORDS, MIN_CONTENT_WORDS, NAMING_FIELDS, NON_ANSWERS, type NonAnswerKind } from "./non-answers.js";

/** A text that fills a field without answering it, and the phrase that gives it away. */
export interface NonAnswer {
  kind: NonAnswerKind;
  phrase: string;
}

/** A non-answer found in a proposal: where, and the text quoted (shortened) for a message. */
export interface FoundNonAnswer extends NonAnswer {
  pointer: string;
  text: string;
}

const WORD = "[\\p{L}\\p{N}]";
const literal = (phrase: string) => phrase.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

// Longer phrases first, so "no data available" wins over "no data" at the same place.
const COMPILED = NON_ANSWERS.map((entry) => {
  const body =
    entry.pattern ??
    [...(entry.phrases ?? [])]
      .sort((a, b) => b.length - a.length)
      .map(literal)
      .join("|");
  return { kind: entry.kind, regex: new RegExp(`(?<!${WORD})(?:${body.replace(/ /g, "[ _-]")})(?!${WORD})`, "giu") };
});

const YEAR = /^(?:19|20)\d\d$/;
const TOKEN_SPLIT = /[\s,;:!?()[\]{}"“”/–—-]+/u;
const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu;

/** Counts the words that say something, stopping at `enough`: not filler, not a bare year. */
function contentWords(text: string, enough: number): number {
  let n = 0;
  for (const raw of text.split(TOKEN_SPLIT)) {
    const token = raw.replace(EDGE, "").toLowerCase();
    if (token === "" || !/[\p{L}\p{N}]/u.test(token) || FILLER_WORDS.has(token) || YEAR.test(token)) continue;
    if (++n >= enough) return n;
  }
  return n;
}

/**
 * Short values that look like non-answers but are answers in their own right: an options appraisal's
 * "Do nothing" option names the baseline every option is compared with.
 */
const GENUINE_ANSWERS: ReadonlySet<string> = new Set(["do nothing", "do-nothing", "do minimum", "do-minimum", "status quo", "no change"]);

/**
 * Decides whether a WHOLE value is a non-answer: it holds a catalogue phrase, and once every such
 * phrase is removed fewer than MIN_CONTENT_WORDS words of content remain ("Unknown - to be
 * confirmed by finance" is one; "Unknown demand is modelled with a 10% buffer" is not). Text with
 * no letter or digit at all ("-", "?", "...") is a template marker; text that only cites evidence
 * ("[E3] [E4]") is a bare reference, and citations never count as content. Text that passes all this
 * but is padding ("blah blah", one word repeated) is filler (src/checks/filler.ts). Blank text is not a non-answer
 * here: it is missing, and checks say so.
 */
export function findNonAnswer(text: string): NonAnswer | undefined {
  // The same text is screened by many checks in one assessment, and by every framework in a run.
  // Measured on examples/stroke-hasu.yaml: screening was 70% of assess time without this cache.
  const cached = CACHE.get(text);
  if (cached !== undefined || CACHE.has(text)) return cached;
  if (CACHE.size >= CACHE_LIMIT || cachedChars > CACHE_CHARS) {
    CACHE.clear();
    cachedChars = 0;
  }
  const found = screen(text);
  CACHE.set(text, found);
  cachedChars += text.length;
  return found;
}

// Bounded by entries and by characters, so a batch of large documents cannot grow it.
const CACHE_LIMIT = 20_000;
const CACHE_CHARS = 4_000_000;
const CACHE = new Map<string, NonAnswer | undefined>();
let cachedChars = 0;

/**
 * The text with its evidence citations (`[E3]`) blanked out, keeping every offset: a citation
 * points at evidence and says nothing itself, so "See appendix 4 [E17] [E11]" is still a bare reference.
 */
function withoutCitations(value: string): string {
  return value.replace(CITATION, (match: string, id: string) => (/\d/.test(id) ? " ".repeat(match.length) : match));
}

function screen(text: string): NonAnswer | undefined {
  const value = text.replace(/\s+/g, " ").replace(/[‘’]/g, "'").trim();
  if (value === "") return undefined;
  const uncited = withoutCitations(value);
  if (!/[\p{L}\p{N}]/u.test(uncited)) return { kind: uncited === value ? "template-marker" : "bare-reference", phrase: value };
  if (GENUINE_ANSWERS.has(value.toLowerCase().replace(/[.!]+$/, ""))) return undefined;
  const found: (NonAnswer & { at: number })[] = [];
  let rest = value;
  for (const { kind, regex } of COMPILED) {
    rest = rest.replace(regex, (match: string, at: number) => {
      found.push({ kind, phrase: match.trim(), at });
      // Blanks of the same length keep every later match's offset true to the original text.
      return " ".repeat(match.length);
    });
  }
  // Padding that clears the phrase screen ("The programme is promoted. blah blah blah ...") is filler.
  if (found.length === 0 || contentWords(withoutCitations(rest), MIN_CONTENT_WORDS) >= MIN_CONTENT_WORDS) return findFiller(uncited);
  const first = found.reduce((a, b) => (b.at < a.at ? b : a));
  return { kind: first.kind, phrase: first.phrase };
}

const QUOTE_LENGTH = 60;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A text as a message quotes it: on one line, without control characters, and shortened. */
export function quote(text: string): string {
  const line = text.replace(/\s+/g, " ").replace(CONTROL, "").trim();
  return line.length > QUOTE_LENGTH ? `${line.slice(0, QUOTE_LENGTH - 1)}…` : line;
}

/** True for a value that holds nothing: missing, null, blank text, or an empty list or map. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The first non-answer when every part that is not blank is one; undefined when any part says something. */
function allNonAnswers(parts: [string, unknown][], pointer: string, items: boolean): FoundNonAnswer | undefined {
  let first: FoundNonAnswer | undefined;
  for (const [key, part] of parts) {
    if (isBlank(part)) continue;
    const found = nonAnswerIn(part, `${pointer}/${escapeSegment(key)}`, items);
    if (!found) return undefined;
    first ??= found;
  }
  return first;
}

/**
 * The non-answer that makes a whole value say nothing, if it does. Text is read by `findNonAnswer`;
 * a list says nothing when every item is a non-answer; a list item (`item`) says nothing when the
 * field that names it does ("name: TBC"), or, without such a field, when every field is one; any
 * other object when every field is one. Numbers and true/false always say something.
 */
export function nonAnswerIn(value: unknown, pointer: string, item = false): FoundNonAnswer | undefined {
  if (typeof value === "string") {
    const found = findNonAnswer(value);
    return found && { ...found, pointer, text: quote(value) };
  }
  if (Array.isArray(value)) return allNonAnswers(Object.entries(value), pointer, true);
  if (!isRecord(value)) return undefined;
  if (item) {
    const naming = NAMING_FIELDS.find((f) => typeof value[f] === "string" && !isBlank(value[f]));
    if (naming !== undefined) return nonAnswerIn(value[naming], `${pointer}/${escapeSegment(naming)}`);
  }
  // Fields in sorted order, so the non-answer reported never depends on how a document ordered them.
  return allNonAnswers(
    Object.keys(value)
      .sort()
      .map((k) => [k, value[k]]),
    pointer,
    false,
  );
}

/** The non-answer that names a list item ("organisation: TBC"), when a record item is named by one. */
function unnamedItem(value: unknown, pointer: string, keep: ReadonlySet<string>): FoundNonAnswer | undefined {
  if (!isRecord(value)) return undefined;
  const naming = NAMING_FIELDS.find((f) => typeof value[f] === "string" && !isBlank(value[f]));
  if (naming === undefined || keep.has(value[naming] as string)) return undefined;
  return nonAnswerIn(value[naming], `${pointer}/${escapeSegment(naming)}`);
}

/**
 * A copy of a value without its non-answer text leaves (dropped from objects and lists), and the
 * non-answers dropped. With `items`, a list item whose naming field is a non-answer is dropped
 * whole too: a partner organisation called "TBC" that "supports" is nobody's support. Texts in
 * `keep` stay: a schema fragment that names "unknown" in a `const` means the enum value, not a non-answer.
 */
export function withoutNonAnswers(value: unknown, pointer: string, keep: ReadonlySet<string>, dropped: FoundNonAnswer[] = [], items = false): unknown {
  const drop = (v: unknown, at: string) => {
    if (typeof v !== "string" || keep.has(v)) return false;
    const found = nonAnswerIn(v, at);
    if (found) dropped.push(found);
    return found !== undefined;
  };
  const dropItem = (v: unknown, at: string) => {
    const found = items ? unnamedItem(v, at, keep) : undefined;
    if (found) dropped.push(found);
    return found !== undefined;
  };
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => {
      const at = `${pointer}/${i}`;
      return drop(v, at) || dropItem(v, at) ? [] : [withoutNonAnswers(v, at, keep, dropped, items)];
    });
  }
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const at = `${pointer}/${escapeSegment(k)}`;
    if (!drop(v, at)) copy[k] = withoutNonAnswers(v, at, keep, dropped, items);
  }
  return copy;
}
