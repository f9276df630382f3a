import type { Issue } from "../model/issue.js";
import { toPointer } from "../model/pointer.js";
import type { Proposal } from "../model/proposal.js";

/** Every `evidence` list in the proposal (not the register itself), with its pointer. */
export function evidenceLists(value: unknown, path: (string | number)[] = []): { pointer: string; ids: unknown[] }[] {
  const found: { pointer: string; ids: unknown[] }[] = [];
  collectLists(value, path.map(String), found);
  return found;
}

/** One walk over a path kept as a stack: a pointer is built only for the lists found. */
function collectLists(value: unknown, path: string[], found: { pointer: string; ids: unknown[] }[]): void {
  if (typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== "object" || item === null) continue;
      path.push(String(i));
      collectLists(item, path, found);
      path.pop();
    }
    return;
  }
  for (const key in value as Record<string, unknown>) {
    if (!Object.hasOwn(value as object, key)) continue;
    const child = (value as Record<string, unknown>)[key];
    if (typeof child !== "object" || child === null) continue;
    path.push(key);
    if (key === "evidence" && Array.isArray(child) && path.length > 1) found.push({ pointer: toPointer(path), ids: child });
    else collectLists(child, path, found);
    path.pop();
  }
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
