import type { LoadedFramework } from "../framework/load.js";
import { terminalText } from "../model/escape.js";
import type { Framework } from "../model/framework.js";
import { safeJson } from "../report/escape-json.js";
import { md } from "../report/markdown.js";

/** The formats `senate frameworks` and `senate frameworks show` write. */
export const LISTING_FORMATS = ["text", "markdown", "json"] as const;
/** A listing format name. */
export type ListingFormat = (typeof LISTING_FORMATS)[number];

/** A framework file is input like any other: its text can neither drive the terminal nor issue a workflow command. */
const safe = terminalText;

/** One row of the framework list. */
export interface FrameworkSummary {
  id: string;
  version: string;
  title: string;
  principles: number;
  criteria: number;
}

/** The counts `senate frameworks` lists for one framework. */
export function summarise(framework: Framework): FrameworkSummary {
  const { id, version, title } = framework;
  return { id, version, title, principles: framework.principles.length, criteria: framework.principles.reduce((n, p) => n + p.criteria.length, 0) };
}

function columns(rows: string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}

/** The list of frameworks as a table, Markdown table or JSON array. */
export function formatList(list: FrameworkSummary[], format: ListingFormat): string {
  if (format === "json") return `${safeJson(list, 2)}\n`;
  if (format === "markdown") {
    const rows = list.map((f) => `| ${f.id} | ${md(f.version)} | ${f.principles} | ${f.criteria} | ${md(f.title)} |`);
    return `${["| Id | Version | Principles | Criteria | Title |", "|---|---|---|---|---|", ...rows].join("\n")}\n`;
  }
  const rows = list.map((f) => [f.id, f.version, String(f.principles), String(f.criteria), safe(f.title)]);
  return `${columns([["Id", "Version", "Principles", "Criteria", "Title"], ...rows]).join("\n")}\n`;
}

/** What `frameworks show --format json` prints: the framework's principles and criteria, without checks. */
export function outline(loaded: LoadedFramework) {
  const f = loaded.framework;
  return {
    id: f.id,
    version: f.version,
    title: f.title,
    publisher: f.publisher,
    sha256: loaded.sha256,
    source: f.source,
    thresholds: f.thresholds,
    principles: f.principles.map((p) => ({
      id: p.id,
      title: p.title,
      wording: p.wording,
      weight: p.weight,
      criteria: p.criteria.map((c) => ({
        id: c.id,
        title: c.title,
        mode: c.mode,
        severity: c.severity,
        weight: c.weight,
        stages: c.stages ?? "all",
        question: c.question,
      })),
    })),
  };
}

/** Wraps text at 100 columns under an indent, for a terminal. */
function wrapped(indent: string, text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of safe(text).split(" ").filter(Boolean)) {
    if (line && indent.length + line.length + word.length + 1 > 100) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  // Wrapping starts new lines, so each is made safe again: a word may now open one.
  return (line ? [...lines, line] : lines).map((l) => `${indent}${safe(l)}`);
}

function stagesWords(stages: readonly string[] | undefined): string {
  return stages ? `stages: ${stages.join(", ")}` : "every stage";
}

function coverageWords(f: LoadedFramework["framework"]): string {
  const min = f.thresholds.minCoverage;
  return min === undefined || min === 0 ? "" : `; green needs ${Math.round(min * 100)}% of the applicable weight decided`;
}

function showText(loaded: LoadedFramework): string {
  const f = loaded.framework;
  const lines = [
    `${safe(f.title)} (${f.id} ${f.version})`,
    `Publisher: ${safe(f.publisher)}`,
    `Source: ${safe(f.source.title)}, ${f.source.date}${f.source.link ? `, ${safe(f.source.link)}` : ""}`,
    `Thresholds: green at ${f.thresholds.green}, amber at ${f.thresholds.amber}${coverageWords(f)}`,
  ];
  for (const p of f.principles) {
    lines.push("", `${p.id} ${safe(p.title)} (weight ${p.weight})`, ...wrapped("  ", p.wording), "");
    for (const c of p.criteria) {
      lines.push(
        `  ${c.id}  ${safe(c.title)}`,
        `      ${c.mode}, ${c.severity}, weight ${c.weight}, ${stagesWords(c.stages)}`,
        ...wrapped("      ", c.question),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

function showMarkdown(loaded: LoadedFramework): string {
  const f = loaded.framework;
  const lines = [
    `# ${md(f.title)} (${f.id} ${f.version})`,
    "",
    `Published by ${md(f.publisher)}. Source: ${md(f.source.title)}, ${f.source.date}. Green at ${f.thresholds.green}, amber at ${f.thresholds.amber}${coverageWords(f)}.`,
  ];
  for (const p of f.principles) {
    lines.push("", `## ${p.id} ${md(p.title)}`, "", `> ${md(p.wording)}`, "");
    lines.push("| Criterion | Title | Mode | Severity | Weight | Stages | Question |", "|---|---|---|---|---|---|---|");
    for (const c of p.criteria)
      lines.push(`| ${c.id} | ${md(c.title)} | ${c.mode} | ${c.severity} | ${c.weight} | ${stagesWords(c.stages)} | ${md(c.question)} |`);
  }
  return `${lines.join("\n")}\n`;
}

/** A framework's principles and criteria (id, title, mode, severity, weight, question). */
export function formatOutline(loaded: LoadedFramework, format: ListingFormat): string {
  if (format === "json") return `${safeJson(outline(loaded), 2)}\n`;
  return format === "markdown" ? showMarkdown(loaded) : showText(loaded);
}
