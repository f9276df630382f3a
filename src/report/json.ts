import type { AssessmentReport } from "../model/report.js";
import { safeJson } from "./escape-json.js";

/** The report as JSON (2-space indent, trailing newline): the shape of `schemas/report.schema.json`. */
export function formatJson(report: AssessmentReport): string {
  return `${safeJson(report, 2)}\n`;
}
