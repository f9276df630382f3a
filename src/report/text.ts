import { terminalText } from "../model/escape.js";
import type { AssessmentReport, Rating } from "../model/report.js";
import { percent, ratingWord, statusWord, where } from "./words.js";

/** Options for terminal text. */
export interface TextOptions {
  /** ANSI colour; the CLI turns it on only for a TTY without NO_COLOR. */
  color?: boolean;
}

const CODES: Record<Rating | "dim" | "bold", [number, number]> = {
  green: [32, 39],
  amber: [33, 39],
  red: [31, 39],
  "not-rated": [2, 22],
  dim: [2, 22],
  bold: [1, 22],
};

function painter(color: boolean) {
  return (style: keyof typeof CODES, text: string) => (color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
}

/** Untrusted text for one terminal line: it can neither drive the terminal nor issue a workflow command. */
const safe = terminalText;

/** A terminal report: a summary table, then gaps by severity. */
export function formatText(report: AssessmentReport, options: TextOptions = {}): string {
  const paint = painter(options.color === true);
  const s = report.summary;
  const width = Math.max(...report.principles.map((p) => p.title.length + p.id.length + 1), 10);
  const lines = [
    paint("bold", safe(report.proposal.title)),
    safe(`${report.framework.title} (${report.framework.id} ${report.framework.version})`),
    "",
    `${"Principle".padEnd(width)}  ${"Rating".padEnd(9)}  ${"Score".padStart(5)}  ${"Cover".padStart(5)}`,
    ...report.principles.map(
      (p) =>
        `${safe(`${p.id} ${p.title}`).padEnd(width)}  ${paint(p.rating, ratingWord(p.rating).padEnd(9))}  ${percent(p.score).padStart(5)}  ${percent(p.coverage).padStart(5)}`,
    ),
    `${"Overall".padEnd(width)}  ${paint(s.rating, ratingWord(s.rating).padEnd(9))}  ${percent(s.score).padStart(5)}  ${percent(s.coverage).padStart(5)}`,
    "",
    `${safe(s.ratingReason)}${s.provisional ? ` (provisional${s.awaitingReview === 0 ? "" : `: ${s.awaitingReview} ${s.awaitingReview === 1 ? "criterion awaits" : "criteria await"} the panel`})` : ""}`,
    `Readiness: ${safe(s.readiness.explanation)}`,
    `${s.counts.met} met, ${s.counts["partially-met"]} partially met, ${s.counts["not-met"]} not met, ${s.counts["needs-review"]} awaiting the panel, ${s.counts["not-applicable"]} not applicable`,
  ];
  for (const severity of ["critical", "major", "minor"] as const) {
    const gaps = report.gaps.filter((g) => g.severity === severity);
    if (gaps.length === 0) continue;
    lines.push("", paint("bold", `${severity[0]?.toUpperCase()}${severity.slice(1)} gaps (${gaps.length})`));
    for (const g of gaps) {
      lines.push(`  ${g.criterion}  ${statusWord(g.status)}${g.waived ? " (accepted by waiver)" : ""}  ${safe(g.title)}`);
      lines.push(paint("dim", `    at ${safe(where(g))}`));
      for (const m of g.missing) lines.push(`    - ${safe(m)}`);
      lines.push(`    → ${safe(g.recommendation)}`);
    }
  }
  if (report.forPanel.length > 0) {
    lines.push("", paint("bold", `For the panel (${report.forPanel.length})`));
    for (const item of report.forPanel) {
      lines.push(`  ${item.criterion}  ${safe(item.title)}`);
      lines.push(`    ? ${safe(item.question)}`);
      for (const o of item.offers) lines.push(paint("dim", `    offers ${safe(o.pointer)}: ${safe(o.excerpt)}`));
    }
  }
  for (const d of report.disagreements) lines.push("", `Reviewer disagreement on ${d.criterion}: ${safe(d.message)}`);
  for (const w of report.waivers)
    lines.push(`Waiver ${safe(`${w.waiver.criterion} (${w.waiver.kind}, expires ${w.waiver.expires})`)}: ${w.applied ? "applied" : "not applied"}`);
  for (const w of report.warnings ?? []) lines.push(paint("amber", `Warning: ${safe(w.message)}`));
  return `${lines.join("\n")}\n`;
}
