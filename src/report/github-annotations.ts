import type { Issue } from "../model/issue.js";
import type { AssessmentReport, Gap, Rating } from "../model/report.js";
import { annotation, type Command, command, commandOf, ratingNotice, warningAnnotation } from "./github.js";

// GitHub shows at most 10 error, 10 warning and 10 notice annotations from one step and drops the
// rest. Over a programme of proposals that would be the first few files' gaps, whatever they are,
// so the annotations are chosen: invalid files, then new gaps, then the others, most serious first,
// and the step's last notice says how many were left to the job summary.

/** Annotations GitHub shows per step, by command. */
export const GITHUB_ANNOTATION_LIMITS: Readonly<Record<Command, number>> = { error: 10, warning: 10, notice: 10 };

const SEVERITY_RANK = { critical: 0, major: 1, minor: 2 } as const;

interface Candidate {
  /** Lower comes first: [kind, severity, arrival]. */
  rank: [number, number, number];
  line: string;
}

function before(a: Candidate, b: Candidate): boolean {
  for (let i = 0; i < 3; i++) if (a.rank[i] !== b.rank[i]) return (a.rank[i] ?? 0) < (b.rank[i] ?? 0);
  return false;
}

/** Counts of gaps by kind, and of reports by rating, for the closing notice. */
interface Tally {
  reports: number;
  ratings: Partial<Record<Rating, number>>;
  gaps: number;
  fresh: number;
  invalid: number;
}

function closing(tally: Tally, omitted: Record<Command, number>, single: AssessmentReport | undefined): string {
  const left = omitted.error + omitted.warning + omitted.notice;
  const note = left > 0 ? ` ${left} more not annotated (GitHub shows 10 errors, 10 warnings and 10 notices a step): see the job summary.` : "";
  if (single && tally.invalid === 0) return ratingNotice(single, note);
  const ratings = (["green", "amber", "not-rated", "red"] as const).flatMap((r) => (tally.ratings[r] ? [`${tally.ratings[r]} ${r}`] : []));
  const text = `${tally.reports} reports (${ratings.join(", ") || "none"}), ${tally.gaps} gaps${tally.fresh > 0 ? ` (${tally.fresh} new)` : ""}${tally.invalid > 0 ? `, ${tally.invalid} problems in invalid files` : ""}.${note}`;
  return command("notice", [["title", "Senate assessment"]], text);
}

/**
 * Annotations for a whole step, a report at a time, keeping only the ones GitHub will show: one
 * notice is kept back for the closing summary.
 */
export function githubAnnotations() {
  const kept: Record<Command, Candidate[]> = { error: [], warning: [], notice: [] };
  const omitted: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  const tally: Tally = { reports: 0, ratings: {}, gaps: 0, fresh: 0, invalid: 0 };
  let arrival = 0;
  let single: AssessmentReport | undefined;
  const offer = (name: Command, candidate: Candidate) => {
    const list = kept[name];
    const room = GITHUB_ANNOTATION_LIMITS[name] - (name === "notice" ? 1 : 0);
    const at = list.findIndex((c) => before(candidate, c));
    list.splice(at === -1 ? list.length : at, 0, candidate);
    if (list.length > room) {
      list.pop();
      omitted[name]++;
    }
  };
  return {
    /** A report's gaps; `fresh` holds those its baseline does not have. */
    add(report: AssessmentReport, fresh?: ReadonlySet<Gap>): void {
      tally.reports++;
      tally.ratings[report.summary.rating] = (tally.ratings[report.summary.rating] ?? 0) + 1;
      single = tally.reports === 1 ? report : undefined;
      for (const gap of report.gaps) {
        const isNew = fresh?.has(gap) === true;
        tally.gaps++;
        if (isNew) tally.fresh++;
        const kind = isNew ? 1 : gap.waived ? 3 : 2;
        offer(commandOf(gap), { rank: [kind, SEVERITY_RANK[gap.severity], arrival++], line: annotation(gap, report.proposal.file, isNew) });
      }
      // A waiver about to lapse will break the gate: shown with the new gaps, ahead of the rest.
      for (const w of report.warnings ?? []) offer("warning", { rank: [1, 0, arrival++], line: warningAnnotation(w) });
    },
    /** An invalid file's problems: errors, annotated before any gap. */
    invalid(issues: readonly Issue[]): void {
      for (const issue of issues) {
        tally.invalid++;
        const props: [string, string | number | undefined][] = [
          ["file", issue.file?.replace(/\\/g, "/").replace(/^(\.\/)+/, "")],
          ["line", issue.line],
          ["col", issue.column],
          ["title", `Invalid: ${issue.code}`],
        ];
        offer("error", { rank: [0, 0, arrival++], line: command("error", props, issue.message) });
      }
    },
    /** How many annotations GitHub would not have shown, by command. */
    omitted(): Readonly<Record<Command, number>> {
      return omitted;
    },
    /** The annotations, most important first, then the closing notice. */
    text(): string {
      if (tally.reports === 0 && tally.invalid === 0) return "";
      const all = [...kept.error, ...kept.warning, ...kept.notice].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
      return `${[...all.map((c) => c.line), closing(tally, omitted, single)].join("\n")}\n`;
    },
  };
}

/**
 * The report as GitHub Actions workflow commands, one line per gap (most severe first, within
 * GitHub's limits) and a final notice with the overall rating, so gaps show as annotations on the
 * proposal file.
 */
export function formatGithub(report: AssessmentReport): string {
  return formatGithubAll([report]);
}

/** Reports as one step's annotations (see {@link githubAnnotations}). */
export function formatGithubAll(reports: readonly AssessmentReport[]): string {
  const log = githubAnnotations();
  for (const r of reports) log.add(r);
  return log.text();
}
