import type { AssessmentReport } from "../model/report.js";
import { disagreementsSection, provenanceSection, waiversSection } from "./html-appendix.js";
import { scoreChart, scoreTable } from "./html-chart.js";
import { esc, pct, plural, principleAnchor, ratingTag, sentence, severityTag, statusTag, summaryList, table } from "./html-parts.js";
import { principleSection } from "./html-principle.js";
import { HTML_STYLE } from "./html-style.js";
import { ratingWord } from "./words.js";

// The page loads nothing: no scripts, no fonts, no images. Styles are inline. The policy makes
// that a promise the browser keeps even if a future change slipped in a reference.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function header(report: AssessmentReport): string {
  const { proposal, framework } = report;
  return [
    `<header class="site-header">`,
    `<div class="wrap">`,
    `<p class="brand">Clinical senate assessment</p>`,
    `<h1>${esc(proposal.title)}</h1>`,
    `<p class="lede">${esc(`Assessed against ${framework.title}, version ${framework.version}.`)}</p>`,
    "</div>",
    "</header>",
  ].join("\n");
}

function contents(report: AssessmentReport): string {
  const link = (href: string, text: string) => `<li><a href="#${href}">${text}</a></li>`;
  const principles = report.principles.map((p) =>
    link(principleAnchor(p.id), `${esc(p.id)} ${esc(p.title)} <span class="muted">(${esc(ratingWord(p.rating))})</span>`),
  );
  return [
    `<nav class="card contents" aria-label="Contents">`,
    `<p class="nav-title">Contents</p>`,
    "<ol>",
    link("summary", "Summary"),
    link("scores", "Principle scores"),
    ...principles,
    link("waivers", "Waivers"),
    link("disagreements", "Reviewer disagreements"),
    link("provenance", "Provenance"),
    "</ol>",
    "</nav>",
  ].join("\n");
}

function provisional(report: AssessmentReport): string {
  const awaiting = report.summary.awaitingReview;
  const ready = `<p><strong>Readiness.</strong> ${esc(sentence(report.summary.readiness.explanation))}</p>`;
  if (!report.summary.provisional) return `<div class="callout">${ready}</div>`;
  return [
    `<div class="callout callout-warning">`,
    // With none awaiting, the rating's own reason says why it is provisional (coverage, or no judgement at all).
    awaiting === 0
      ? `<p><strong>Provisional.</strong> ${esc(sentence(report.summary.ratingReason))}.</p>`
      : `<p><strong>Provisional.</strong> ${esc(`${plural(awaiting, "criterion awaits", "criteria await")} the panel's judgement. The score counts only decided criteria, which are ${pct(report.summary.coverage)} of the applicable weight, so the rating may change.`)}</p>`,
    ready,
    "</div>",
  ].join("\n");
}

function countTables(report: AssessmentReport): string {
  const { counts, gaps } = report.summary;
  const statuses = (Object.keys(counts) as (keyof typeof counts)[]).map((s) => [statusTag(s), esc(counts[s])]);
  const severities = (["critical", "major", "minor"] as const).map((s) => [severityTag(s), esc(gaps[s])]);
  const waived = report.gaps.filter((g) => g.waived).length;
  const note = waived > 0 ? `<p class="muted small">${esc(`${plural(waived, "further gap is", "further gaps are")} accepted by waiver.`)}</p>` : "";
  return [
    `<div class="tables">`,
    `<div>${table("Criteria by status", ["Status", "Criteria"], statuses, [1])}</div>`,
    `<div>${table("Open gaps by severity", ["Severity", "Gaps"], severities, [1])}${note}</div>`,
    "</div>",
  ].join("\n");
}

function summarySection(report: AssessmentReport): string {
  const { proposal, framework, summary } = report;
  const facts = summaryList([
    ["Proposal", `${esc(proposal.title)}<br><span class="muted small">${esc(`${proposal.id}, version ${proposal.version}`)}</span>`],
    ["Sponsor", esc(proposal.sponsor)],
    ["Stage", esc(proposal.stage)],
    ["Framework", `${esc(framework.title)}<br><span class="muted small">${esc(`${framework.id}, version ${framework.version}`)}</span>`],
    ["Score", esc(pct(summary.score))],
    ["Decided (coverage)", esc(`${pct(summary.coverage)} of the applicable weight`)],
    ["How the score is worked out", esc(sentence(summary.explanation))],
  ]);
  return [
    `<section class="card" id="summary" aria-labelledby="summary-heading">`,
    `<h2 id="summary-heading">Summary</h2>`,
    `<p class="big-tag">Overall rating: ${ratingTag(summary.rating)}${summary.provisional ? " (provisional)" : ""}</p>`,
    `<p class="reason">${esc(sentence(summary.ratingReason))}</p>`,
    provisional(report),
    facts,
    countTables(report),
    "</section>",
  ].join("\n");
}

function scoresSection(report: AssessmentReport): string {
  return [
    `<section class="card" id="scores" aria-labelledby="scores-heading">`,
    `<h2 id="scores-heading">Principle scores</h2>`,
    `<p>${esc("Each bar is a principle's score. Dashed lines mark where amber and green begin; the table below gives the same numbers.")}</p>`,
    // Focusable so that keyboard users can scroll it on narrow screens.
    `<div class="chart-scroll" role="region" aria-label="Chart of principle scores, scrollable" tabindex="0">`,
    scoreChart(report),
    "</div>",
    scoreTable(report),
    "</section>",
  ].join("\n");
}

function footer(report: AssessmentReport): string {
  const { tool, framework } = report;
  return [
    `<footer class="site-footer">`,
    `<div class="wrap">`,
    `<p>${esc(`Produced by ${tool.name} ${tool.version} using ${framework.id} version ${framework.version}. The inputs and their hashes are listed under Provenance.`)}</p>`,
    `<p>${esc("Ratings are a reading aid: each is explained by the findings above. A clinical senate advises; this report does not decide.")}</p>`,
    "</div>",
    "</footer>",
  ].join("\n");
}

/**
 * Formats a report as one self-contained HTML5 page for a senate panel: a summary, a chart of
 * principle scores, each principle in turn with its gaps and criteria, then waivers, reviewer
 * disagreements and provenance. It loads nothing from anywhere, so it works offline and by email;
 * every piece of report text is escaped. Pure and deterministic: the same report gives the same bytes.
 */
export function formatHtml(report: AssessmentReport): string {
  const title = `${report.proposal.title}: clinical senate assessment (${ratingWord(report.summary.rating)})`;
  const principles = report.principles.map((p) =>
    principleSection(
      p,
      report.gaps.filter((g) => g.principle === p.id),
      report.forPanel.filter((item) => item.principle === p.id),
    ),
  );
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">
<meta name="generator" content="${esc(`${report.tool.name} ${report.tool.version}`)}">
<title>${esc(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
${header(report)}
<div class="wrap layout">
${contents(report)}
<main id="main" tabindex="-1">
${summarySection(report)}
${scoresSection(report)}
${principles.join("\n")}
${waiversSection(report)}
${disagreementsSection(report)}
${provenanceSection(report)}
</main>
</div>
${footer(report)}
</body>
</html>
`;
}
