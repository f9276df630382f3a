import type { CustomChecks } from "../checks/registry.js";
import type { Framework } from "../model/framework.js";
import type { Issue } from "../model/issue.js";
import { Proposal } from "../model/proposal.js";
import { compileFragment, FragmentError } from "../checks/fragment-compile.js";
import { pointerExists } from "./schema-walk.js";
import { allChecks, pointersRead } from "./walk.js";

type Rule = (framework: Framework, custom: CustomChecks) => Omit<Issue, "file">[];

const uniqueIds: Rule = (fw) => {
  const issues: Omit<Issue, "file">[] = [];
  const seen = new Set<string>();
  fw.principles.forEach((p, pi) => {
    const ids = [{ id: p.id, at: `/principles/${pi}/id` }, ...p.criteria.map((c, ci) => ({ id: c.id, at: `/principles/${pi}/criteria/${ci}/id` }))];
    for (const { id, at } of ids) {
      if (seen.has(id)) issues.push({ code: "duplicate_id", message: `id ${id} is used twice; ids are never reused`, pointer: at });
      seen.add(id);
    }
  });
  return issues;
};

const criterionUnderPrinciple: Rule = (fw) =>
  fw.principles.flatMap((p, pi) =>
    p.criteria
      .map((c, ci) => ({ c, ci }))
      .filter(({ c }) => !c.id.startsWith(`${p.id}.`))
      .map(({ c, ci }) => ({
        code: "invalid_value" as const,
        message: `criterion ${c.id} sits under principle ${p.id}; its id must start with ${p.id}.`,
        pointer: `/principles/${pi}/criteria/${ci}/id`,
      })),
  );

const thresholdsOrdered: Rule = (fw) =>
  fw.thresholds.amber > fw.thresholds.green
    ? [{ code: "invalid_value", message: "thresholds.amber must not be above thresholds.green", pointer: "/thresholds/amber" }]
    : [];

const pointersKnown: Rule = (fw) =>
  allChecks(fw).flatMap(({ check, at }) =>
    pointersRead(check)
      .filter(({ pointer }) => !pointerExists(Proposal, pointer))
      .map(({ field, pointer }) => ({
        code: "unknown_pointer" as const,
        message: `${pointer} is not a place in a proposal (see schemas/proposal.schema.json)`,
        pointer: `${at}/${field}`,
      })),
  );

/** Check kinds that expand a `*` in their path; the others read one place. */
const WILDCARD_KINDS = new Set(["present", "substantive", "range", "equals", "plausible"]);

/** Reads that may hold a `*`: the path of a wildcard kind, the left of a compare, the parts of a sum. */
function wildcardAllowed(kind: string, field: string): boolean {
  return (field === "path" && WILDCARD_KINDS.has(kind)) || (field === "left" && kind === "compare") || (field === "parts" && kind === "consistent");
}

const wildcardsWhereSupported: Rule = (fw) =>
  allChecks(fw).flatMap(({ check, at }) =>
    pointersRead(check)
      .filter(({ field, pointer }) => pointer.split("/").includes("*") && !wildcardAllowed(check.kind, field))
      .map(({ field, pointer }) => ({
        code: "bad_check" as const,
        message: `a * in ${pointer} is allowed only in the path of ${[...WILDCARD_KINDS].join(", ")} checks and the left of a compare check and the parts of a consistent check; name one place, or use a schema check on the list`,
        pointer: `${at}/${field}`,
      })),
  );

const fragmentsCompile: Rule = (fw) =>
  allChecks(fw).flatMap(({ check, at }) => {
    if (check.kind !== "schema") return [];
    try {
      compileFragment(check.schema);
      return [];
    } catch (error) {
      const inner = error instanceof FragmentError ? error.pointer : "";
      return [{ code: "bad_check" as const, message: `JSON Schema fragment does not compile: ${(error as Error).message}`, pointer: `${at}/schema${inner}` }];
    }
  });

const customKnown: Rule = (fw, custom) =>
  allChecks(fw).flatMap(({ check, at }) => {
    if (!check.kind.startsWith("x-")) return [];
    const definition = custom.get(check.kind);
    if (!definition) {
      return [
        { code: "bad_check" as const, message: `check kind ${check.kind} is not registered: pass its definition in the checks option`, pointer: `${at}/kind` },
      ];
    }
    const parsed = definition.params.safeParse((check as { params?: unknown }).params ?? {});
    return parsed.success
      ? []
      : [{ code: "bad_check" as const, message: `params of ${check.kind}: ${parsed.error.issues[0]?.message ?? "invalid"}`, pointer: `${at}/params` }];
  });

/** A criterion succeeds only retired ids: never a live criterion, and each retired id has one successor. */
const successionsRetired: Rule = (fw) => {
  const live = new Set(fw.principles.flatMap((p) => p.criteria.map((c) => c.id)));
  const claimed = new Set<string>();
  const issues: Omit<Issue, "file">[] = [];
  for (const [pi, p] of fw.principles.entries()) {
    for (const [ci, c] of p.criteria.entries()) {
      for (const [k, id] of (c.succeeds ?? []).entries()) {
        const pointer = `/principles/${pi}/criteria/${ci}/succeeds/${k}`;
        if (live.has(id))
          issues.push({ code: "invalid_value", message: `${c.id} succeeds ${id}, which is still a criterion; only a retired id can be succeeded`, pointer });
        else if (claimed.has(id)) issues.push({ code: "duplicate_id", message: `${id} is succeeded by two criteria; name one successor`, pointer });
        claimed.add(id);
      }
    }
  }
  return issues;
};

/** The rules a framework must satisfy beyond its schema, each a small named function. */
export const FRAMEWORK_RULES: readonly Rule[] = [
  uniqueIds,
  criterionUnderPrinciple,
  thresholdsOrdered,
  successionsRetired,
  pointersKnown,
  wildcardsWhereSupported,
  fragmentsCompile,
  customKnown,
];

/** Every rule's issues for a schema-valid framework. */
export function checkFramework(framework: Framework, custom: CustomChecks): Omit<Issue, "file">[] {
  return FRAMEWORK_RULES.flatMap((rule) => rule(framework, custom));
}
