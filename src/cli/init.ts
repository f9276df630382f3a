import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { JSON_SCHEMA, load } from "js-yaml";
import { proposalTemplate } from "../init/template.js";
import { terminalName } from "../model/escape.js";
import { formatIssue } from "../model/issue.js";
import { resolveFramework } from "../node/files.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { named } from "./assess-inputs.js";
import { UsageError, writeOutput } from "./io.js";
import { type CommandResult, oneOf, parse } from "./parse-args.js";

/** What init writes: YAML, Markdown with front matter, or JSON (without the question comments). */
const INIT_FORMATS = ["yaml", "md", "json"] as const;

/** `senate init --help`. */
export const INIT_HELP = `Usage: senate init [file] [options]

Writes a proposal template: every section of the proposal model with placeholders such as
"<title of the proposal>" and YYYY-MM-DD, the framework's criteria questions as comments beside
the sections they read, and the $schema line that gives completion in editors that use
yaml-language-server. With no file, prints the template.

Options:
  --framework <id|file>   the framework whose questions and principles to include (default: london-2020)
  --format <name>         yaml, md for Markdown with YAML front matter and one heading per
                          principle, or json (no comments; the questions are in the yaml form)
                          (default: md for a .md file, json for a .json file, otherwise yaml)
  --schema <path|url>     the $schema reference to write (default: schemas/proposal.schema.json
                          of a local install in node_modules, relative to the file; without
                          one, the published copy of this version on unpkg.com)
  --force                 overwrite an existing file (it is never overwritten otherwise)

Missing folders on the way to the file are created.

Exit codes: 0 written; 2 the file exists (without --force), or bad usage.

Example:
  senate init proposals/stroke-services.yaml --framework london-2020
  senate validate proposals/stroke-services.yaml`;

const OPTIONS = { framework: { type: "string" }, format: { type: "string" }, schema: { type: "string" }, force: { type: "boolean" } } as const;

const SCHEMA_FILE = "schemas/proposal.schema.json";

/** The root of the running package (dist/cli.js → ..), when its schemas are there. */
function runningPackage(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [resolve(here, ".."), resolve(here, "../..")].find((root) => existsSync(join(root, SCHEMA_FILE)));
}

/** A local install seen from `from`: node_modules/senate-principles in it or a folder above it. */
function localInstall(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const schema = join(dir, "node_modules", TOOL_NAME, SCHEMA_FILE);
    if (existsSync(schema)) return schema;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The `$schema` reference for a template in `from`, one that resolves in the user's project: a local
 * install of the package (node_modules, in the folder or above it), or this package's own schema
 * when the template is inside it (developing senate); otherwise the published copy of this version.
 * Never the running package's path as such: run through npx, that is a cache folder that goes away.
 */
function schemaRef(file: string | undefined): string {
  const from = file === undefined ? process.cwd() : dirname(resolve(file));
  const own = runningPackage();
  const inside = own !== undefined && !relative(own, from).startsWith("..") ? join(own, SCHEMA_FILE) : undefined;
  const schema = localInstall(from) ?? inside;
  if (schema === undefined) return `https://unpkg.com/${TOOL_NAME}@${TOOL_VERSION}/${SCHEMA_FILE}`;
  const path = relative(from, schema).split("\\").join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/** The YAML template as JSON: the same placeholders, without the comments JSON cannot hold. */
function asJson(yaml: string): string {
  return `${JSON.stringify(load(yaml, { schema: JSON_SCHEMA }), null, 2)}\n`;
}

/** `senate init`: a proposal template, printed or written (atomically, creating folders, never over a file without --force). */
export function initCommand(argv: string[]): CommandResult {
  const { values, positionals } = parse(argv, OPTIONS, INIT_HELP);
  if (positionals.length > 1) throw new UsageError("name at most one file to write");
  const file = positionals[0];
  if (file === "-") throw new UsageError("with no file the template goes to standard output; do not name -");
  const fallback = file !== undefined && /\.(md|markdown)$/i.test(file) ? "md" : file !== undefined && /\.json$/i.test(file) ? "json" : "yaml";
  const format = oneOf(values.format, INIT_FORMATS, "format", fallback);
  const id = values.framework ?? "london-2020";
  const framework = resolveFramework(id);
  if (!framework.ok) return { code: 2, stderr: `${named(framework.issues, id).map(formatIssue).join("\n")}\n` };
  const yaml = proposalTemplate(framework.value.framework, { format: format === "md" ? "md" : "yaml", schemaRef: values.schema ?? schemaRef(file) });
  const text = format === "json" ? asJson(yaml) : yaml;
  if (file === undefined) return { code: 0, stdout: text };
  writeOutput(file, text, values.framework === undefined ? [] : [values.framework], { overwrite: values.force === true });
  return { code: 0, stdout: `Wrote ${terminalName(file)}. Replace its placeholders, then run: senate validate ${terminalName(file)}\n` };
}
