import type { Framework } from "../model/framework.js";
import type { EvidenceItem } from "../model/proposal.js";
import { referencesToEvidence } from "./references.js";
import { principleFor, REFERENCES, SECTION_FIELDS, type SourceSection, splitByHeadings } from "./sections.js";

/** What an import needs besides the business case: the framework, the day, and a YAML writer. */
export interface ImportOptions {
  framework: Framework;
  /** The `senate init` template (YAML) for the framework: its sections not filled here are offered as comments. */
  template: string;
  /** The proposal's date, YYYY-MM-DD. */
  today: string;
  /** The source's name, for the proposal's id and title when the document gives none. */
  name: string;
  stringify: (value: unknown) => string;
}

/** What was mapped and what is left, as the import's summary lists it. */
export interface ImportSummary {
  principles: { id: string; from: string }[];
  fields: { field: string; from: string }[];
  evidence: number;
  kept: string[];
  missingPrinciples: string[];
  missingSections: string[];
}

interface Mapped {
  responses: Map<string, string[]>;
  fields: Map<string, { path: readonly string[]; text: string }>;
  evidence: EvidenceItem[];
  kept: SourceSection[];
  summary: ImportSummary;
}

function text(lines: readonly string[]): string {
  return lines.join("\n").trim();
}

/** Sorts each section of the business case: a principle's response, a proposal field, the references, or narrative kept as it is. */
function mapSections(sections: SourceSection[], framework: Framework): Mapped {
  const m: Mapped = {
    responses: new Map(),
    fields: new Map(),
    evidence: [],
    kept: [],
    summary: { principles: [], fields: [], evidence: 0, kept: [], missingPrinciples: [], missingSections: [] },
  };
  let open: { id: string; level: number } | undefined;
  for (const section of sections) {
    if (section.heading === "") continue;
    // A subsection of a principle's section stays in that principle's response, heading and all.
    if (open && section.level > open.level) {
      m.responses.get(open.id)?.push("", `${"#".repeat(Math.max(3, section.level))} ${section.heading}`, ...section.body);
      continue;
    }
    const principle = principleFor(section.heading, framework);
    open = principle ? { id: principle, level: section.level } : undefined;
    const field = SECTION_FIELDS.find(([re]) => re.test(section.heading))?.[1];
    if (principle) {
      m.responses.set(principle, [...(m.responses.get(principle) ?? []), ...section.body]);
      m.summary.principles.push({ id: principle, from: section.heading });
    } else if (REFERENCES.test(section.heading)) {
      m.evidence = referencesToEvidence(section.body).evidence;
      m.summary.evidence = m.evidence.length;
    } else if (field && !m.fields.has(field.join(".")) && text(section.body)) {
      m.fields.set(field.join("."), { path: field, text: text(section.body) });
      m.summary.fields.push({ field: field.join("."), from: section.heading });
    } else if (text(section.body) || section.level > 1) {
      m.kept.push(section);
      m.summary.kept.push(section.heading);
    }
  }
  m.summary.missingPrinciples = framework.principles.map((p) => p.id).filter((id) => !m.responses.has(id));
  return m;
}

/** `[3]` in the narrative becomes `[E3]` when reference 3 became evidence E3, so the citation counts. */
function cite(body: string, evidence: readonly EvidenceItem[]): string {
  return body.replace(/\[(\d+)\](?![(:[])/g, (all, n: string) => (Number(n) >= 1 && Number(n) <= evidence.length ? `[E${n}]` : all));
}

/** The init template's top-level sections, each with the comment lines above it. */
function templateSections(template: string): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  for (const chunk of template.split(/\n\s*\n/)) {
    const lines = chunk.split("\n");
    const key = lines.map((l) => /^([A-Za-z$][\w$]*):/.exec(l)?.[1]).find((k) => k !== undefined);
    if (key !== undefined) blocks.set(key, lines);
  }
  return blocks;
}

function frontMatter(m: Mapped, title: string, options: ImportOptions): string[] {
  const id =
    options.name
      .replace(/\.[^.]*$/, "")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^[^A-Za-z0-9]+/, "")
      .toUpperCase() || "PROPOSAL";
  const data: Record<string, Record<string, unknown> | unknown[]> = {
    metadata: {
      id,
      title,
      version: "0.1",
      stage: "case-for-change",
      date: options.today,
      sponsor: "<sponsor of the proposal>",
      region: "<region of the proposal>",
    },
    caseForChange: { summary: "<summary of the case for change>" },
  };
  for (const { path, text: value } of m.fields.values()) {
    const [section, field] = path as [string, string];
    data[section] = { ...((data[section] as Record<string, unknown>) ?? {}), [field]: cite(value, m.evidence) };
  }
  if (m.evidence.length > 0) data.evidence = m.evidence;
  const blocks = templateSections(options.template);
  const left = [...blocks.keys()].filter((k) => !(k in data) && !["$schema", "schemaVersion", "responses"].includes(k));
  m.summary.missingSections = left;
  const head = [...(blocks.get("$schema") ?? []).filter((l) => l.startsWith("$schema") || l.startsWith("# yaml-language-server")), 'schemaVersion: "1"'];
  const rest = left.flatMap((k) => ["", ...(blocks.get(k) ?? []).map((l) => (l.startsWith("#") ? l : `# ${l}`))]);
  return [...head, options.stringify(data).trimEnd(), "", "# Sections still to fill, from senate init: uncomment each one and complete it.", ...rest];
}

/**
 * A Markdown proposal from a business case in Markdown: its front matter from `senate init`'s
 * skeleton with what could be mapped filled in, one heading per principle (the business case's own
 * text where a heading matched), the rest of the narrative kept below, and a summary of both.
 */
export function importBusinessCase(markdown: string, options: ImportOptions): { text: string; summary: ImportSummary } {
  const sections = splitByHeadings(markdown);
  const m = mapSections(sections, options.framework);
  const title = sections.find((s) => s.level === 1)?.heading ?? options.name;
  const front = frontMatter(m, title, options);
  const body = options.framework.principles.flatMap((p) => {
    const given = m.responses.get(p.id);
    const response =
      given && text(given) ? cite(text(given), m.evidence) : `<Your response to ${p.id}, citing evidence ids from the register in square brackets>`;
    return [`## ${p.id} ${p.title}`, "", response, ""];
  });
  // Narrative that maps to nothing comes before the principles, so no principle's response swallows it.
  const kept = m.kept.flatMap((s) => [
    ...(s.level === 1 && s.heading === title ? [] : [`${"#".repeat(Math.max(2, s.level))} ${s.heading}`, ""]),
    cite(text(s.body), m.evidence),
    "",
  ]);
  const preface = text(sections[0]?.body ?? []);
  const out = ["---", ...front, "---", "", `# ${title}`, "", ...(preface ? [cite(preface, m.evidence), ""] : []), ...kept, ...body];
  return { text: `${out.join("\n").trimEnd()}\n`, summary: m.summary };
}
