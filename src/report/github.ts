import { LINE_BREAK, showHidden } from "../model/escape.js";
import type { AssessmentReport, Gap, PrincipleResult, Rating, ReportWarning } from "../model/report.js";
import { markdownInline } from "./escape-markdown.js";

/** A workflow command that makes an annotation. */
export type Command = "error" | "warning" | "notice";

const COMMANDS = { critical: "error", major: "warning", minor: "notice" } as const;
const RATING_LABEL: Record<Rating, string> = { green: "🟢 Green", amber: "🟠 Amber", red: "🔴 Red", "not-rated": "⚪ Not rated" };

/** Workflow-command data: the runner decodes these three, and a raw newline would end the command early. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Workflow-command property values: also `:` and `,`, which would otherwise end the value. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** A workflow command. Hidden characters are shown as `\uXXXX`: the line is printed to the log as it is. */
export function command(name: Command, properties: [string, string | number | undefined][], message: string): string {
  const props = properties.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(showHidden(String(v)))}`);
  return `::${name}${props.length > 0 ? ` ${props.join(",")}` : ""}::${escapeData(showHidden(message))}`;
}

export function percent(value: number | null): string {
  return value === null ? "not rated" : `${Math.round(value * 100)}%`;
}

/** Annotations resolve paths against the workspace, which always uses forward slashes. */
function path(file: string | undefined): string | undefined {
  return file?.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

/** The command a gap is annotated with: its severity's, or a notice when waived. */
export function commandOf(gap: Gap): Command {
  return gap.waived ? "notice" : COMMANDS[gap.severity];
}

/** A gap as an annotation; `isNew` marks one the baseline does not have. */
export function annotation(gap: Gap, proposalFile: string | undefined, isNew = false): string {
  // A waived gap is an accepted risk: keep it visible, but never as an error or warning.
  const name = commandOf(gap);
  const file = path(gap.location?.file ?? proposalFile);
  const title = `${isNew ? "New: " : ""}${gap.waived ? "Waived: " : ""}${gap.criterion} ${gap.title}`;
  const message = [...gap.missing, `Recommendation: ${gap.recommendation}`, ...(gap.pointer === "" ? [] : [`At ${gap.pointer}`])].join("\n");
  return command(
    name,
    [
      ["file", file],
      ["line", file === undefined ? undefined : gap.location?.line],
      ["col", file === undefined ? undefined : gap.location?.column],
      ["title", title],
    ],
    message,
  );
}

/** A waiver about to expire, on its line of the waivers file, so the gate never breaks without notice. */
export function warningAnnotation(w: ReportWarning): string {
  const file = path(w.location?.file);
  const at: [string, string | number | undefined][] =
    file === undefined
      ? []
      : [
          ["file", file],
          ["line", w.location?.line],
          ["col", w.location?.column],
        ];
  return command("warning", [...at, ["title", `Waiver for ${w.criterion} expires soon`]], w.message);
}

/** The notice with a report's overall rating. */
export function ratingNotice(report: AssessmentReport, extra = ""): string {
  const { summary } = report;
  const panel = summary.awaitingReview > 0 ? ` ${summary.awaitingReview} criteria await the panel (see the job summary).` : "";
  const overall = `${report.proposal.id}: ${summary.rating}${summary.provisional ? " (provisional)" : ""}, score ${percent(summary.score)}, coverage ${percent(summary.coverage)}. ${summary.ratingReason}. ${summary.readiness.explanation}.${panel}${extra}`;
  return command("notice", [["title", `Senate assessment: ${report.framework.id}`]], overall);
}

/** Markdown inline text: HTML and the characters that start emphasis, code, links or table cells are neutralised. */
function mdSpecial(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~]/g, "\\$&")
    .replace(LINE_BREAK, "<br>");
}

/** Job-summary text: Markdown escaped, hidden characters shown, bare URLs as code. */
function md(text: string): string {
  return markdownInline(text, mdSpecial);
}

function principleRow(p: PrincipleResult): string {
  const n = (s: string) => p.criteria.filter((c) => c.status === s).length;
  const counts = ["met", "partially-met", "not-met", "needs-review", "not-applicable"].map(n).join(" | ");
  return `| ${md(p.id)} ${md(p.title)} | ${RATING_LABEL[p.rating]} | ${percent(p.score)} | ${percent(p.coverage)} | ${counts} |`;
}

function gapRow(gap: Gap, isNew: boolean): string {
  const at = gap.location ? `${gap.location.file ?? ""}:${gap.location.line}:${gap.location.column}` : gap.pointer;
  const status = `${isNew ? "**new**, " : ""}${gap.status.replace("-", " ")}${gap.waived ? " (waived)" : ""}`;
  return `| ${gap.severity} | ${md(gap.criterion)} ${md(gap.title)} | ${status} | ${md(gap.missing.join("\n"))} | ${md(at)} |`;
}

/**
 * A Markdown job summary for `$GITHUB_STEP_SUMMARY`: rating, score, coverage, a principle table and a
 * gaps table. With `fresh` (the gaps a baseline does not have), new gaps are marked and come first.
 */
export function formatGithubSummary(report: AssessmentReport, fresh?: ReadonlySet<Gap>): string {
  const { summary } = report;
  const isNew = (g: Gap) => fresh?.has(g) === true;
  const ordered = [...report.gaps.filter(isNew), ...report.gaps.filter((g) => !isNew(g))];
  const gaps =
    report.gaps.length === 0
      ? ["No gaps."]
      : ["| Severity | Criterion | Status | What is missing | Where |", "|---|---|---|---|---|", ...ordered.map((g) => gapRow(g, isNew(g)))];
  return [
    `## Senate assessment: ${md(report.proposal.title)}`,
    "",
    `**Rating:** ${RATING_LABEL[summary.rating]}${summary.provisional ? " (provisional)" : ""} · **Score:** ${percent(summary.score)} · **Coverage:** ${percent(summary.coverage)}`,
    "",
    `**Why:** ${md(summary.ratingReason)}`,
    "",
    `**Proposal:** ${md(report.proposal.id)} v${md(report.proposal.version)} · **Framework:** ${md(report.framework.id)} v${md(report.framework.version)}`,
    "",
    "| Principle | Rating | Score | Coverage | Met | Partly met | Not met | Needs review | N/A |",
    "|---|---|---|---|---:|---:|---:|---:|---:|",
    ...report.principles.map(principleRow),
    "",
    `**Readiness:** ${md(summary.readiness.explanation)}`,
    "",
    ...(report.warnings ?? []).flatMap((w) => [`> **Warning:** ${md(w.message)}`, ""]),
    `### Gaps (${report.gaps.length}${fresh ? `, ${report.gaps.filter(isNew).length} new` : ""})`,
    "",
    ...gaps,
    "",
    `### For the panel (${report.forPanel.length})`,
    "",
    ...(report.forPanel.length === 0
      ? ["Nothing awaits the panel."]
      : ["| Criterion | Question |", "|---|---|", ...report.forPanel.map((item) => `| ${md(item.criterion)} ${md(item.title)} | ${md(item.question)} |`)]),
    "",
  ].join("\n");
}
