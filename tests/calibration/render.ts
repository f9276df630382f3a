// Renders the calibration results as Markdown (tests/calibration/results.md). The output depends only on the
// corpus and the framework, never on the clock or the machine, so the committed file can be checked for drift.
import { HOLLOW_CASES, KNOWN_MET_IN_GAP, PRINCIPLE_SECTIONS } from "./known-disagreements.js";
import { type CaseResult, FRAMEWORK, NOW } from "./harness.js";
import { computeFigures, type Figures, orderScore, principleViews } from "./figures.js";
import { VERDICTS, verdictRank } from "./panel.js";

const pct = (n: number | null) => (n === null ? "—" : `${Math.round(n * 100)}%`);
const tau = (t: number | null) => (t === null ? "—" : t.toFixed(2));
const cell = (s: string) => s.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();

function figureTable(f: Figures, cases: CaseResult[]): string[] {
  const g = f.gapAgreement;
  return [
    "| figure | value |",
    "|---|---|",
    `| Panel gaps the tool also flags (not met or partially met) at the same principle | ${g.flagged} of ${g.total} (${pct(g.share)}) |`,
    `| Criteria named in a panel gap that the tool reports met | ${f.metNamed.length} |`,
    `| Principles a panel commended that the tool rates red | ${f.commendedRed.length} of ${f.commended.length} |`,
    `| Unreviewed proposals rated green | ${f.green.length} of ${cases.length} |`,
    `| Verdict order: pairs of cases with different verdicts | ${f.order.pairs} |`,
    `| Verdict order: pairs where the better-judged proposal scored lower | ${f.order.discordant.length} |`,
    `| Verdict order: Kendall tau-b (verdict against overall score) | ${tau(f.order.tau)} |`,
    `| Verdict order, published reviews only: discordant pairs | ${f.publishedOrder.discordant.length} of ${f.publishedOrder.pairs} |`,
    `| Verdict order, published reviews only: Kendall tau-b | ${tau(f.publishedOrder.tau)} |`,
  ];
}

function listing(title: string, items: string[]): string[] {
  return items.length === 0 ? [] : ["", `### ${title}`, "", ...items.map((i) => `- ${i}`)];
}

/** Why a pair is out of order: an encoding its sources leave incomplete, or a hollow proposal. */
function orderCause(d: { better: string; worse: string }, bySlug: Map<string, CaseResult>): string {
  const incomplete = [d.better, d.worse].filter((slug) => (bySlug.get(slug)?.panel.sections?.unknown ?? []).length > 0);
  const hollow = [d.better, d.worse].filter((slug) => HOLLOW_CASES.includes(slug));
  const causes = [
    ...(incomplete.length > 0 ? [`incomplete encoding (${incomplete.join(", ")})`] : []),
    ...(hollow.length > 0 ? [`hollow proposal (${hollow.join(", ")})`] : []),
  ];
  return causes.length > 0 ? `: ${causes.join("; ")}` : "";
}

function disagreements(f: Figures, bySlug: Map<string, CaseResult>): string[] {
  const describe = (slug: string) => {
    const c = bySlug.get(slug)!;
    return `${slug} (${c.panel.verdict}, ${pct(orderScore(c))})`;
  };
  return [
    ...listing(
      "Panel gaps the tool does not flag",
      f.panelGaps.filter((g) => !g.flagged).map((g) => `${g.slug} ${g.principle}`),
    ),
    ...listing(
      "Criteria named in a panel gap that the tool reports met",
      f.metNamed.map((m) => {
        const known = KNOWN_MET_IN_GAP.find((k) => k.case === m.slug && k.criterion === m.criterion);
        return `${m.slug} ${m.criterion}${known ? `: known disagreement. ${known.why}` : ""}`;
      }),
    ),
    ...listing(
      "Commended principles the tool rates red",
      f.commendedRed.map((c) => {
        const unknown = (bySlug.get(c.slug)?.panel.sections?.unknown ?? []).filter((s) => PRINCIPLE_SECTIONS[c.principle].includes(s));
        return `${c.slug} ${c.principle}${unknown.length > 0 ? `: the sources leave ${unknown.join(", ")} unknown, so the encoding lacks what the panel saw` : ""}`;
      }),
    ),
    ...listing("Unreviewed proposals rated green", f.green),
    ...listing(
      "Pairs out of verdict order",
      f.order.discordant.map((d) => `${describe(d.better)} scored below ${describe(d.worse)}${orderCause(d, bySlug)}`),
    ),
  ];
}

function caseSection(c: CaseResult): string[] {
  const s = c.panel.source;
  const rows = principleViews(c).map((v) => {
    const named = v.finding.criteria?.length ? ` (${v.finding.criteria.join(", ")})` : "";
    const gaps = v.toolGaps.length ? v.toolGaps.join(", ") : "—";
    return `| ${v.principle} | ${v.finding.finding}${named} | ${cell(v.finding.note)} | ${v.rating} | ${pct(v.score)} | ${gaps} |`;
  });
  return [
    "",
    `## ${c.slug}`,
    "",
    `Panel: **${c.panel.verdict}** (${c.panel.kind}). ${cell(s.senate)}, "${cell(s.title)}", ${s.date}.${s.url ? ` <${s.url}>` : ""}`,
    "",
    `Tool: **${c.report.summary.rating}**, score ${pct(c.report.summary.score)}, coverage ${pct(c.report.summary.coverage)}.`,
    "",
    "| principle | panel | panel's note | tool rating | tool score | tool gaps (not met or partially met) |",
    "|---|---|---|---|---|---|",
    ...rows,
  ];
}

/** The whole results file. */
export function renderResults(cases: CaseResult[]): string {
  const f = computeFigures(cases);
  const sorted = [...cases].sort((a, b) => verdictRank(a.panel.verdict) - verdictRank(b.panel.verdict) || a.slug.localeCompare(b.slug));
  const fw = cases[0]?.report.framework;
  const lines = [
    "# Calibration results",
    "",
    "Generated by `npm run calibrate` (scripts/calibrate.ts) from `tests/calibration/cases/`; do not edit it by hand.",
    `Every case is assessed against ${FRAMEWORK}${fw ? ` ${fw.version}` : ""} with no reviews file, as of ${NOW.toISOString().slice(0, 10)}.`,
    "README.md in this folder describes the corpus, its sources and its rules.",
    "",
    "## Figures",
    "",
    ...figureTable(f, cases),
    ...disagreements(f, new Map(cases.map((c) => [c.slug, c]))),
    "",
    "## Cases",
    "",
    `Ordered by the panel's verdict (${VERDICTS.join(", ")}), then by name.`,
    "",
    "| case | kind | panel verdict | tool rating | tool score | coverage |",
    "|---|---|---|---|---|---|",
    ...sorted.map(
      (c) =>
        `| ${c.slug} | ${c.panel.kind} | ${c.panel.verdict} | ${c.report.summary.rating} | ${pct(c.report.summary.score)} | ${pct(c.report.summary.coverage)} |`,
    ),
    ...sorted.flatMap(caseSection),
  ];
  return `${lines.join("\n")}\n`;
}
