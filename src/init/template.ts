import type { Framework } from "../model/framework.js";
import { jsonSchemaFor } from "../model/json-schema.js";
import { type PlacedQuestion, placeQuestions, type QuestionPlaces } from "./questions.js";
import { build, DATE_PLACEHOLDER, type SchemaNode, type TemplateEntry, type TemplateValue } from "./skeleton.js";

/** The formats a proposal template comes in. */
export const TEMPLATE_FORMATS = ["yaml", "md"] as const;
/** A template format name. */
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

/** Options for a proposal template. */
export interface TemplateOptions {
  format: TemplateFormat;
  /** Path or URL of the proposal JSON Schema, as the template's `$schema` line gives it. */
  schemaRef: string;
}

const WIDTH = 100;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

function comment(pad: string, text: string, indent = "", hang = indent): string[] {
  return wrap(text, WIDTH - pad.length - 2 - hang.length).map((l, i) => `${pad}# ${i > 0 ? hang : indent}${l}`);
}

function questionLines(pad: string, heading: string, questions: PlacedQuestion[] | undefined): string[] {
  if (!questions || questions.length === 0) return [];
  return [`${pad}# ${heading}`, ...questions.flatMap((q) => comment(pad, `${q.criterion} ${q.question}`, "  ", " ".repeat(q.criterion.length + 3)))];
}

/** `key: value  # hint`, with the hint above instead when the line would run long. */
function scalarLine(prefix: string, yaml: string, hint: string | undefined, pad: string): string[] {
  const line = `${prefix} ${yaml}`;
  if (!hint) return [line];
  return line.length + hint.length + 4 <= WIDTH ? [`${line}  # ${hint}`] : [...comment(pad, hint), line];
}

/** Text on one line, and never closing an HTML comment early. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").replace(/--/g, "-").trim();
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(name) ? name : JSON.stringify(name);
}

/** Renders template entries as YAML at an indent; a description is written once, where it first appears. */
function render(entries: TemplateEntry[], pad: string, seen: Set<string>): string[] {
  return entries.flatMap((entry) => {
    const notes = entry.comments.filter((c) => !seen.has(c));
    for (const c of notes) seen.add(c);
    return [...notes.flatMap((c) => comment(pad, c)), ...value(entry.key, entry.value, pad, seen)];
  });
}

function value(name: string, v: TemplateValue, pad: string, seen: Set<string>): string[] {
  const k = `${pad}${key(name)}:`;
  if (v.kind === "scalar") return scalarLine(v.commented ? `${pad}# ${key(name)}:` : k, v.yaml, v.hint, pad);
  if (v.kind === "map" && v.commented) return value(name, { ...v, commented: false }, pad, seen).map((l) => `${pad}# ${l.slice(pad.length)}`);
  if (v.kind === "map") return v.entries.length === 0 ? [`${k} {}`] : [k, ...render(v.entries, `${pad}  `, seen)];
  const item = v.item;
  if (item.kind === "scalar" && item.commented) return [`${pad}# ${key(name)}:`, ...scalarLine(`${pad}#   -`, item.yaml, item.hint, `${pad}  `)];
  if (item.kind === "scalar") return [k, ...scalarLine(`${pad}  -`, item.yaml, item.hint, `${pad}  `)];
  const inner = item.kind === "map" ? render(item.entries, `${pad}    `, seen) : [];
  // The first entry of a list item starts the "- " line; its comments sit above that line.
  const first = inner.findIndex((l) => !l.trimStart().startsWith("#"));
  inner.forEach((line, i) => {
    if (i < first) inner[i] = `${pad}  ${line.trimStart()}`;
    if (i === first) inner[i] = `${pad}  - ${line.trimStart()}`;
  });
  return [k, ...inner];
}

function sectionNote(required: boolean, questions: PlacedQuestion[] | undefined): string {
  if (required) return "Required.";
  return questions && questions.length > 0 ? "Optional in the schema, but the criteria below read it." : "Optional.";
}

