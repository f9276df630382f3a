import type { AssessmentReport } from "../model/report.js";

/** The report as JSON (2-space indent, trailing newline): the shape of `schemas/report.schema.json`. */
export function formatJson(report: AssessmentReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
