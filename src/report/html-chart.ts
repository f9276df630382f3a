import type { AssessmentReport, PrincipleResult, Rating } from "../model/report.js";
import { esc, pct, principleAnchor, ratingTag, table } from "./html-parts.js";
import { ratingWord } from "./words.js";

// Bar fills: each has at least 3:1 contrast against the white card (see html-style.ts).
const FILL: Record<Rating, string> = { green: "#007F3B", amber: "#B35C00", red: "#D5281B", "not-rated": "#4C6272" };

const WIDTH = 760;
const BAR_X = 0;
const BAR_MAX = 560;
const ROW = 58;
const TOP = 34;
const MAX_LABEL = 70;

function label(p: PrincipleResult): string {
  const full = `${p.id} ${p.title}`;
  // SVG text cannot wrap; the table below has the full title.
  return full.length > MAX_LABEL ? `${full.slice(0, MAX_LABEL - 1)}…` : full;
}

function bar(p: PrincipleResult, index: number): string {
  const y = TOP + index * ROW;
  const barY = y + 12;
  const width = p.score === null ? 0 : Math.round(p.score * BAR_MAX * 10) / 10;
  const value = p.score === null ? "Not rated" : `${pct(p.score)} · ${ratingWord(p.rating)}`;
  const valueX = BAR_X + Math.max(width, 0) + 10;
  return [
    `<text x="${BAR_X}" y="${y + 4}" font-size="15" font-weight="bold" fill="#212B32">${esc(label(p))}</text>`,
    `<rect x="${BAR_X}" y="${barY}" width="${BAR_MAX}" height="24" fill="#F0F4F5"/>`,
    width > 0 ? `<rect x="${BAR_X}" y="${barY}" width="${width}" height="24" fill="${FILL[p.rating]}"/>` : "",
    `<text x="${valueX}" y="${barY + 17}" font-size="15" fill="#212B32">${esc(value)}</text>`,
  ].join("");
}

function threshold(share: number, name: string, height: number): string {
  const x = BAR_X + Math.round(share * BAR_MAX * 10) / 10;
  return (
    `<line x1="${x}" y1="16" x2="${x}" y2="${height - 8}" stroke="#4C6272" stroke-width="1.5" stroke-dasharray="4 4"/>` +
    `<text x="${x}" y="12" font-size="13" fill="#4C6272" text-anchor="middle">${esc(`${name} ${pct(share)}`)}</text>`
  );
}

/**
 * Principle scores as an inline SVG bar chart. The SVG is an image to assistive technology, named
 * by its title and described in words; the table that follows carries the same numbers.
 */
export function scoreChart(report: AssessmentReport): string {
  const principles = report.principles;
  const height = TOP + principles.length * ROW + 8;
  const { green, amber } = report.framework.thresholds;
  const described = principles.map((p) => `${p.id} ${p.score === null ? "not rated" : `${pct(p.score)}, ${ratingWord(p.rating).toLowerCase()}`}`);
  return [
    `<svg class="chart" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" aria-labelledby="chart-title chart-desc" focusable="false">`,
    `<title id="chart-title">Bar chart of principle scores</title>`,
    `<desc id="chart-desc">${esc(`Scores out of 100%, with amber from ${pct(amber)} and green from ${pct(green)}: ${described.join("; ")}.`)}</desc>`,
    ...principles.map(bar),
    threshold(amber, "amber from", height),
    threshold(green, "green from", height),
    "</svg>",
  ].join("\n");
}

/** The chart's numbers as a table, with ratings in words. */
export function scoreTable(report: AssessmentReport): string {
  const rows = report.principles.map((p) => [
    `<a href="#${principleAnchor(p.id)}">${esc(p.id)} ${esc(p.title)}</a>`,
    esc(pct(p.score)),
    ratingTag(p.rating),
    esc(pct(p.coverage)),
    esc(p.weight),
  ]);
  return table("Principle scores", ["Principle", "Score", "Rating", "Decided (coverage)", "Weight"], rows, [1, 3, 4]);
}
