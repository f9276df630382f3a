import type { CheckOf, CheckRunner } from "./types.js";

const GRADES = ["very-low", "low", "moderate", "high"] as const;

/** An evidence register item of one of the types exists (graded well enough) and is cited. */
export const evidence: CheckRunner<CheckOf<"evidence">> = (check, ctx) => {
  const types = check.types.join(" or ");
  const register = ctx.proposal.evidence ?? [];
  const ofType = register.filter((item) => check.types.includes(item.type));
  if (ofType.length === 0) return { pass: false, pointer: "/evidence", message: `no ${types} evidence in the evidence register` };
  const floor = check.minGrade === undefined ? 0 : GRADES.indexOf(check.minGrade);
  const graded = ofType.filter((item) => item.grade !== undefined && GRADES.indexOf(item.grade) >= floor);
  const candidates = check.minGrade === undefined ? ofType : graded;
  if (candidates.length === 0) {
    return { pass: false, pointer: "/evidence", message: `no ${types} evidence graded ${check.minGrade} or better` };
  }
  const where = check.citedAt;
  const cited = candidates.find((item) => {
    const at = ctx.citations.get(item.id) ?? [];
    return where === undefined ? at.length > 0 : at.some((p) => p === where || p === `${where}/evidence`);
  });
  if (!cited) {
    const ids = candidates.map((c) => c.id).join(", ");
    return { pass: false, pointer: where ?? "/evidence", message: `${types} evidence (${ids}) is in the register but not cited${where ? ` at ${where}` : ""}` };
  }
  return { pass: true, pointer: where ?? "/evidence", message: `${cited.id} (${cited.type}) is cited` };
};
