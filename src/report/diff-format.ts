import { terminalText } from "../model/escape.js";
import type { Gap, Rating } from "../model/report.js";
import type { ChangedGap, GapChangeReason, RatingChange, ReportDiff } from "./diff.js";
import { safeJson } from "./escape-json.js";
import { md } from "./markdown.js";
import { percent, ratingWord, statusWord, where } from "./words.js";

/** The formats a diff can be written in. */
export const DIFF_FORMATS = ["text", "markdown", "json"] as const;
/** A diff format name. */
export type DiffFormatName = (typeof DIFF_FORMATS)[number];

const REASON_WORDS: Record<GapChangeReason, string> = {
  fingerprint: "what is missing changed",
  status: "status changed",
  severity: "severity changed",
  waived: "waiver changed",
  succeeded: "its criterion was retired, and this one succeeds it",
};

/** Report files are input: their text can neither drive the terminal nor issue a workflow command. */
const safe = terminalText;

function rating(r: Rating | null): string {
  return r === null ? "absent" : ratingWord(r);
}

function move(c: RatingChange): string {
  return c.direction === "same" ? `${rating(c.new)} (unchanged)` : `${rating(c.old)} → ${rating(c.new)} (${c.direction})`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function ids(gaps: readonly { criterion: string }[]): string {
  return gaps.length > 0 ? ` (${gaps.map((g) => g.criterion).join(", ")})` : "";
}

function changeWords(c: ChangedGap): string {
  const status = c.old.status === c.new.status ? statusWord(c.new.status) : `${statusWord(c.old.status)} → ${statusWord(c.new.status)}`;
  return `${status}; ${c.reasons.map((r) => REASON_WORDS[r]).join(", ")}`;
}

/** Why the diff counts as a regression (or that it does not), in a sentence. */
export function regressionWords(diff: ReportDiff): string {
  const fresh = diff.gaps.new.filter((g) => !g.waived).length;
  const why = [
    ...(fresh > 0 ? [`${count(fresh, "new gap")} not accepted by waiver`] : []),
    ...(diff.rating.direction === "worse" ? ["a worse overall rating"] : []),
  ];
  return why.length > 0 ? `Regressed: ${why.join(" and ")}.` : "No regression: no new unwaived gaps and no worse overall rating.";
}

/** One paragraph: counts of new, closed, changed and unchanged gaps, the rating move, and the verdict. */
export function diffSummary(diff: ReportDiff): string {
  const g = diff.gaps;
  return (
    `${safe(diff.proposal.id)}${diff.notInBaseline ? " (not in the baseline)" : ""}: ${count(g.new.length, "new gap")}${ids(g.new)}, ${g.closed.length} closed${ids(g.closed)}, ` +
    `${g.changed.length} changed${ids(g.changed)}, ${g.unchanged.length} unchanged; overall ${move(diff.rating)}, ` +
    `score ${percent(diff.score.old)} → ${percent(diff.score.new)}. ${regressionWords(diff)}`
  );
}

function notes(diff: ReportDiff): string[] {
  const out: string[] = [];
  const { proposal: p, framework: f } = diff;
  if (diff.notInBaseline) return ["The baseline holds no report for this proposal and framework: every gap counts as new."];
  if (p.baselineId !== p.id) out.push(`The baseline is for another proposal (${p.baselineId}).`);
  if (f.baselineId !== f.id) out.push(`The baseline was assessed against another framework (${f.baselineId}).`);
  else if (f.baselineVersion !== f.version) out.push(`The framework changed version (${f.baselineVersion} → ${f.version}): criteria may differ.`);
  return out;
}

function textGap(mark: string, g: Gap, detail: boolean): string[] {
  const head = `  ${mark} ${g.criterion}  ${g.severity}  ${statusWord(g.status)}${g.waived ? " (accepted by waiver)" : ""}  ${safe(g.title)}`;
  return detail ? [head, `      at ${safe(where(g))}`, ...g.missing.map((m) => `      - ${safe(m)}`)] : [head];
}

/** A diff for a terminal. */
export function formatDiffText(diff: ReportDiff): string {
  const g = diff.gaps;
  const moved = diff.principles.filter((p) => p.direction !== "same");
  const lines = [
    `Changes in ${safe(diff.proposal.title)} (${safe(diff.proposal.id)}), ${safe(diff.framework.id)} ${safe(diff.framework.version)}`,
    ...notes(diff).map(safe),
    `Overall: ${move(diff.rating)}; score ${percent(diff.score.old)} → ${percent(diff.score.new)}`,
    moved.length > 0 ? "Principle ratings changed:" : "No principle rating changed.",
    ...moved.map((p) => `  ${safe(p.id)} ${safe(p.title)}: ${move(p)}`),
    "",
    `New gaps (${g.new.length})${g.new.length > 0 ? ":" : ""}`,
    ...g.new.flatMap((gap) => textGap("+", gap, true)),
    `Closed gaps (${g.closed.length})${g.closed.length > 0 ? ":" : ""}`,
    ...g.closed.flatMap((gap) => textGap("-", gap, false)),
    `Changed gaps (${g.changed.length})${g.changed.length > 0 ? ":" : ""}`,
    ...g.changed.flatMap((c) => [...textGap("~", c.new, false), `      ${changeWords(c)}`]),
    `Unchanged gaps (${g.unchanged.length})${g.unchanged.length > 0 ? `: ${g.unchanged.map((u) => u.criterion).join(", ")}` : ""}`,
    "",
    regressionWords(diff),
  ];
  return `${lines.join("\n")}\n`;
}

function mdGap(g: Gap): string {
  return `| ${g.criterion} | ${md(g.title)} | ${g.severity} | ${statusWord(g.status)}${g.waived ? " (waived)" : ""} | ${md(where(g))} |`;
}

function mdTable(title: string, gaps: Gap[]): string[] {
  if (gaps.length === 0) return [`### ${title} (0)`, "", "None.", ""];
  return [`### ${title} (${gaps.length})`, "", "| Criterion | Title | Severity | Status | Where |", "|---|---|---|---|---|", ...gaps.map(mdGap), ""];
}

/** A diff as Markdown, for a pull-request comment. */
export function formatDiffMarkdown(diff: ReportDiff): string {
  const g = diff.gaps;
  const lines = [
    `## Changes in ${md(diff.proposal.title)} (${md(diff.proposal.id)})`,
    "",
    ...notes(diff).flatMap((n) => [`> ${md(n)}`, ""]),
    `Overall rating: **${md(move(diff.rating))}**; score ${percent(diff.score.old)} → ${percent(diff.score.new)}. ${regressionWords(diff)}`,
    "",
    "| Principle | Before | After | Change |",
    "|---|---|---|---|",
    ...diff.principles.map((p) => `| ${md(p.id)} ${md(p.title)} | ${rating(p.old)} | ${rating(p.new)} | ${p.direction} |`),
    "",
    ...mdTable("New gaps", g.new),
    ...mdTable("Closed gaps", g.closed),
    `### Changed gaps (${g.changed.length})`,
    "",
    ...(g.changed.length > 0 ? g.changed.map((c) => `- **${c.criterion}** ${md(c.new.title)}: ${md(changeWords(c))}`) : ["None."]),
    "",
    `Unchanged gaps: ${g.unchanged.length}${md(ids(g.unchanged))}.`,
    "",
  ];
  return lines.join("\n");
}

/** Formats one diff, or several (one per proposal) as one document: a JSON array, or sections. */
export function formatDiffs(diffs: ReportDiff[], format: DiffFormatName): string {
  if (format === "json") return `${safeJson(diffs.length === 1 ? diffs[0] : diffs, 2)}\n`;
  const one = format === "markdown" ? formatDiffMarkdown : formatDiffText;
  return diffs.map(one).join("\n");
}
