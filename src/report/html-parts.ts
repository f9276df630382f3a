import type { Gap, Rating, Status } from "../model/report.js";
import { markupSafe } from "./escape-markup.js";
import { percent, ratingWord, statusWord } from "./words.js";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for element content and quoted attribute values. Every string that came from a
 * proposal, framework, review or waiver is untrusted and goes through here; so do our own, so
 * that nothing depends on remembering which is which.
 */
export function esc(value: string | number): string {
  // C0 controls other than tab and newlines are parse errors in HTML; show them as U+FFFD. A CR is
  // written as the LF a parser would make of it, so the page's source has no bare CR for a log to split on.
  const text = String(value)
    .replace(/\r\n?/g, "\n")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    .replace(/[&<>"']|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => ENTITIES[c] ?? "\uFFFD");
  return markupSafe(text);
}

/** Report sentences start in lower case so they can be embedded; shown on their own, they start with a capital. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A share as a percentage, or "not rated" in words when there is no score. */
export function pct(n: number | null): string {
  return n === null ? "not rated" : percent(n);
}

/** A rating as a coloured tag that also says the rating in words. */
export function ratingTag(rating: Rating): string {
  return `<strong class="tag tag-${esc(rating)}">${esc(ratingWord(rating))}</strong>`;
}

/** A criterion status as a coloured tag that also says the status in words. */
export function statusTag(status: Status): string {
  return `<span class="tag tag-${esc(status)}">${esc(statusWord(status))}</span>`;
}

/** A gap's severity as an outlined tag. */
export function severityTag(severity: Gap["severity"]): string {
  return `<span class="tag tag-sev-${esc(severity)}">${esc(`${severity[0]?.toUpperCase()}${severity.slice(1)}`)}</span>`;
}

const DECIDED_BY: Record<string, string> = {
  checks: "Checks",
  reviewer: "Reviewer",
  waiver: "Waiver",
  "applies-when": "Does not apply",
  "awaiting-review": "Awaiting a reviewer",
};

/** Who or what decided a criterion's status, in words. */
export function decidedByWords(decidedBy: string): string {
  return DECIDED_BY[decidedBy] ?? decidedBy;
}

/** `file:line:column` of a gap, or undefined when the gap could not be traced to the source. */
export function sourcePosition(gap: Gap): string | undefined {
  const loc = gap.location;
  return loc ? `${loc.file ?? "(proposal given in memory)"}:${loc.line}:${loc.column}` : undefined;
}

/** A principle's fragment id, escaped for use in an attribute: ids are schema-checked, but a report may be built by hand. */
export function principleAnchor(id: string): string {
  return esc(`principle-${id}`);
}

/** A `<dl>` row per pair; values are already HTML, keys are escaped. */
export function summaryList(rows: [string, string][], className = "summary-list"): string {
  const items = rows.map(([key, value]) => `<div><dt>${esc(key)}</dt><dd>${value}</dd></div>`);
  return `<dl class="${className}">${items.join("")}</dl>`;
}

/**
 * A table with a caption, a header row and pre-rendered cells; the first cell of each row is a row
 * header. Each cell carries its column's name so that narrow screens can stack rows into cards.
 */
export function table(caption: string, headers: string[], rows: string[][], numeric: number[] = []): string {
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : "");
  const label = (i: number) => ` data-label="${esc(headers[i] ?? "")}"`;
  const head = headers.map((h, i) => `<th scope="col"${cls(i)}>${esc(h)}</th>`).join("");
  const cell = (c: string, i: number) => (i === 0 ? `<th scope="row"${label(i)}>${c}</th>` : `<td${cls(i)}${label(i)}>${c}</td>`);
  const body = rows.map((cells) => `<tr>${cells.map(cell).join("")}</tr>`).join("\n");
  return `<table class="data">\n<caption>${esc(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** "1 item" / "2 items". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
