import type { CheckSpec } from "../model/check.js";
import type { Framework } from "../model/framework.js";

/** A check with the pointer of where it sits in the framework document. */
export interface PlacedCheck {
  check: CheckSpec;
  at: string;
  criterion: string;
}

function placeAll(check: CheckSpec, at: string, criterion: string, out: PlacedCheck[]): void {
  out.push({ check, at, criterion });
  if (check.kind === "all" || check.kind === "any") {
    check.checks.forEach((c, i) => {
      placeAll(c, `${at}/checks/${i}`, criterion, out);
    });
  }
  if (check.kind === "not") placeAll(check.check, `${at}/check`, criterion, out);
}

/** Every check in a framework (nested ones included, appliesWhen too), with where it sits. */
export function allChecks(framework: Framework): PlacedCheck[] {
  const out: PlacedCheck[] = [];
  framework.principles.forEach((p, pi) => {
    p.criteria.forEach((c, ci) => {
      const base = `/principles/${pi}/criteria/${ci}`;
      if (c.appliesWhen) placeAll(c.appliesWhen, `${base}/appliesWhen`, c.id, out);
      c.checks.forEach((check, k) => {
        placeAll(check, `${base}/checks/${k}`, c.id, out);
      });
    });
  });
  return out;
}

/** The proposal pointers a check reads. */
export function pointersRead(check: CheckSpec): { field: string; pointer: string }[] {
  const read: { field: string; pointer: string }[] = [];
  const c = check as Record<string, unknown>;
  for (const field of ["path", "left", "right", "citedAt", "within", "total", "parts", "from", "to", "change", "baseline"]) {
    // `$now` is the assessment date, not a place in the proposal.
    if (typeof c[field] === "string" && c[field] !== "$now") read.push({ field, pointer: c[field] as string });
  }
  return read;
}
