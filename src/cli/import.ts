import { basename } from "node:path";
import { htmlToMarkdown } from "../import/html-markdown.js";
import { type ImportSummary, importBusinessCase } from "../import/business-case.js";
import { proposalTemplate } from "../init/template.js";
import { terminalName } from "../model/escape.js";
import { formatIssue, type Result } from "../model/issue.js";
import { jsonSchemaFor } from "../model/json-schema.js";
import { resolveFramework } from "../node/files.js";
import { readFileBytes, readTextFile } from "../node/read.js";
import { lazyRequire } from "../source/require.js";
import { named } from "./assess-inputs.js";
import type { StreamEnv } from "./env.js";
import { UsageError, writeOutput } from "./io.js";
import { LIMIT_OPTIONS, readLimits } from "./limits.js";
import { type CommandResult, parse } from "./parse-args.js";

const yaml = lazyRequire<typeof import("yaml")>("yaml");

/** `senate import --help`. */
export const IMPORT_HELP = `Usage: senate import <file.docx|file.md> [options]

Turns an existing business case (Word or Markdown) into a Markdown proposal to complete: the
front matter from senate init's skeleton, with the case for change and other sections filled in
where a heading matches them; one heading per principle, holding the business case's text where a
heading names the principle ("Principle 3", "LDN-3" or its title); a references list as evidence
entries; the rest of the narrative kept. A summary of what was mapped and what is left goes to
standard error (standard output with --output).

Options:
  --output <file>         write the proposal here (never over a file without --force)
  --framework <id|file>   the framework whose principles to map to (default: london-2020)
  --force                 overwrite an existing --output file

Exit codes: 0 converted; 2 the file cannot be read or converted, or bad usage.

Example:
  senate import business-case.docx --output proposals/stroke.md
  senate validate proposals/stroke.md`;

const OPTIONS = { output: { type: "string" }, framework: { type: "string" }, force: { type: "boolean" }, ...LIMIT_OPTIONS } as const;

/** The business case as Markdown: a .md file as it is, a .docx through mammoth (loaded only here). */
async function readBusinessCase(file: string, limits: ReturnType<typeof readLimits>): Promise<Result<string>> {
  if (/\.(md|markdown)$/i.test(file)) return readTextFile(file, limits);
  if (!/\.docx$/i.test(file)) throw new UsageError(`name a .docx or .md file; got "${file}"`);
  const bytes = readFileBytes(file, limits);
  if (!bytes.ok) return bytes;
  const mammoth = await import("mammoth");
  try {
    const { value } = await (mammoth.default ?? mammoth).convertToHtml({ buffer: Buffer.from(bytes.value) });
    return { ok: true, value: htmlToMarkdown(value) };
  } catch (error) {
    const message = `not a Word document mammoth can read (${terminalName(String((error as Error).message)).slice(0, 200)})`;
    return { ok: false, issues: [{ code: "read_failed", message, pointer: "", file }] };
  }
}

function summaryText(file: string, s: ImportSummary): string {
  const lines = [`Imported ${terminalName(file)}:`];
  for (const p of s.principles) lines.push(`  ${p.id} from the heading "${terminalName(p.from)}"`);
  for (const f of s.fields) lines.push(`  ${f.field} from the heading "${terminalName(f.from)}"`);
  lines.push(`  ${s.evidence} ${s.evidence === 1 ? "reference" : "references"} as evidence entries`);
  if (s.kept.length > 0) lines.push(`  kept as narrative: ${s.kept.map((h) => `"${terminalName(h)}"`).join(", ")}`);
  lines.push("Left to fill:");
  if (s.missingPrinciples.length > 0) lines.push(`  responses: ${s.missingPrinciples.join(", ")}`);
  lines.push("  metadata.sponsor, metadata.region, and every other <…> placeholder");
  if (s.missingSections.length > 0) lines.push(`  sections (commented out in the front matter): ${s.missingSections.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** `senate import`: a business case to a Markdown proposal skeleton, printed or written atomically. */
export async function importCommand(argv: string[], env: StreamEnv): Promise<CommandResult> {
  const { values, positionals } = parse(argv, OPTIONS, IMPORT_HELP);
  if (positionals.length !== 1) throw new UsageError("name one business case: a .docx or .md file");
  const file = positionals[0] as string;
  const limits = readLimits(values);
  const id = values.framework ?? "london-2020";
  const framework = resolveFramework(id, { limits });
  if (!framework.ok) return { code: 2, stderr: `${named(framework.issues, id).map(formatIssue).join("\n")}\n` };
  const source = await readBusinessCase(file, limits);
  if (!source.ok) return { code: 2, stderr: `${source.issues.map(formatIssue).join("\n")}\n` };
  const fw = framework.value.framework;
  const schemaRef = String(jsonSchemaFor("proposal").$id);
  const { text, summary } = importBusinessCase(source.value, {
    framework: fw,
    template: proposalTemplate(fw, { format: "yaml", schemaRef }),
    today: env.now.toISOString().slice(0, 10),
    name: basename(file),
    stringify: (value) => yaml().stringify(value, { lineWidth: 100 }),
  });
  if (values.output === undefined) return { code: 0, stdout: text, stderr: summaryText(file, summary) };
  writeOutput(values.output, text, [file, ...(values.framework === undefined ? [] : [values.framework])], { overwrite: values.force === true });
  return {
    code: 0,
    stdout: `${summaryText(file, summary)}Wrote ${terminalName(values.output)}. Complete it, then run: senate validate ${terminalName(values.output)}\n`,
  };
}
