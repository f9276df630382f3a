import type { EvidenceItem } from "../model/proposal.js";

/** Evidence types recognised by words in a reference; the first match wins, else "other". */
const TYPES: readonly [RegExp, EvidenceItem["type"]][] = [
  [/equality (impact|analysis)|\beqia\b|\behia\b/i, "eqia"],
  [/quality impact|\bqia\b/i, "qia"],
  [/health inequalit/i, "health-inequalities-assessment"],
  [/\bnice\b|national guidance|nhs england|department of health|service specification/i, "national-guidance"],
  [/royal college|professional standard/i, "professional-standard"],
  [/\bgirft\b|getting it right first time|benchmark|model hospital/i, "benchmarking"],
  [/engagement report|consultation (report|response)|listening/i, "engagement-report"],
  [/survey/i, "survey"],
  [/options appraisal/i, "options-appraisal"],
  [/business case/i, "business-case"],
  [/workforce plan/i, "workforce-plan"],
  [/carbon/i, "carbon-assessment"],
  [/\baudit\b/i, "audit"],
  [/clinical senate|clinical review/i, "clinical-review"],
  [/letter of support/i, "letter-of-support"],
  [/\bjournal\b|\blancet\b|\bbmj\b|\bet al\b|\btrial\b|systematic review|doi\.org/i, "research"],
];

const LINK = /https?:\/\/[^\s)>\]]+/;

/**
 * Evidence entries from the lines of a references list: each item (`- …`, `1. …`, `[1] …`) of a few
 * words becomes E1, E2, … with a type guessed from its words and its link.
 * Lines that are not list items, or too short to be a reference, are left for the user.
 */
export function referencesToEvidence(lines: readonly string[]): { evidence: EvidenceItem[]; numbers: Map<string, string> } {
  const evidence: EvidenceItem[] = [];
  const numbers = new Map<string, string>();
  for (const line of lines) {
    const item = /^\s*(?:[-*+]|(\d+)[.)]|\[(\d+)\])\s+(.*\S)\s*$/.exec(line);
    if (!item) continue;
    const text = (item[3] as string).replace(/\*\*?/g, "");
    if (text.split(/\s+/).length < 3) continue;
    const id = `E${evidence.length + 1}`;
    const link = LINK.exec(text)?.[0];
    const title =
      text
        .replace(LINK, "")
        .replace(/\(\s*\)|\s+[.,;:]?\s*$/g, "")
        .trim() || text;
    evidence.push({
      id,
      type: TYPES.find(([re]) => re.test(text))?.[1] ?? "other",
      title: title.length > 300 ? `${title.slice(0, 297)}…` : title,
      ...(link ? { link } : {}),
    });
    const number = item[1] ?? item[2];
    if (number !== undefined) numbers.set(number, id);
  }
  return { evidence, numbers };
}
