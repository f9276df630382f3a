import type { Framework } from "../model/framework.js";
import { canonicalJson, sha256 } from "../model/hash.js";

/** What a release of a framework is judged by: each criterion's meaning and scoring, and its wording. */
export interface VersionRecord {
  /** Per criterion: a hash of what it means (question, mode, checks, applies-when, stages). */
  meaning: Record<string, string>;
  /** Per criterion: a hash of how it scores (weight, severity), with the principle weights and thresholds. */
  scoring: Record<string, string>;
  /** A hash of everything else: titles, guidance, recommendations, principle wording, references. */
  wording: string;
  /** Per shipped example: the criteria it meets. */
  metOnExamples: Record<string, string[]>;
}

const hash = (value: unknown) => sha256(canonicalJson(value)).slice(0, 16);

/** The record of a framework's content, for comparing releases. */
export function versionRecord(framework: Framework, metOnExamples: Record<string, string[]>): VersionRecord {
  const criteria = framework.principles.flatMap((p) => p.criteria.map((c) => ({ ...c, principleWeight: p.weight })));
  return {
    meaning: Object.fromEntries(
      criteria.map((c) => [c.id, hash([c.question, c.mode, c.checks, c.appliesWhen ?? null, c.notApplicable ?? null, ...(c.stages ? [c.stages] : [])])]),
    ),
    scoring: Object.fromEntries(criteria.map((c) => [c.id, hash([c.weight, c.severity, c.principleWeight, framework.thresholds])])),
    wording: hash([
      framework.title,
      framework.description ?? null,
      framework.source,
      framework.principles.map((p) => [
        p.id,
        p.title,
        p.wording,
        p.criteria.map((c) => [
          c.title,
          c.guidance,
          c.recommendation,
          c.tags,
          c.references,
          ...(c.doesNotApply === undefined ? [] : [c.doesNotApply]),
          // Only where given, so records written before `succeeds` existed keep their hashes.
          ...(c.succeeds === undefined ? [] : [{ succeeds: c.succeeds }]),
        ]),
      ]),
    ]),
    metOnExamples,
  };
}

type Bump = "major" | "minor" | "patch" | "none";

function bumpOf(from: string, to: string): Bump {
  const [a = 0, b = 0, c = 0] = from.split(".").map(Number);
  const [x = 0, y = 0, z = 0] = to.split(".").map(Number);
  if (x !== a) return x > a ? "major" : "none";
  if (y !== b) return y > b ? "minor" : "none";
  return z > c ? "patch" : "none";
}

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/**
 * The versioning contract: ids are never reused for another meaning; a patch changes wording only; a
 * minor may add criteria but must not turn a met criterion unmet on the shipped examples; anything
 * else (removed criteria, new weights or severities, lost met criteria) is a major. Returns the breaches.
 */
export function checkRelease(history: Record<string, VersionRecord>, version: string, next: VersionRecord): string[] {
  const versions = Object.keys(history).sort((a, b) => compareVersions(a, b));
  const latest = versions[versions.length - 1];
  if (latest === undefined) return [];
  const prev = history[latest] as VersionRecord;
  const problems: string[] = [];
  for (const [v, record] of Object.entries(history)) {
    for (const [id, meaning] of Object.entries(next.meaning)) {
      const was = record.meaning[id];
      if (was !== undefined && was !== meaning) problems.push(`${id} means something different from version ${v}: a changed meaning needs a new id`);
    }
  }
  const removed = Object.keys(prev.meaning).filter((id) => !(id in next.meaning));
  const added = Object.keys(next.meaning).filter((id) => !(id in prev.meaning));
  const rescored = Object.keys(next.scoring).filter((id) => id in prev.scoring && prev.scoring[id] !== next.scoring[id]);
  const lost = Object.entries(prev.metOnExamples).flatMap(([file, met]) =>
    met.filter((id) => !(next.metOnExamples[file] ?? []).includes(id)).map((id) => `${id} on ${file}`),
  );
  let needed: Bump = next.wording === prev.wording ? "none" : "patch";
  if (added.length > 0) needed = "minor";
  if (removed.length > 0 || rescored.length > 0 || lost.length > 0) needed = "major";
  const given = bumpOf(latest, version);
  if (RANK[given] < RANK[needed]) {
    const why = [
      removed.length > 0 ? `removes ${removed.join(", ")}` : "",
      rescored.length > 0 ? `changes the weight or severity of ${rescored.join(", ")}` : "",
      lost.length > 0 ? `turns met criteria unmet (${lost.join(", ")})` : "",
      added.length > 0 ? `adds ${added.join(", ")}` : "",
      needed === "patch" ? "changes wording" : "",
    ].filter(Boolean);
    problems.push(
      `version ${version} after ${latest} is a ${given === "none" ? "non-" : `${given} `}release, but the change ${why.join("; ")}: it needs a ${needed} release`,
    );
  }
  return problems;
}

/** Orders semantic versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
