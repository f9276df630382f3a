import type { CriterionResult, Gap, PanelItem, PrincipleResult, Status } from "../model/report.js";
import {
  decidedByWords,
  esc,
  pct,
  plural,
  principleAnchor,
  ratingTag,
  sentence,
  severityTag,
  sourcePosition,
  statusTag,
  summaryList,
  table,
} from "./html-parts.js";
import { statusWord } from "./words.js";

function facts(p: PrincipleResult): string {
  return summaryList([
    ["Rating", ratingTag(p.rating)],
    ["Score", esc(pct(p.score))],
    ["Decided (coverage)", esc(`${pct(p.coverage)} of the applicable weight`)],
    ["Why this rating", esc(sentence(p.ratingReason))],
    ["How the score is worked out", esc(sentence(p.working.explanation))],
  ]);
}

function strengths(p: PrincipleResult): string {
  const heading = `<h3>What is strong</h3>`;
  if (p.strengths.length === 0) return `${heading}\n<p>No criterion under this principle is met yet.</p>`;
  return `${heading}\n<ul class="strengths">${p.strengths.map((s) => `<li>${esc(s)}</li>`).join("")}</ul>`;
}

function where(gap: Gap): string {
  const field = gap.pointer ? `Field <code>${esc(gap.pointer)}</code>` : "The proposal as a whole";
  const at = sourcePosition(gap);
  // The position gets its own line: it is what a reader copies into an editor.
  return at ? `${field}<br>Line <code>${esc(at)}</code>` : `${field}<br><span class="muted">Not traced to a line in the source.</span>`;
}

/** One gap: what is missing, where, how serious, and what to do. The fingerprint tracks it across reports. */
export function gapBlock(gap: Gap): string {
  const status = statusTag(gap.status);
  const waived = gap.waived ? `<span class="tag tag-plain">Accepted by waiver</span>` : "";
  const missing = `<ul>${gap.missing.map((m) => `<li>${esc(sentence(m))}</li>`).join("")}</ul>`;
  return [
    `<div class="gap gap-${esc(gap.severity)}" id="gap-${esc(gap.fingerprint)}">`,
    `<h4>${esc(gap.criterion)} ${esc(gap.title)}</h4>`,
    `<p class="gap-tags">${severityTag(gap.severity)} ${status} ${waived}</p>`,
    summaryList([
      ["What is missing", missing],
      ["Where", where(gap)],
      ["Recommendation", esc(gap.recommendation)],
      ["Fingerprint", `<code>${esc(gap.fingerprint)}</code>`],
    ]),
    "</div>",
  ].join("\n");
}

function gapsPart(gaps: Gap[]): string {
  const heading = `<h3>Gaps (${gaps.length})</h3>`;
  if (gaps.length === 0) return `${heading}\n<p>No gaps: no applicable criterion is found not met or partially met.</p>`;
  return [heading, ...gaps.map(gapBlock)].join("\n");
}

/** A criterion awaiting the panel: the question, what the proposal offers, and what good looks like. Never worded as a failure. */
export function panelBlock(item: PanelItem): string {
  const offers =
    item.offers.length === 0
      ? `<span class="muted">Nothing the checks read; the panel judges from the whole proposal.</span>`
      : `<ul>${item.offers.map((o) => `<li><code>${esc(o.pointer)}</code>: ${esc(o.excerpt)}</li>`).join("")}</ul>`;
  const cited =
    item.evidence.length === 0
      ? `<span class="muted">None cited where the checks read.</span>`
      : `<ul>${item.evidence.map((e) => `<li>${esc(`${e.id} ${e.title} (${e.type}, ${e.grade ? `GRADE ${e.grade}` : "ungraded"})`)}</li>`).join("")}</ul>`;
  return [
    `<div class="panel-item" id="panel-${esc(item.criterion)}">`,
    `<h4>${esc(item.criterion)} ${esc(item.title)}</h4>`,
    summaryList([
      ["Question", esc(item.question)],
      ["What the proposal offers", offers],
      ["Evidence cited", cited],
      ["What good looks like", esc(item.weigh)],
    ]),
    "</div>",
  ].join("\n");
}

function panelPart(items: PanelItem[]): string {
  if (items.length === 0) return "";
  return [`<h3>For the panel (${items.length})</h3>`, ...items.map(panelBlock)].join("\n");
}

function contributionWords(c: CriterionResult): string {
  const { weight, credit, counted, points } = c.contribution;
  if (!counted || credit === null) return `Not counted (weight ${weight})`;
  return `${pct(credit)} credit × weight ${weight} = ${points} ${points === 1 ? "point" : "points"}`;
}

function criteriaTable(p: PrincipleResult): string {
  const rows = p.criteria.map((c) => [
    esc(c.id),
    `${esc(c.title)}<br><span class="muted small">${esc(sentence(c.reason))}</span>`,
    statusTag(c.status),
    esc(decidedByWords(c.decidedBy)),
    esc(contributionWords(c)),
  ]);
  return table(`Criteria under ${p.id}`, ["Criterion", "Title and reason", "Status", "Decided by", "Contribution"], rows);
}

/** A principle in turn: its words, rating and working, what is strong, each gap, and every criterion. */
export function principleSection(p: PrincipleResult, gaps: Gap[], panel: PanelItem[] = []): string {
  const id = principleAnchor(p.id);
  return [
    `<section class="card principle" id="${id}" aria-labelledby="${id}-heading">`,
    `<h2 id="${id}-heading">${esc(p.id)} ${esc(p.title)}</h2>`,
    `<blockquote><p>${esc(p.wording)}</p></blockquote>`,
    facts(p),
    strengths(p),
    gapsPart(gaps),
    panelPart(panel),
    `<h3>Criteria</h3>`,
    `<p class="muted">${esc(criteriaSummary(p.criteria))}</p>`,
    criteriaTable(p),
    "</section>",
  ].join("\n");
}

function criteriaSummary(criteria: CriterionResult[]): string {
  const counts = new Map<Status, number>();
  for (const c of criteria) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${n} ${statusWord(status).toLowerCase()}`);
  return `${plural(criteria.length, "criterion", "criteria")}: ${parts.join(", ")}.`;
}
