import { legacyFingerprint } from "../assess/gaps.js";
import { BUILTIN_FRAMEWORKS } from "../framework/builtin.js";
import type { AssessmentReport, Gap, Rating } from "../model/report.js";

/**
 * Ratings from best to worst. Not rated sits between amber and red, as in the `--fail-on` gate:
 * a report with nothing decided is no pass (it fails `--fail-on amber`) but is not red either.
 */
export const RATING_ORDER: readonly Rating[] = ["green", "amber", "not-rated", "red"];

/** How a rating moved between two reports; `added` and `removed` when only one report has it. */
export type RatingDirection = "better" | "worse" | "same" | "added" | "removed";

/** One rating in both reports: the overall rating (`id` "overall") or a principle's. */
export interface RatingChange {
  id: string;
  title: string;
  old: Rating | null;
  new: Rating | null;
  direction: RatingDirection;
}

/** Why a gap on the same criterion, or on the criterion that succeeds it, counts as changed. */
export type GapChangeReason = "fingerprint" | "status" | "severity" | "waived" | "succeeded";

/** A criterion with a gap in both reports that is not the same gap (or a retired criterion's gap, carried to its successor). */
export interface ChangedGap {
  criterion: string;
  reasons: GapChangeReason[];
  old: Gap;
  new: Gap;
}

/** What changed between a baseline report and a new one. */
export interface ReportDiff {
  /** The new report's proposal, and the baseline's proposal id (the same, unless told to compare others). */
  proposal: { id: string; title: string; baselineId: string };
  framework: { id: string; version: string; baselineId: string; baselineVersion: string };
  rating: RatingChange;
  score: { old: number | null; new: number | null };
  principles: RatingChange[];
  gaps: { new: Gap[]; closed: Gap[]; changed: ChangedGap[]; unchanged: Gap[] };
  /** Present, and true, when the baseline holds no report for this proposal and framework: every gap is new. */
  notInBaseline?: true;
  /** True when there are new gaps not accepted by waiver, or the overall rating is worse. */
  regressed: boolean;
}

/** Compares two ratings; null stands for a rating only one report has. */
export function ratingDirection(old: Rating | null, now: Rating | null): RatingDirection {
  if (old === null) return "added";
  if (now === null) return "removed";
  const delta = RATING_ORDER.indexOf(now) - RATING_ORDER.indexOf(old);
  return delta > 0 ? "worse" : delta < 0 ? "better" : "same";
}

const SEVERITY_RANK = { critical: 0, major: 1, minor: 2 } as const;

/** Criterion ids in reading order: LDN-2.1 before LDN-10.1. */
function byCriterion(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/** Gaps in a stable order: severity, then criterion id, then fingerprint. */
function sortGaps(gaps: Gap[]): Gap[] {
  return [...gaps].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || byCriterion(a.criterion, b.criterion) || a.fingerprint.localeCompare(b.fingerprint),
  );
}

/** True when the two gaps' fingerprints were made the same way, so comparing them means something. */
function sameScheme(a: Gap, b: Gap): boolean {
  return isLegacy(a) === isLegacy(b);
}

const legacy = new WeakMap<Gap, boolean>();

/** A gap from a report before 0.4, fingerprinted from its wording (`senateGap/v1`). */
function isLegacy(gap: Gap): boolean {
  let known = legacy.get(gap);
  if (known === undefined) {
    known = gap.fingerprint === legacyFingerprint(gap);
    legacy.set(gap, known);
  }
  return known;
}

function reasons(old: Gap, now: Gap): GapChangeReason[] {
  const out: GapChangeReason[] = [];
  if (old.criterion !== now.criterion) out.push("succeeded");
  // Fingerprints made two ways differ whatever was found: then the criterion and pointer decide (see pairGaps).
  if (old.fingerprint !== now.fingerprint && sameScheme(old, now)) out.push("fingerprint");
  if (old.status !== now.status) out.push("status");
  if (old.severity !== now.severity) out.push("severity");
  if (old.waived !== now.waived) out.push("waived");
  return out;
}

/**
 * Pairs gaps across reports: identical fingerprints first (so a criterion with several gaps pairs
 * like with like); then, between a baseline from before 0.4 (whose fingerprints hashed the wording)
 * and a newer report, the same criterion at the same pointer; then what is left on the same
 * criterion, in report order. So no gap shows as new only because fingerprints changed.
 */
