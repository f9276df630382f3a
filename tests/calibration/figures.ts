// The calibration figures: how far the tool's principle ratings and gaps agree with what panels found, and
// whether its overall scores put proposals in the order the panels' verdicts do.
import type { PrincipleResult, Rating } from "../../src/index.js";
import type { CaseResult } from "./harness.js";
import { type Finding, PRINCIPLES, type PrincipleId, verdictRank } from "./panel.js";

/** One principle of one case: the panel's finding beside the tool's rating and gaps. */
export interface PrincipleView {
  principle: PrincipleId;
  finding: Finding;
  rating: Rating;
  score: number | null;
  /** Criteria of this principle the tool reports not met or partially met. */
  toolGaps: string[];
  /** Criteria the panel named in a gap that the tool reports met. */
  metNamed: string[];
}

export interface Figures {
  panelGaps: { slug: string; principle: PrincipleId; flagged: boolean }[];
  gapAgreement: { flagged: number; total: number; share: number | null };
  metNamed: { slug: string; principle: PrincipleId; criterion: string }[];
  commended: { slug: string; principle: PrincipleId; rating: Rating }[];
  commendedRed: { slug: string; principle: PrincipleId }[];
  green: string[];
  order: OrderFigures;
  /** The same, over the published reviews alone, where the encodings are thinner than the real documents. */
  publishedOrder: OrderFigures;
}

export interface OrderFigures {
  pairs: number;
  discordant: { better: string; worse: string }[];
  tau: number | null;
}

const GAP_STATUSES = new Set(["not-met", "partially-met"]);

function viewOf(principle: PrincipleId, finding: Finding, result: PrincipleResult | undefined): PrincipleView {
  const criteria = result?.criteria ?? [];
  const named = new Set(finding.finding === "gap" ? (finding.criteria ?? []) : []);
  return {
    principle,
    finding,
    rating: result?.rating ?? "not-rated",
    score: result?.score ?? null,
    toolGaps: criteria.filter((c) => GAP_STATUSES.has(c.status)).map((c) => c.id),
    metNamed: criteria.filter((c) => named.has(c.id) && c.status === "met").map((c) => c.id),
  };
}

/** The eight London principles of one case, panel beside tool. */
export function principleViews(c: CaseResult): PrincipleView[] {
  return PRINCIPLES.map((p) =>
    viewOf(
      p,
      c.panel.findings[p],
      c.report.principles.find((r) => r.id === p),
    ),
  );
}

/** A case's overall score for ordering; a report with nothing decided counts as the lowest score. */
export function orderScore(c: CaseResult): number {
  return c.report.summary.score ?? 0;
}

const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);

/** Kendall's tau-b between verdict (best first) and overall score; null when either side has no spread. */
function kendallTauB(cases: CaseResult[]): number | null {
  let concordant = 0;
  let discordant = 0;
  let tiedVerdict = 0;
  let tiedScore = 0;
  let pairs = 0;
  for (let i = 0; i < cases.length; i++) {
    for (let j = i + 1; j < cases.length; j++) {
      const a = cases[i]!;
      const b = cases[j]!;
      // A better verdict has a lower rank, so negate it to make "better" point the same way as "higher score".
      const v = sign(verdictRank(b.panel.verdict) - verdictRank(a.panel.verdict));
      const s = sign(orderScore(a) - orderScore(b));
      pairs++;
      if (v === 0) tiedVerdict++;
      if (s === 0) tiedScore++;
      if (v !== 0 && s !== 0) v === s ? concordant++ : discordant++;
    }
  }
  const denominator = Math.sqrt((pairs - tiedVerdict) * (pairs - tiedScore));
  return denominator === 0 ? null : (concordant - discordant) / denominator;
}

/** Pairs with different verdicts, and those where the better-judged proposal scored strictly lower. */
function orderFigures(cases: CaseResult[]): OrderFigures {
  let pairs = 0;
  const discordant: { better: string; worse: string }[] = [];
  for (const a of cases) {
    for (const b of cases) {
      if (verdictRank(a.panel.verdict) >= verdictRank(b.panel.verdict)) continue;
      pairs++;
      if (orderScore(a) < orderScore(b)) discordant.push({ better: a.slug, worse: b.slug });
    }
  }
  return { pairs, discordant, tau: kendallTauB(cases) };
}

/** Every figure, over the whole corpus. */
export function computeFigures(cases: CaseResult[]): Figures {
  const views = cases.flatMap((c) => principleViews(c).map((v) => ({ slug: c.slug, ...v })));
  const panelGaps = views.filter((v) => v.finding.finding === "gap").map((v) => ({ slug: v.slug, principle: v.principle, flagged: v.toolGaps.length > 0 }));
  const flagged = panelGaps.filter((g) => g.flagged).length;
  const commended = views.filter((v) => v.finding.finding === "strength").map((v) => ({ slug: v.slug, principle: v.principle, rating: v.rating }));
  return {
    panelGaps,
    gapAgreement: { flagged, total: panelGaps.length, share: panelGaps.length === 0 ? null : flagged / panelGaps.length },
    metNamed: views.flatMap((v) => v.metNamed.map((criterion) => ({ slug: v.slug, principle: v.principle, criterion }))),
    commended,
    commendedRed: commended.filter((c) => c.rating === "red").map(({ slug, principle }) => ({ slug, principle })),
    // Every case is assessed without reviews, so every green overall rating is an unreviewed proposal rated green.
    green: cases.filter((c) => c.report.summary.rating === "green").map((c) => c.slug),
    order: orderFigures(cases),
    publishedOrder: orderFigures(cases.filter((c) => c.panel.kind === "published")),
  };
}
