import type { AssessmentReport, PrincipleResult, Rating } from "../model/report.js";
import { esc, pct, principleAnchor, ratingTag, table } from "./html-parts.js";
import { ratingWord } from "./words.js";

// Bar fills: each has at least 3:1 contrast against the white card (see html-style.ts).
const FILL: Record<Rating, string> = { green: "#007F3B", amber: "#B35C00", red: "#D5281B", "not-rated": "#4C6272" };

const WIDTH = 760;
const BAR_MAX = 540;
const VALUE_X = 556;
const ROW = 62;
const TOP = 40;
const MAX_LABEL = 64;
const INK = "#212B32";
// A white outline behind text, so that a threshold line never runs through the letters.
const HALO = 'paint-order="stroke" stroke="#FFFFFF" stroke-width="5" stroke-linejoin="round"';

function label(p: PrincipleResult): string {
  const full = `${p.id} ${p.title}`;
  // SVG text cannot wrap; the table below has the full title.
  return full.length > MAX_LABEL ? `${full.slice(0, MAX_LABEL - 1)}…` : full;
}

const barY = (index: number) => TOP + index * ROW + 12;
const x = (share: number) => Math.round(share * BAR_MAX * 10) / 10;

function track(_: PrincipleResult, index: number): string {
  return `<rect x="0" y="${barY(index)}" width="${BAR_MAX}" height="24" fill="#F0F4F5"/>`;
}

function bar(p: PrincipleResult, index: number): string {
  const y = barY(index);
  // A rated 0% still gets a sliver of colour, so that "rated zero" and "not rated" look different.
  const width = p.score === null ? 0 : Math.max(x(p.score), 4);
  const value = p.score === null ? "Not rated" : `${pct(p.score)} · ${ratingWord(p.rating)}`;
  return [
    `<text x="0" y="${y - 8}" font-size="16" font-weight="bold" fill="${INK}" ${HALO}>${esc(label(p))}</text>`,
    width > 0 ? `<rect x="0" y="${y}" width="${width}" height="24" fill="${FILL[p.rating] ?? FILL["not-rated"]}"/>` : "",
    `<text x="${VALUE_X}" y="${y + 18}" font-size="16" fill="${INK}">${esc(value)}</text>`,
  ].join("");
}

function threshold(share: number, name: string, height: number): string {
  const at = x(share);
  // The amber label sits left of its line and the green one right, so that close thresholds do not collide.
  const anchor = name.startsWith("amber") && at > 130 ? "end" : "start";
  const labelX = anchor === "end" ? at - 4 : at + 4;
  return (
    `<line x1="${at}" y1="8" x2="${at}" y2="${height - 4}" stroke="#4C6272" stroke-width="2" stroke-dasharray="5 4"/>` +
    `<text x="${labelX}" y="20" font-size="14" fill="#4C6272" text-anchor="${anchor}" ${HALO}>${esc(`${name} ${pct(share)}`)}</text>`
  );
}

/**
 * Principle scores as an inline SVG bar chart. The SVG is an image to assistive technology, named
 * by its title and described in words; the table that follows carries the same numbers.
 */
export function scoreChart(report: AssessmentReport): string {
  const principles = report.principles;
  const height = TOP + principles.length * ROW;
  const { green, amber } = report.framework.thresholds;
  const described = principles.map((p) => `${p.id} ${p.score === null ? "not rated" : `${pct(p.score)}, ${ratingWord(p.rating).toLowerCase()}`}`);
  return [
    `<svg class="chart" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" aria-labelledby="chart-title" aria-describedby="chart-desc" focusable="false">`,
    `<title id="chart-title">Bar chart of principle scores</title>`,
    `<desc id="chart-desc">${esc(`Scores out of 100%, with amber from ${pct(amber)} and green from ${pct(green)}: ${described.join("; ")}.`)}</desc>`,
    ...principles.map(track),
    threshold(amber, "amber from", height),
    threshold(green, "green from", height),
    ...principles.map(bar),
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
  return table("Scores by principle", ["Principle", "Score", "Rating", "Decided (coverage)", "Weight"], rows, [1, 3, 4]);
}
