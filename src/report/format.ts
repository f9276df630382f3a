import type { AssessmentReport } from "../model/report.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatText, type TextOptions } from "./text.js";

/** Every output format, by name. */
export const FORMATS = ["json", "markdown", "text"] as const;
export type FormatName = (typeof FORMATS)[number];

/** Options any formatter may read. */
export type FormatOptions = TextOptions;

const FORMATTERS: Record<FormatName, (report: AssessmentReport, options: FormatOptions) => string> = {
  json: formatJson,
  markdown: formatMarkdown,
  text: formatText,
};

/** Formats a report as one of the output formats. */
export function formatReport(report: AssessmentReport, format: FormatName, options: FormatOptions = {}): string {
  return FORMATTERS[format](report, options);
}
