import { existsSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { proposalTemplate, TEMPLATE_FORMATS, type TemplateFormat } from "../init/template.js";
import { terminalName } from "../model/escape.js";
import { formatIssue } from "../model/issue.js";
import { jsonSchemaFor } from "../model/json-schema.js";
import { resolveFramework } from "../node/files.js";
import { named } from "./assess-inputs.js";
import { UsageError, writeOutput } from "./io.js";
import { type CommandResult, oneOf, parse } from "./parse-args.js";

/** `senate init --help`. */
export const INIT_HELP = `Usage: senate init [file] [options]

Writes a proposal template: every section of the proposal model with placeholders such as
"<title of the proposal>" and YYYY-MM-DD, the framework's criteria questions as comments beside
the sections they read, and the $schema line that gives completion in editors that use
yaml-language-server. With no file, prints the template.

Options:
  --framework <id|file>   the framework whose questions and principles to include (default: london-2020)
  --format <name>         yaml, or md for Markdown with YAML front matter and one heading per
                          principle (default: md for a .md file, otherwise yaml)
  --schema <path|url>     the $schema reference to write (default: the package's
                          schemas/proposal.schema.json, relative to the file)
  --force                 overwrite an existing file (it is never overwritten otherwise)

Exit codes: 0 written; 2 the file exists (without --force), or bad usage.

Example:
  senate init proposals/stroke-services.yaml --framework london-2020
  senate validate proposals/stroke-services.yaml`;

const OPTIONS = { framework: { type: "string" }, format: { type: "string" }, schema: { type: "string" }, force: { type: "boolean" } } as const;

/** The published proposal schema inside the installed package (dist/cli.js → ../schemas), if it is there. */
function packagedSchema(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return ["../schemas", "../../schemas"].map((d) => resolve(here, d, "proposal.schema.json")).find((p) => existsSync(p));
}

/** The `$schema` reference as seen from the template's folder: a relative path, or the schema's URL. */
function schemaRef(file: string | undefined): string {
  const schema = packagedSchema();
  if (schema === undefined) return String(jsonSchemaFor("proposal").$id);
  const from = file === undefined ? process.cwd() : dirname(resolve(file));
  const path = relative(from, schema).split("\\").join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/** `senate init`: a proposal template, printed or written (atomically, never over a file without --force). */
export function initCommand(argv: string[]): CommandResult {
  const { values, positionals } = parse(argv, OPTIONS, INIT_HELP);
  if (positionals.length > 1) throw new UsageError("name at most one file to write");
  const file = positionals[0];
  if (file === "-") throw new UsageError("with no file the template goes to standard output; do not name -");
  const fallback: TemplateFormat = file !== undefined && /\.(md|markdown)$/i.test(file) ? "md" : "yaml";
  const format = oneOf(values.format, TEMPLATE_FORMATS, "format", fallback);
  const id = values.framework ?? "london-2020";
  const framework = resolveFramework(id);
  if (!framework.ok) return { code: 2, stderr: `${named(framework.issues, id).map(formatIssue).join("\n")}\n` };
  const text = proposalTemplate(framework.value.framework, { format, schemaRef: values.schema ?? schemaRef(file) });
  if (file === undefined) return { code: 0, stdout: text };
  writeOutput(file, text, values.framework === undefined ? [] : [values.framework], { overwrite: values.force === true });
  return { code: 0, stdout: `Wrote ${terminalName(file)}. Replace its placeholders, then run: senate validate ${terminalName(file)}\n` };
}