function pairGaps(olds: Gap[], news: Gap[], predecessors: ReadonlyMap<string, readonly string[]>): { pairs: [Gap, Gap][]; added: Gap[]; closed: Gap[] } {
  const left = new Set(olds);
  const pairs: [Gap, Gap][] = [];
  const match = (pending: Gap[], same: (o: Gap, g: Gap) => boolean, criterion = (o: Gap, g: Gap) => o.criterion === g.criterion): Gap[] => {
    const unpaired: Gap[] = [];
    for (const g of pending) {
      const found = [...left].find((o) => criterion(o, g) && same(o, g));
      if (found) {
        left.delete(found);
        pairs.push([found, g]);
      } else unpaired.push(g);
    }
    return unpaired;
  };
  let pending = match(news, (o, g) => o.fingerprint === g.fingerprint);
  pending = match(pending, (o, g) => !sameScheme(o, g) && o.pointer === g.pointer);
  pending = match(pending, () => true);
  // A gap on a criterion that succeeds a retired one the baseline had a gap on is that gap carried over
  // (LDN-3.6 → LDN-3.9): changed, not new, so upgrading the frameworks does not trip a new-gap gate.
  const added = match(
    pending,
    () => true,
    (o, g) => predecessors.get(g.criterion)?.includes(o.criterion) === true,
  );
  return { pairs, added, closed: [...left] };
}

/** For each built-in criterion that succeeds retired ones, their ids; a report's own framework or its base decides. */
function predecessorsOf(report: AssessmentReport): ReadonlyMap<string, readonly string[]> {
  const id = Object.hasOwn(BUILTIN_FRAMEWORKS, report.framework.id) ? report.framework.id : report.framework.basedOn?.id;
  if (id === undefined || !Object.hasOwn(BUILTIN_FRAMEWORKS, id)) return new Map();
  const framework = BUILTIN_FRAMEWORKS[id as keyof typeof BUILTIN_FRAMEWORKS];
  return new Map(framework.principles.flatMap((p) => p.criteria.flatMap((c) => (c.succeeds ? [[c.id, c.succeeds] as const] : []))));
}

function principleChanges(old: AssessmentReport, now: AssessmentReport): RatingChange[] {
  const before = new Map(old.principles.map((p) => [p.id, p]));
  const kept = now.principles.map((p): RatingChange => {
    const o = before.get(p.id)?.rating ?? null;
    return { id: p.id, title: p.title, old: o, new: p.rating, direction: ratingDirection(o, p.rating) };
  });
  const ids = new Set(now.principles.map((p) => p.id));
  const gone = old.principles
    .filter((p) => !ids.has(p.id))
    .map((p): RatingChange => ({ id: p.id, title: p.title, old: p.rating, new: null, direction: "removed" }));
  return [...kept, ...gone];
}

/** Compares a baseline report with a new one: gaps new, closed, changed and unchanged, and rating moves. Pure. */
export function diffReports(old: AssessmentReport, now: AssessmentReport): ReportDiff {
  const { pairs, added, closed } = pairGaps(old.gaps, now.gaps, predecessorsOf(now));
  const changed = pairs.map(([o, n]): ChangedGap => ({ criterion: n.criterion, reasons: reasons(o, n), old: o, new: n })).filter((c) => c.reasons.length > 0);
  const unchanged = pairs.filter(([o, n]) => reasons(o, n).length === 0).map(([, n]) => n);
  const order = new Map(sortGaps(changed.map((c) => c.new)).map((g, i) => [g, i]));
  const rating: RatingChange = {
    id: "overall",
    title: "Overall",
    old: old.summary.rating,
    new: now.summary.rating,
    direction: ratingDirection(old.summary.rating, now.summary.rating),
  };
  const newGaps = sortGaps(added);
  return {
    proposal: { id: now.proposal.id, title: now.proposal.title, baselineId: old.proposal.id },
    framework: { id: now.framework.id, version: now.framework.version, baselineId: old.framework.id, baselineVersion: old.framework.version },
    rating,
    score: { old: old.summary.score, new: now.summary.score },
    principles: principleChanges(old, now),
    gaps: {
      new: newGaps,
      closed: sortGaps(closed),
      changed: changed.sort((a, b) => (order.get(a.new) ?? 0) - (order.get(b.new) ?? 0)),
      unchanged: sortGaps(unchanged),
    },
    regressed: newGaps.some((g) => !g.waived) || rating.direction === "worse",
  };
}

/**
 * A report whose proposal (or framework) the baseline does not hold: every gap is new, and every
 * rating is added rather than better or worse, so a new proposal ratchets from where it starts.
 */
export function diffAgainstNothing(now: AssessmentReport): ReportDiff {
  const added = (id: string, title: string, rating: Rating): RatingChange => ({ id, title, old: null, new: rating, direction: "added" });
  const newGaps = sortGaps(now.gaps);
  return {
    proposal: { id: now.proposal.id, title: now.proposal.title, baselineId: now.proposal.id },
    framework: { id: now.framework.id, version: now.framework.version, baselineId: now.framework.id, baselineVersion: now.framework.version },
    rating: added("overall", "Overall", now.summary.rating),
    score: { old: null, new: now.summary.score },
    principles: now.principles.map((p) => added(p.id, p.title, p.rating)),
    gaps: { new: newGaps, closed: [], changed: [], unchanged: [] },
    notInBaseline: true,
    regressed: newGaps.some((g) => !g.waived),
  };
}
