import type { Framework } from "../model/framework.js";
import { readHeading } from "../source/markdown-sections.js";

/** A heading of the business case and the text under it, up to the next heading. */
export interface SourceSection {
  heading: string;
  level: number;
  body: string[];
}

/** Splits Markdown into its headings' sections; text before the first heading is a section with no heading. */
export function splitByHeadings(markdown: string): SourceSection[] {
  const sections: SourceSection[] = [{ heading: "", level: 0, body: [] }];
  for (const line of markdown.split(/\r?\n/)) {
    const match = /^ {0,3}(#{1,6})[ \t]+(.*)$/.exec(line);
    if (match) sections.push({ heading: (match[2] as string).replace(/[ \t]#+[ \t]*$/, "").trim(), level: (match[1] as string).length, body: [] });
    else (sections[sections.length - 1] as SourceSection).body.push(line);
  }
  return sections;
}

/** Proposal fields that hold a section's narrative, chosen by words in its heading; the first match wins. */
export const SECTION_FIELDS: readonly [RegExp, readonly string[]][] = [
  [/case for change|background|strategic (context|case)|rationale|why change/i, ["caseForChange", "summary"]],
  [/population|demograph|who (we|it) serves?/i, ["population", "description"]],
  [/pathway|model of care|clinical model|proposed model/i, ["pathway", "description"]],
  [/mental health/i, ["mentalHealth", "impact"]],
  [/prevention|self[- ]care|wellbeing/i, ["selfCare", "prevention"]],
  [/outcome|evaluation|benefits/i, ["outcomes", "evaluationPlan"]],
  [/financ|affordab|costs?\b/i, ["finance", "affordability"]],
  [/workforce|staffing/i, ["workforce", "need"]],
  [/sustainab|carbon|net zero|green plan/i, ["sustainability", "greenPlan"]],
];

/** A heading that opens a references list. */
export const REFERENCES = /^(references|bibliography|sources|evidence base|list of references)\b/i;

/**
 * The principle a heading answers: an id in any of the forms `validate` reads, "Principle 3", or
 * the principle's title within the heading.
 */
export function principleFor(heading: string, framework: Framework): string | undefined {
  const ids = framework.principles.map((p) => p.id);
  const prefixes = new Set(ids.map((id) => id.slice(0, id.lastIndexOf("-"))));
  const read = readHeading(heading, prefixes);
  if (read && "id" in read && ids.includes(read.id)) return read.id;
  const number = /\bprinciple\s+(\d+)\b/i.exec(heading)?.[1];
  if (number !== undefined) {
    const byNumber = ids.find((id) => id.endsWith(`-${Number(number)}`));
    if (byNumber) return byNumber;
  }
  const lower = heading.toLowerCase();
  return framework.principles.find((p) => lower.includes(p.title.toLowerCase()))?.id;
}
