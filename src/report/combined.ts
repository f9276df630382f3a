import type { CombinedSummary } from "../model/combined.js";
import { terminalText } from "../model/escape.js";
import { md } from "./markdown.js";
import { percent, ratingWord } from "./words.js";

const VERDICT = { agree: "Agree", differ: "Differ", undecided: "Not yet decidable" } as const;

function memberText(m: CombinedSummary["themes"][number]["members"][number]): string {
  return `${m.framework}: ${m.items.map((i) => `${i.id} ${i.result}`).join(", ") || "no result"}`;
}

/** The combined summary as Markdown: ratings per framework, then where they agree or differ. */
export function formatCombinedMarkdown(summary: CombinedSummary): string {
  const lines = [
    `# Combined summary: ${md(summary.proposal.title)}`,
    "",
    "| Framework | Rating | Score | Coverage | Open gaps |",
    "|---|---|---|---|---|",
    ...summary.frameworks.map(
      (f) => `| ${md(`${f.id} ${f.version}`)} | ${ratingWord(f.rating)} | ${percent(f.score)} | ${percent(f.coverage)} | ${f.openGaps} |`,
    ),
    "",
  ];
  if (summary.themes.length > 0) {
    lines.push("## Where the frameworks agree or differ", "", "| Theme | Verdict | Results |", "|---|---|---|");
    for (const t of summary.themes) lines.push(`| ${md(t.theme)} | ${VERDICT[t.verdict]} | ${md(t.members.map(memberText).join("; "))} |`);
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

/** The combined summary for a terminal. */
export function formatCombinedText(summary: CombinedSummary): string {
  const width = Math.max(10, ...summary.frameworks.map((f) => f.id.length + f.version.length + 1));
  const lines = [
    `Combined summary: ${terminalText(summary.proposal.title)}`,
    "",
    `${"Framework".padEnd(width)}  ${"Rating".padEnd(9)}  ${"Score".padStart(5)}  ${"Cover".padStart(5)}  Gaps`,
    ...summary.frameworks.map(
      (f) =>
        `${terminalText(`${f.id} ${f.version}`).padEnd(width)}  ${ratingWord(f.rating).padEnd(9)}  ${percent(f.score).padStart(5)}  ${percent(f.coverage).padStart(5)}  ${f.openGaps}`,
    ),
  ];
  if (summary.themes.length > 0) {
    lines.push("", "Where the frameworks agree or differ on the same evidence:");
    for (const t of summary.themes) lines.push(`  ${VERDICT[t.verdict].padEnd(17)}  ${terminalText(`${t.theme}: ${t.members.map(memberText).join("; ")}`)}`);
  }
  return `${lines.join("\n")}\n`;
}
