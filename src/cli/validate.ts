import { terminalName } from "../model/escape.js";
import { formatIssue } from "../model/issue.js";
import { parseProposal } from "../proposal/parse.js";
import { expandArgs } from "./glob.js";
import { readInput } from "./io.js";
import { LIMIT_OPTIONS, LIMITS_HELP, readLimits } from "./limits.js";
import { type CommandResult, parse } from "./parse-args.js";

/** `senate validate --help`. */
export const VALIDATE_HELP = `Usage: senate validate <files...> [options]

Checks that proposal documents (YAML, JSON, or Markdown with YAML front matter) are valid.
Prints one line per problem: file:line:column  code  message. Use - to read standard input.
Files may be globs ("proposals/**/*.md"), expanded by senate when the shell does not.

Options:
${LIMITS_HELP}

Exit codes: 0 all valid; 2 a file is invalid or cannot be read, or a glob matches nothing.

Example:
  senate validate examples/stroke-hasu.yaml examples/maternity-unit.md "proposals/**/*.yaml"`;

/** `senate validate`: one line per issue, exit 0 when every file is valid. */
export function validateCommand(argv: string[]): CommandResult {
  const { values, positionals } = parse(argv, LIMIT_OPTIONS, VALIDATE_HELP);
  if (positionals.length === 0) return { code: 2, stderr: `senate validate: name at least one file\n\n${VALIDATE_HELP}\n` };
  const limits = readLimits(values);
  const out: string[] = [];
  const err: string[] = [];
  for (const file of expandArgs(positionals)) {
    const text = readInput(file, limits);
    const parsed = text.ok ? parseProposal(text.value, { filename: file === "-" ? "<stdin>" : file, limits }) : text;
    if (parsed.ok) out.push(`${terminalName(file)}: valid`);
    else err.push(...parsed.issues.map(formatIssue));
  }
  return { code: err.length > 0 ? 2 : 0, stdout: out.length > 0 ? `${out.join("\n")}\n` : "", stderr: err.length > 0 ? `${err.join("\n")}\n` : "" };
}
