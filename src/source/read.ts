import type { Result } from "../model/issue.js";
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

/** Reads YAML, JSON or Markdown-with-front-matter text into data with source positions. */
export function readSource(text: string, options: ReadOptions = {}): Result<ParsedSource> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const file = options.filename;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
  if (format === "markdown") return parseMarkdown(body, { file, limits, index });
  return parseYaml(body, { file, limits, index });
}
