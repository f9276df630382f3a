// What every text sink must neutralise in text that came from a document, a framework or a file name,
// whatever its own syntax: characters a reader cannot see or that act on the display (controls, bidi
// controls that reorder a line as in "Trojan Source"), and the markers the GitHub Actions runner reads
// as workflow commands in any line of a job's output. Each sink (terminal, Markdown, HTML, XML, JSON)
// builds on these with its own escaping; see src/report/escape-*.ts.

/**
 * Controls (C0 but tab, LF and CR; DEL; C1), the line and paragraph separators, and the Unicode
 * Bidi_Control characters (ALM, LRM, RLM, LRE…RLO, LRI…PDI).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Any line break a reader of a log would split on: the runner's reader ends a line at CR as well as LF. */
export const LINE_BREAK = /\r\n|[\n\r]/g;

/** A character as a visible `\uXXXX` escape. */
export function visible(char: string): string {
  return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`;
}

/** Hidden characters shown as `\uXXXX`; tab and line breaks are left for the sink to handle. */
export function showHidden(text: string): string {
  return text.replace(HIDDEN, visible);
}

/**
 * Breaks the two workflow-command markers the runner looks for in each line of output: `::` opening
 * a line (after any white space, which it trims) and the legacy `##[`, which it finds anywhere in a
 * line. `escapeChar` writes the first character of a marker in the sink's own escaped form.
 */
export function breakCommands(text: string, escapeChar: (char: string) => string): string {
  return text.replace(/^([\s\u0085]*):(?=:)/gm, (_m, space: string) => `${space}${escapeChar(":")}`).replace(/#(?=#\[)/g, () => escapeChar("#"));
}

/**
 * Text for one line of terminal output: line breaks and tabs become spaces, hidden characters
 * become `\uXXXX`, and no workflow command can start.
 */
export function terminalText(text: string): string {
  return breakCommands(showHidden(text.replace(LINE_BREAK, " ").replace(/\t/g, " ")), visible);
}

/**
 * A name (a file, an argument) for one line of terminal output: every control, line break
 * included, is shown as an escape (`\n`, `\uXXXX`), so the name can be told apart from one without it.
 */
export function terminalName(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
  const shown = text.replace(/[\u0000-\u001f]/g, (c) => (c === "\n" ? "\\n" : visible(c)));
  return breakCommands(showHidden(shown), visible);
}
