import type { AssessmentReport } from "../model/report.js";
import { formatGithub } from "./github-annotations.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif, type SarifOptions } from "./sarif.js";
import { formatText, type TextOptions } from "./text.js";

/** Every output format, by name. */
export const FORMATS = ["text", "json", "markdown", "html", "sarif", "junit", "github"] as const;
export type FormatName = (typeof FORMATS)[number];

/** Options any formatter may read: colour for text, the framework for SARIF rule help. */
export type FormatOptions = TextOptions & SarifOptions;

const FORMATTERS: Record<FormatName, (report: AssessmentReport, options: FormatOptions) => string> = {
  text: formatText,
  json: formatJson,
  markdown: formatMarkdown,
  html: formatHtml,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
};

/** Formats a report as one of the output formats. */
export function formatReport(report: AssessmentReport, format: FormatName, options: FormatOptions = {}): string {
  return FORMATTERS[format](report, options);
}