/** `responses:` with one entry per principle, each under its title and the questions answered there. */
function responses(entry: TemplateEntry, framework: Framework, places: QuestionPlaces, seen: Set<string>): string[] {
  const titles = new Map(framework.principles.map((p) => [p.id, p.title]));
  const answers = entry.value.kind === "map" ? entry.value.entries : [];
  return [
    "",
    ...comment("", entry.comments.join(" ")),
    "responses:",
    ...answers.flatMap((a) => [
      ...questionLines("  ", `${a.key} ${oneLine(titles.get(a.key) ?? "")}: the panel will ask`, places.responses.get(a.key)),
      ...value(a.key, a.value, "  ", seen),
    ]),
  ];
}

/** The proposal template's sections (every top-level property of the proposal schema) with their comments. */
function sections(framework: Framework, schemaRef: string, withResponses: boolean): string[] {
  const schema = jsonSchemaFor("proposal") as SchemaNode;
  const required = new Set(schema.required ?? []);
  const places = placeQuestions(framework);
  const root = build(schema, "", "proposal", (record) => (record === "responses" ? framework.principles.map((p) => p.id) : []));
  const seen = new Set<string>();
  return (root.kind === "map" ? root.entries : []).flatMap((entry) => {
    if (entry.key === "$schema") return [`$schema: ${JSON.stringify(schemaRef)}`];
    if (entry.key === "schemaVersion") return render([entry], "", seen);
    if (entry.key === "responses") return withResponses ? responses(entry, framework, places, seen) : [];
    const questions = places.sections.get(entry.key);
    const notes = [...entry.comments, sectionNote(required.has(entry.key), questions)].join(" ");
    return ["", ...comment("", notes), ...questionLines("", "The panel will ask:", questions), ...render([{ ...entry, comments: [] }], "", seen)];
  });
}

function header(framework: Framework, schemaRef: string, format: TemplateFormat): string[] {
  return [
    `# yaml-language-server: $schema=${schemaRef}`,
    "#",
    ...comment("", `A service-change proposal, laid out for ${framework.title} (${framework.id} ${framework.version}).`),
    ...comment(
      "",
      `Replace every "<…>" placeholder, every ${DATE_PLACEHOLDER} and every example value (E1, https://example.org/), ` +
        "set true/false, uncomment each figure that applies and give it, and delete what does not apply. " +
        "senate validate checks the file; senate assess scores it.",
    ),
    ...(format === "md" ? comment("", "The structured sections are this front matter; each principle's response is the text under its heading below.") : []),
  ];
}

function markdownBody(framework: Framework): string[] {
  return framework.principles.flatMap((p) => [
    // The wording sits on the heading line: text under a heading becomes the response, and a
    // comment there would count towards it.
    `## ${p.id} ${oneLine(p.title)} <!-- ${oneLine(p.wording)} -->`,
    "",
    `<Your response to ${p.id}, citing evidence ids from the register such as [E1]>`,
    "",
  ]);
}

/** In Markdown the responses are headings, so their questions go at the end of the front matter. */
function responseQuestions(framework: Framework): string[] {
  const places = placeQuestions(framework);
  return [
    "",
    "# Each ## heading below the front matter holds a principle's response.",
    ...framework.principles.flatMap((p) => questionLines("", `${p.id} ${oneLine(p.title)}: the panel will ask`, places.responses.get(p.id))),
  ];
}

/**
 * A proposal template for a framework: every section of the proposal model (from its published
 * schema, so it cannot drift), placeholders, and each criterion's question beside what it reads.
 */
export function proposalTemplate(framework: Framework, options: TemplateOptions): string {
  const top = header(framework, options.schemaRef, options.format);
  if (options.format === "yaml") return `${[...top, ...sections(framework, options.schemaRef, true)].join("\n")}\n`;
  return `${["---", ...top, ...sections(framework, options.schemaRef, false), ...responseQuestions(framework), "---", "", ...markdownBody(framework)].join("\n")}`;
}
