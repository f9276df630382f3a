import type { Result } from "../model/issue.js";
import { checkJson } from "./json-check.js";
import { DEFAULT_LIMITS, type Limits } from "./limits.js";
import { parseMarkdown } from "./markdown.js";
import { LineIndex } from "./positions.js";
import { type ParsedSource, parseYaml } from "./yaml.js";

export type SourceFormat = "yaml" | "json" | "markdown";

/** Options for reading a document's text. */
export interface ReadOptions {
  /** The file name, used in messages and to choose the format. */
  filename?: string;
  /** The format; by default from the file name's extension (`.json`, `.md`), else YAML. */
  format?: SourceFormat;
  limits?: Partial<Limits>;
}

/** The format a file name implies. */
export function formatOf(filename: string | undefined): SourceFormat {
  if (filename === undefined) return "yaml";
  if (/\.json$/i.test(filename)) return "json";
  if (/\.(md|markdown)$/i.test(filename)) return "markdown";
  return "yaml";
}

/**
 * The format of a text with no file name (standard input): Markdown when it opens with a `---` line
 * and has a closing `---` line after it (front matter), otherwise YAML, which reads JSON too. A YAML
 * text of that shape would be two documents, which a proposal may not be, so nothing valid is misread.
 */
export function detectFormat(text: string): SourceFormat {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const open = /^---[ \t]*\r?\n/.exec(body);
  if (!open) return "yaml";
  return /^(---|\.\.\.)[ \t]*\r?$/m.test(body.slice(open[0].length)) ? "markdown" : "yaml";
}

/**
 * The text with each lone carriage return (an old Mac line end) made a line feed. YAML, JSON and
 * Markdown all read a lone CR as a line break, but `yaml` does not, and would read such a file as
 * one line; one character for one keeps every offset, and line numbers count the CRs.
 */
function lineFeeds(text: string): string {
  return /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, "\n") : text;
}

/** Reads YAML, JSON or Markdown-with-front-matter text into data with source positions. */
export function readSource(text: string, options: ReadOptions = {}): Result<ParsedSource> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const file = options.filename;
  const body = lineFeeds(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const index = new LineIndex(body);
  if (body.length > limits.maxBytes) {
    return {
      ok: false,
      issues: [
        { code: "too_large", message: `input is over the limit of ${limits.maxBytes} bytes (maxBytes)`, pointer: "", ...(file === undefined ? {} : { file }) },
      ],
    };
  }
  if (!/\S/.test(body)) {
    return { ok: false, issues: [{ code: "empty_file", message: "input is empty", pointer: "", ...(file === undefined ? {} : { file }) }] };
  }
  const format = options.format ?? formatOf(file);
  // Strict by the file's name: a report read as JSON from a file named otherwise keeps YAML's reading.
  if (format === "json" && formatOf(file) === "json") {
    const bad = checkJson(body, limits);
    if (bad)
      return { ok: false, issues: [{ code: bad.code, message: bad.message, pointer: "", ...(file === undefined ? {} : { file }), ...index.at(bad.at) }] };
  }
  if (format === "markdown") return parseMarkdown(body, { file, limits, index });
  return parseYaml(body, { file, limits, index });
}
