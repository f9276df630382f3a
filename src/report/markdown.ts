import { LINE_BREAK } from "../model/escape.js";
import type { AssessmentReport, Gap, PanelItem, PrincipleResult } from "../model/report.js";
import { markdownInline } from "./escape-markdown.js";
import { percent, ratingWord, statusWord, where } from "./words.js";

/** Markdown's own markup in plain text: pipes, the characters that start markup, entity references; a line break becomes a space. */
function mdSpecial(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/([*_`<>[\]])/g, "\\$1")
    .replace(/&(?=#?[a-z0-9]+;)/gi, "\\&")
    .replace(LINE_BREAK, " ");
}

/**
 * Escapes text for a Markdown table cell or line: markup and entity references are escaped, hidden
 * characters shown, bare URLs made code (so they are not linked), and no workflow command can start.
 */
export function md(text: string): string {
  return markdownInline(text, mdSpecial);
}

function gapLines(gap: Gap, n: number | undefined): string[] {
  return [
    `- **${gap.criterion} ${md(gap.title)}** (${gap.severity}, ${statusWord(gap.status).toLowerCase()}${gap.waived ? ", accepted by waiver" : ""})`,
    ...gap.missing.map((m) => `  - Missing: ${md(m)}`),
    `  - Where: ${md(where(gap))}`,
    `  - Recommendation${n === undefined ? "" : ` ${n}`}: ${md(gap.recommendation)}`,
  ];
}

function panelLines(item: PanelItem): string[] {
  return [
    `- **${item.criterion} ${md(item.title)}**: ${md(item.question)}`,
    ...(item.offers.length > 0
      ? item.offers.map((o) => `  - Offers \`${o.pointer.replace(/`/g, "")}\`: ${md(o.excerpt)}`)
      : ["  - Offers: nothing the checks read; the panel judges from the whole proposal."]),
    ...(item.evidence.length > 0
      ? [`  - Evidence cited: ${item.evidence.map((e) => `${md(e.id)} ${md(e.title)} (${e.grade ? `GRADE ${e.grade}` : "ungraded"})`).join("; ")}`]
      : []),
    `  - What good looks like: ${md(item.weigh)}`,
  ];
}

function principleSection(p: PrincipleResult, gaps: Gap[], panel: PanelItem[], numbers: Map<Gap, number>): string[] {
  const own = gaps.filter((g) => g.principle === p.id);
  const questions = panel.filter((item) => item.principle === p.id);
  return [
    `## ${p.id} ${md(p.title)}: ${ratingWord(p.rating)}`,
    "",
    `> ${md(p.wording)}`,
    "",
    `Rating **${ratingWord(p.rating)}**, score ${percent(p.score)}, coverage ${percent(p.coverage)}. ${md(p.ratingReason)}.`,
    "",
    `Working: ${md(p.working.explanation)}.`,
    "",
    "### What is strong",
    "",
    ...(p.strengths.length > 0 ? p.strengths.map((s) => `- ${md(s)}`) : ["- Nothing is met yet."]),
    "",
    "### Gaps",
    "",
    ...(own.length > 0 ? own.flatMap((g) => gapLines(g, numbers.get(g))) : ["- No gaps."]),
    "",
    ...(questions.length > 0 ? ["### For the panel", "", ...questions.flatMap(panelLines), ""] : []),
    "### Criteria",
    "",
    "| Criterion | Status | Decided by | Weight | Credit |",
    "|---|---|---|---|---|",
    ...p.criteria.map(
      (c) =>
        `| ${c.id} ${md(c.title)} | ${statusWord(c.status)} | ${c.decidedBy} | ${c.contribution.weight} | ${c.contribution.counted ? c.contribution.credit : "not counted"} |`,
    ),
    "",
  ];
}

/** A report shaped like a senate review: summary, each principle in turn, waivers, disagreements, provenance. */
export function formatMarkdown(report: AssessmentReport): string {
  const s = report.summary;
  const numbers = new Map(report.gaps.filter((g) => !g.waived).map((g, i) => [g, i + 1] as const));
  const lines = [
    `# Assessment: ${md(report.proposal.title)}`,
    "",
    `${md(report.proposal.sponsor)}, ${md(report.proposal.stage)}, draft ${md(report.proposal.version)}. Assessed against ${md(report.framework.title)} (${report.framework.id} ${report.framework.version}).`,
    "",
    "## Summary",
    "",
    `Overall rating **${ratingWord(s.rating)}**${s.provisional ? ` (provisional${s.awaitingReview === 0 ? "" : `: ${s.awaitingReview} ${s.awaitingReview === 1 ? "criterion awaits" : "criteria await"} the panel`})` : ""}. Score ${percent(s.score)}, coverage ${percent(s.coverage)}. ${md(s.ratingReason)}.`,
    "",
    `Readiness: ${md(s.readiness.explanation)}.`,
    "",
    `Criteria: ${s.counts.met} met, ${s.counts["partially-met"]} partially met, ${s.counts["not-met"]} not met, ${s.counts["needs-review"]} awaiting the panel, ${s.counts["not-applicable"]} not applicable. Open gaps: ${s.gaps.critical} critical, ${s.gaps.major} major, ${s.gaps.minor} minor.`,
    "",
    `Evidence register: ${s.evidence.items} items, ${s.evidence.graded} with a GRADE grade${s.evidence.ungraded.length > 0 ? `; ungraded (still counted): ${s.evidence.ungraded.map(md).join(", ")}` : ""}.`,
    "",
    "| Principle | Rating | Score | Coverage |",
    "|---|---|---|---|",
    ...report.principles.map((p) => `| ${p.id} ${md(p.title)} | ${ratingWord(p.rating)} | ${percent(p.score)} | ${percent(p.coverage)} |`),
    "",
    `How the score is worked out: ${md(s.explanation)}.`,
    "",
    ...report.principles.flatMap((p) => principleSection(p, report.gaps, report.forPanel, numbers)),
    "## Recommendations",
    "",
    ...(numbers.size > 0 ? [...numbers].map(([g, n]) => `${n}. ${g.criterion}: ${md(g.recommendation)}`) : ["None: no open gaps."]),
    "",
    "## Waivers",
    "",
    ...(report.waivers.length > 0
      ? report.waivers.map(
          ({ waiver: w, applied, note }) =>
            `- ${w.criterion} ${w.kind}${w.pointer ? ` at ${md(w.pointer)}` : ""}, approved by ${md(w.approver)}, expires ${w.expires}: ${md(w.justification)} (${applied ? "applied" : "not applied"}: ${md(note)})`,
        )
      : ["- None."]),
    ...(report.warnings ?? []).map((w) => `- **Warning:** ${md(w.message)}`),
    "",
    "## Reviewer disagreements",
    "",
    ...(report.disagreements.length > 0 ? report.disagreements.map((d) => `- ${d.criterion}: ${md(d.message)}`) : ["- None."]),
    "",
    "## Provenance",
    "",
    `- Tool: ${report.tool.name} ${report.tool.version}`,
    `- Framework: ${report.framework.id} ${report.framework.version}, sha256 \`${report.framework.sha256}\``,
    ...(report.framework.basedOn
      ? [`- Tailored from: ${report.framework.basedOn.id} ${report.framework.basedOn.version}, sha256 \`${report.framework.basedOn.sha256}\``]
      : []),
    ...report.inputs.map((i) => `- ${i.role}: ${md(i.file ?? "(in memory)")}, sha256 \`${i.sha256}\``),
    ...(report.generatedAt ? [`- Generated: ${report.generatedAt}`] : []),
    "",
  ];
  return lines.join("\n");
}
