import type { FormatName } from "../report/format.js";

// With --output and no --format, the file's extension says what it should hold, so
// `--output senate.sarif` never gets terminal text.

const BY_EXTENSION: Record<string, FormatName> = {
  sarif: "sarif",
  xml: "junit",
  html: "html",
  htm: "html",
  md: "markdown",
  markdown: "markdown",
  json: "json",
};

/** The format an output file's extension implies (text when it implies none). */
export function formatForPath(path: string): FormatName {
  const ext = /\.([A-Za-z]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
  return BY_EXTENSION[ext] ?? "text";
}
