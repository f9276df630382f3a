import type { Criterion } from "../model/framework.js";
import { getAt, splitPointer, toPointer } from "../model/pointer.js";
import type { Proposal } from "../model/proposal.js";
import type { CriterionResult, PanelItem } from "../model/report.js";
import type { Locator } from "../source/positions.js";

const EXCERPT = 160;

/** Whitespace runs as one space, none at the start. */
const squeeze = (text: string) => text.replace(/\s+/g, " ").trimStart();

/** A short, one-line view of a value for the panel: text shortened, lists and records counted. */
export function excerpt(value: unknown): string {
  if (typeof value === "string") {
    // Only the start is shown: a long text is squeezed only as far as the excerpt needs.
    const head = value.length > 4 * EXCERPT ? squeeze(value.slice(0, 4 * EXCERPT)).trimEnd() : "";
    if (head.length > EXCERPT) return `${head.slice(0, EXCERPT - 1)}…`;
    const line = squeeze(value).trimEnd();
    return line.length > EXCERPT ? `${line.slice(0, EXCERPT - 1)}…` : line;
  }
  if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? "item" : "items"}`;
  if (typeof value === "object" && value !== null) return `${Object.keys(value).length} entries`;
  return String(value);
}

/** The evidence list that belongs with a pointer: its section's, or its principle response's. */
function evidenceListFor(pointer: string): string | undefined {
  const segments = splitPointer(pointer);
  if (segments[0] === "responses" && segments[1] !== undefined) return toPointer(["responses", segments[1], "evidence"]);
  if (segments[0] === undefined || segments[0] === "evidence" || segments[0] === "metadata") return undefined;
  return toPointer([segments[0], "evidence"]);
}

/** Evidence register items cited beside the places a criterion's checks read. */
function citedEvidence(proposal: Proposal, pointers: string[]): PanelItem["evidence"] {
  const ids = new Set<string>();
  for (const pointer of pointers) {
    const list = evidenceListFor(pointer);
    const cited = list === undefined ? undefined : getAt(proposal, list);
    if (Array.isArray(cited)) for (const id of cited) if (typeof id === "string") ids.add(id);
  }
  return (proposal.evidence ?? [])
    .filter((e) => ids.has(e.id))
    .map((e) => ({ id: e.id, title: e.title, type: e.type, ...(e.grade === undefined ? {} : { grade: e.grade }) }));
}

/** What the proposal offers the panel on a criterion that awaits its judgement. */
export function panelItem(
  principle: string,
  criterion: Criterion,
  result: CriterionResult,
  proposal: Proposal,
  locate: Locator | undefined,
  file: string | undefined,
): PanelItem {
  const pointers = [...new Set(result.checks.filter((c) => c.pass && !c.pointer.includes("*")).map((c) => c.pointer))];
  const offers = pointers
    .map((pointer) => ({ pointer, value: getAt(proposal, pointer) }))
    .filter(({ value }) => value !== undefined)
    .map(({ pointer, value }) => {
      const at = locate?.(pointer);
      return { pointer, excerpt: excerpt(value), ...(at ? { location: { ...(file === undefined ? {} : { file }), line: at.line, column: at.column } } : {}) };
    });
  return {
    criterion: criterion.id,
    principle,
    title: criterion.title,
    severity: criterion.severity,
    weight: criterion.weight,
    question: criterion.question,
    offers,
    evidence: citedEvidence(proposal, pointers),
    weigh: criterion.guidance,
  };
}
