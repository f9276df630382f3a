// The screen in front of the fast path: one pass over the text that finds anything the fast path
// leaves to `yaml`. Conservative by design: a false alarm only costs the full parse.

/** Characters worth a second look: tabs, control characters, BOMs, surrogates, carriage returns, and YAML indicators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const SUSPECT = /[\t\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff\r!&*?|>#%]/g;
/** A document marker (`---` or `...`) at the start of a line. */
const MARKER = /(?:^|\n)(?:---|\.\.\.)/;
/**
 * One leading `---` line (after blank and comment lines), which both parsers read alike. A comment
 * stops before a carriage return, so that each line can be read only one way: with `[^\n]*` a CRLF
 * comment line could be split two ways, and a failed match tried every split of every line.
 */
const LEADING_MARKER = /^(?:[ ]*(?:#[^\r\n]*)?\r?\n)*---[ ]*(?:#[^\r\n]*)?\r?\n/;

/** Where a YAML token may start: the start of the text, after a space or line break, a flow indicator or a colon. */
function tokenStart(c: number): boolean {
  return Number.isNaN(c) || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x3a;
}

function spaceOrEnd(c: number): boolean {
  return Number.isNaN(c) || c === 0x20 || c === 0x0a || c === 0x0d;
}

/** True for a `#` that js-yaml reads as a comment and `yaml` rejects: straight after a quote, bracket, comma or colon. */
function unspacedComment(before: number): boolean {
  return before === 0x22 || before === 0x27 || before === 0x5b || before === 0x5d || before === 0x7b || before === 0x7d || before === 0x2c || before === 0x3a;
}

/** True when the character at `i` starts something the fast path leaves to `yaml`. */
function suspicious(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  switch (c) {
    case 0x0d: // a carriage return not followed by a line feed
      return after !== 0x0a;
    case 0x21: // a tag
      return tokenStart(before);
    case 0x26: // an anchor
    case 0x2a: // an alias
      return tokenStart(before) && !tokenStart(after);
    case 0x3f: // an explicit key
      return tokenStart(before) && spaceOrEnd(after);
    case 0x7c: // a block scalar with an indentation indicator
    case 0x3e:
      return (Number.isNaN(before) || before === 0x20 || before === 0x0a || before === 0x3a) && /^[-+]?[0-9]/.test(text.slice(i + 1, i + 3));
    case 0x23:
      return unspacedComment(before);
    case 0x25: // a directive
      return Number.isNaN(before) || before === 0x0a;
    default: // a surrogate pair is fine; anything else in the class is not
      return !(c >= 0xd800 && c <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
  }
}

/**
 * True when the text stays within the subset the fast path reads exactly as `yaml` does: no tabs,
 * lone carriage returns, control characters, BOMs or lone surrogates; no directives or document
 * markers (other than one leading `---`); no tags, anchors, aliases or explicit keys; no block
 * scalar with an indentation indicator; no comment straight after a quote, bracket, comma or colon.
 */
export function fastPathSafe(text: string): boolean {
  const lead = LEADING_MARKER.exec(text);
  const body = lead ? text.slice(lead[0].length) : text;
  if (MARKER.test(body)) return false;
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(body); m !== null; m = SUSPECT.exec(body)) {
    if (suspicious(body, m.index)) return false;
    const c = body.charCodeAt(m.index);
    if (c >= 0xd800 && c <= 0xdbff) SUSPECT.lastIndex = m.index + 2; // skip the low half of a pair
  }
  return true;
}
