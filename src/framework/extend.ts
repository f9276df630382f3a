import { type Framework, type FrameworkExtension, type Principle, successorHint } from "../model/framework.js";
import type { Issue } from "../model/issue.js";
import { escapeSegment } from "../model/pointer.js";
import type { LoadedFramework } from "../model/typed-ids.js";

type Located = Omit<Issue, "file">;

function unknownIds(ext: FrameworkExtension, base: Framework): Located[] {
  const principles = new Set(base.principles.map((p) => p.id));
  const criteria = new Set(base.principles.flatMap((p) => p.criteria.map((c) => c.id)));
  const issues: Located[] = [];
  const unknown = (kind: string, id: string, pointer: string) =>
    issues.push({ code: "unknown_criterion", message: `${kind} ${id} is not in ${base.id} ${base.version}${successorHint(base, id)}`, pointer });
  for (const id of Object.keys(ext.tailor.principles ?? {})) if (!principles.has(id)) unknown("principle", id, `/tailor/principles/${escapeSegment(id)}`);
  for (const id of Object.keys(ext.tailor.criteria ?? {})) if (!criteria.has(id)) unknown("criterion", id, `/tailor/criteria/${escapeSegment(id)}`);
  (ext.tailor.add ?? []).forEach((group, g) => {
    if (!principles.has(group.principle)) unknown("principle", group.principle, `/tailor/add/${g}/principle`);
    group.criteria.forEach((c, i) => {
      if (criteria.has(c.id)) {
        issues.push({
          code: "duplicate_id",
          message: `criterion ${c.id} already exists in ${base.id}; an added criterion needs a new id`,
          pointer: `/tailor/add/${g}/criteria/${i}/id`,
        });
      }
    });
  });
  return issues;
}

function tailorPrinciple(principle: Principle, ext: FrameworkExtension): Principle {
  const overrides = ext.tailor.criteria ?? {};
  const criteria = principle.criteria.map((c) => {
    const o = overrides[c.id];
    if (!o) return c;
    return {
      ...c,
      ...(o.weight === undefined ? {} : { weight: o.weight }),
      ...(o.severity === undefined ? {} : { severity: o.severity }),
      ...(o.recommendation === undefined ? {} : { recommendation: o.recommendation }),
      ...(o.notApplicable === undefined ? {} : { notApplicable: o.notApplicable }),
    };
  });
  const added = (ext.tailor.add ?? []).filter((g) => g.principle === principle.id).flatMap((g) => g.criteria);
  const weight = ext.tailor.principles?.[principle.id]?.weight ?? principle.weight;
  return { ...principle, weight, criteria: [...criteria, ...added] };
}

/**
 * Applies a tailored framework's changes to the framework it extends. The result is a framework
 * in its own right, with its own id and version, recording what it was based on.
 */
export function applyExtension(ext: FrameworkExtension, base: LoadedFramework): { ok: true; framework: Framework } | { ok: false; issues: Located[] } {
  const issues = unknownIds(ext, base.framework);
  if (issues.length > 0) return { ok: false, issues };
  const b = base.framework;
  const source = ext.source ?? { ...b.source, added: `${b.source.added} Tailored by ${ext.publisher} as ${ext.id} ${ext.version}.` };
  return {
    ok: true,
    framework: {
      schemaVersion: "1",
      id: ext.id,
      version: ext.version,
      title: ext.title,
      publisher: ext.publisher,
      ...(ext.description === undefined ? {} : { description: ext.description }),
      source,
      // A tailored framework changes only the thresholds it names: the base's minimum coverage for green carries over.
      thresholds: { ...b.thresholds, ...ext.thresholds },
      basedOn: { id: b.id, version: b.version, sha256: base.sha256 },
      principles: b.principles.map((p) => tailorPrinciple(p, ext)),
    },
  };
}
