import { breakCommands, showHidden } from "../model/escape.js";

// GitHub turns a bare URL into a link by itself (GFM's autolink extension), so a document could plant
// a link, or a remote image's address, in a pull-request comment. A URL from a document is shown as
// code instead: readable and copyable, never followed. Links the report makes on purpose are not text.
const BARE_URL = /((?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)\S+)/i;

/**
 * A URL as a code span. Its own backticks and pipes are percent-encoded so the span and any table cell
 * hold, and so is the `#` of a `##[` (backslash escapes do not work inside code).
 */
function codeSpan(url: string): string {
  return `\`${url
    .replace(/`/g, "%60")
    .replace(/\|/g, "%7C")
    .replace(/#(?=#\[)/g, "%23")}\``;
}

/**
 * Markdown inline text from a document. `special` escapes the sink's markup in the plain parts (and
 * decides what a line break becomes); on top of it, hidden characters are shown as `\uXXXX`, bare
 * URLs become code, and a part cannot open a line with a workflow command.
 */
export function markdownInline(text: string, special: (plain: string) => string): string {
  // Leading tabs or spaces would open an indented code block where the text starts a line, item or quote;
  // so would leading line breaks (a sink that turns each into a space) and indentation after a break (a
  // sink that keeps it, as <br>).
  return showHidden(text.replace(/^[\t\n\r ]+/, "").replace(/^[\t ]+/gm, ""))
    .split(BARE_URL)
    .map((part, i) => (i % 2 === 1 ? codeSpan(part) : breakCommands(special(part), (c) => `\\${c}`)))
    .join("");
}
