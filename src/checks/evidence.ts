import { EvidenceCheck } from "../model/check.js";
import type { EvidenceItem } from "../model/proposal.js";
import { found } from "./codes.js";
import { defineBuiltin } from "./define.js";
import { type FoundNonAnswer, nonAnswerIn, quote } from "./non-answer.js";
import type { CheckContext, CheckOf } from "./types.js";

const GRADES = ["very-low", "low", "moderate", "high"] as const;

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** An item titled as the proposal itself is: the document cited as evidence for what it says. */
function selfCitation(ctx: CheckContext, item: EvidenceItem, i: number): FoundNonAnswer | undefined {
  if (words(item.title) !== words(ctx.proposal.metadata.title)) return undefined;
  return { kind: "bare-reference", phrase: item.title, pointer: `/evidence/${i}/title`, text: quote(item.title) };
}

/**
 * The register items of the types that are real: an item titled "<title of the evidence>", "TBC"
 * or with the proposal's own title is not.
 */
function ofTypes(ctx: CheckContext, types: readonly string[]): { real: EvidenceItem[]; placeholders: FoundNonAnswer[] } {
  const real: EvidenceItem[] = [];
  const placeholders: FoundNonAnswer[] = [];
  (ctx.proposal.evidence ?? []).forEach((item, i) => {
    if (!types.includes(item.type)) return;
    const nonAnswer = nonAnswerIn(item, `/evidence/${i}`, true) ?? selfCitation(ctx, item, i);
    if (nonAnswer) placeholders.push(nonAnswer);
    else real.push(item);
  });
  return { real, placeholders };
}

/**
 * An evidence register item of one of the types exists (graded well enough) and is cited. A
 * failure points at the list that should cite it (`citedAt`), or at the register without one.
 */
function run(check: CheckOf<"evidence">, ctx: CheckContext) {
  const types = check.types;
  const where = check.citedAt;
  const pointer = where ?? "/evidence";
  const { real, placeholders } = ofTypes(ctx, types);
  if (real.length === 0) {
    const p = placeholders[0];
    return found(false, pointer, "no_evidence", { pointer, types, ...(p ? { kind: p.kind, text: p.text, found: p.pointer } : {}) });
  }
  const floor = check.minGrade === undefined ? 0 : GRADES.indexOf(check.minGrade);
  const candidates = check.minGrade === undefined ? real : real.filter((item) => item.grade !== undefined && GRADES.indexOf(item.grade) >= floor);
  if (check.minGrade !== undefined && candidates.length === 0) return found(false, pointer, "below_grade", { pointer, types, minGrade: check.minGrade });
  const cited = candidates.find((item) => {
    const at = ctx.citations.get(item.id) ?? [];
    return where === undefined ? at.length > 0 : at.some((p) => p === where || p === `${where}/evidence`);
  });
  if (!cited) return found(false, pointer, "not_cited", { pointer, types, ids: candidates.map((c) => c.id), citedAt: where });
  return found(true, pointer, "cited", { pointer, id: cited.id, type: cited.type });
}

export const evidence = defineBuiltin({
  kind: "evidence",
  params: EvidenceCheck,
  codes: ["cited", "no_evidence", "below_grade", "not_cited"],
  doc: "The evidence register holds an item of one of `types` (graded at least `minGrade`, if given) that is cited: in the list of ids at `citedAt`, or anywhere in the proposal when `citedAt` is omitted. An item titled with a non-answer, or with the proposal's own title, is not evidence. A failure points at `citedAt`, or at the register.",
  run: (check, _proposal, ctx) => run(check, ctx),
});
