import type { Issue } from "../model/issue.js";
import { toPointer } from "../model/pointer.js";
import type { Proposal } from "../model/proposal.js";

/** Every `evidence` list in the proposal (not the register itself), with its pointer. */
export function evidenceLists(value: unknown, path: (string | number)[] = []): { pointer: string; ids: unknown[] }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => evidenceLists(item, [...path, i]));
  if (typeof value !== "object" || value === null) return [];
  const found: { pointer: string; ids: unknown[] }[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === "evidence" && Array.isArray(child) && path.length > 0) found.push({ pointer: toPointer([...path, key]), ids: child });
    else found.push(...evidenceLists(child, [...path, key]));
  }
  return found;
}

function duplicates(ids: string[], listPointer: string, what: string): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) issues.push({ code: "duplicate_id", message: `${what} id "${id}" is used twice; ids must be unique`, pointer: `${listPointer}/${i}/id` });
    seen.add(id);
  });
  return issues;
}

/** Cross-references the schema cannot express: unique ids, and every cited evidence id in the register. */
export function checkReferences(proposal: Proposal): Issue[] {
  const register = proposal.evidence ?? [];
  const known = new Set(register.map((e) => e.id));
  const issues = [
    ...duplicates(
      register.map((e) => e.id),
      "/evidence",
      "evidence",
    ),
    ...duplicates(
      (proposal.options?.items ?? []).map((o) => o.id),
      "/options/items",
      "option",
    ),
  ];
  for (const list of evidenceLists(proposal)) {
    list.ids.forEach((id, i) => {
      if (typeof id === "string" && !known.has(id)) {
        issues.push({
          code: "unknown_evidence",
          message: `cites evidence "${id}", which is not in the evidence register: add it under evidence or fix the id`,
          pointer: `${list.pointer}/${i}`,
        });
      }
    });
  }
  return issues;
}
