import { terminalName } from "../model/escape.js";
import type { ReadQuantity } from "../proposal/quantities-read.js";
import type { Narrative } from "../source/markdown-sections.js";

/**
 * What `validate` took from a Markdown proposal's body: one line per principle heading with its
 * line, word count and citations, and the words that sit under no principle heading, so a user can
 * see that nothing was lost.
 */
export function narrativeLines(narrative: Narrative): string {
  const lines = narrative.responses.map((r) => {
    const cites = r.citations.length === 0 ? "no citations" : `cites ${r.citations.join(", ")}`;
    return `  ${r.principle} (line ${r.line}): ${r.words} ${r.words === 1 ? "word" : "words"}, ${cites}\n`;
  });
  if (narrative.responses.length === 0) lines.push("  no principle headings: every response comes from the front matter\n");
  if (narrative.otherWords > 0) lines.push(`  ${narrative.otherWords} words under other headings, in no response\n`);
  // Principle and evidence ids are letters, digits and . _ -: nothing in them needs escaping.
  return lines.join("");
}

/** One line per quantity read from text, so a user sees the number each was taken to be. */
export function quantityLines(quantities: readonly ReadQuantity[]): string {
  return quantities
    .map((q) => `  read ${terminalName(JSON.stringify(q.written))} as ${q.value} at ${q.pointer}${q.line === undefined ? "" : ` (line ${q.line})`}\n`)
    .join("");
}
