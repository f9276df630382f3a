import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

// What a text sink must never let through raw, judged the way the consumers judge it: a terminal acts
// on controls, a bidi control reorders what a reader sees, and the GitHub Actions runner reads each
// line of a job's output (it splits lines at LF and at CR) for `::command::` after leading white space
// and for the legacy `##[command]` anywhere in the line.

/** Controls other than tab and LF, DEL, C1, the line and paragraph separators, and the bidi controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** What a line-oriented output lets through raw: each entry names the problem and shows where. */
export function hazards(output: string, options: { commandsAllowed?: boolean } = {}): string[] {
  const found: string[] = [];
  const raw = RAW.exec(output);
  if (raw)
    found.push(
      `raw U+${(raw[0].codePointAt(0) ?? 0).toString(16).padStart(4, "0")} near ${JSON.stringify(output.slice(Math.max(0, raw.index - 30), raw.index + 10))}`,
    );
  if (options.commandsAllowed) return found;
  for (const line of output.split(/\r\n|\r|\n/)) {
    if (/^[\s\u0085]*::/.test(line)) found.push(`a line opens a workflow command: ${JSON.stringify(line.slice(0, 80))}`);
    if (line.includes("##[")) found.push(`a line holds a legacy workflow command: ${JSON.stringify(line.slice(0, 80))}`);
  }
  return found;
}

/** Markdown rendered as GitHub renders it (GFM, autolinks included), with nothing sanitised away, so what gets through shows. */
export function renderGfm(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true, allowDangerousProtocol: true });
}

/** The element names in rendered HTML. */
export function elementNames(html: string): Set<string> {
  return new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => (m[1] as string).toLowerCase()));
}
