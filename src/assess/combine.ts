import type { Crosswalk } from "../model/crosswalk.js";
import type { CombinedSummary, Outcome, ThemeComparison, ThemeMember } from "../model/combined.js";
import type { AssessmentReport, Rating, Status } from "../model/report.js";

export type { CombinedSummary, Outcome, ThemeComparison, ThemeMember } from "../model/combined.js";

const BY_STATUS: Record<Status, Outcome> = {
  met: "good",
  "partially-met": "mixed",
  "not-met": "poor",
  "needs-review": "undecided",
  "not-applicable": "undecided",
};
const BY_RATING: Record<Rating, Outcome> = { green: "good", amber: "mixed", red: "poor", "not-rated": "undecided" };

const ORDER: readonly Outcome[] = ["poor", "mixed", "good"];

function worst(outcomes: Outcome[]): Outcome {
  const decided = outcomes.filter((o) => o !== "undecided");
  if (decided.length === 0) return "undecided";
  return ORDER.find((o) => decided.some((d) => d === o)) ?? "undecided";
}

function member(report: AssessmentReport, ids: string[]): ThemeMember {
  const items = ids.flatMap((id): ThemeMember["items"] => {
    const principle = report.principles.find((p) => p.id === id);
    if (principle) return [{ id, kind: "principle", result: principle.rating, outcome: BY_RATING[principle.rating] }];
    const criterion = report.principles.flatMap((p) => p.criteria).find((c) => c.id === id);
    return criterion ? [{ id, kind: "criterion", result: criterion.status, outcome: BY_STATUS[criterion.status] }] : [];
  });
  return { framework: report.framework.id, items, outcome: worst(items.map((i) => i.outcome)) };
}

/**
 * Puts reports of one proposal against several frameworks side by side: each framework's rating, and
 * for each crosswalk theme whether the frameworks reach the same outcome on the same evidence.
 * A tailored framework stands in for the framework it extends.
 */
export function combineReports(reports: AssessmentReport[], crosswalk?: Crosswalk): CombinedSummary {
  const first = reports[0];
  const byFramework = new Map<string, AssessmentReport>();
  for (const r of reports) {
    byFramework.set(r.framework.id, r);
    if (r.framework.basedOn && !byFramework.has(r.framework.basedOn.id)) byFramework.set(r.framework.basedOn.id, r);
  }
  const themes = (crosswalk?.links ?? []).flatMap((link): ThemeComparison[] => {
    const members = link.members.flatMap((m) => {
      const report = byFramework.get(m.framework);
      return report ? [member(report, m.ids)] : [];
    });
    if (members.length < 2) return [];
    const decided = members.map((m) => m.outcome).filter((o) => o !== "undecided");
    const verdict = decided.length < 2 ? "undecided" : new Set(decided).size === 1 ? "agree" : "differ";
    return [{ id: link.id, theme: link.theme, members, verdict }];
  });
  return {
    proposal: { id: first?.proposal.id ?? "", title: first?.proposal.title ?? "" },
    frameworks: reports.map((r) => ({
      id: r.framework.id,
      version: r.framework.version,
      rating: r.summary.rating,
      score: r.summary.score,
      coverage: r.summary.coverage,
      openGaps: r.gaps.filter((g) => !g.waived).length,
    })),
    themes,
  };
}
