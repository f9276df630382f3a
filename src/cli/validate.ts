import { formatIssue } from "../model/issue.js";
import { parseProposal } from "../proposal/parse.js";
import { readInput } from "./io.js";
import { type CommandResult, parse } from "./parse-args.js";

export const VALIDATE_HELP = `Usage: senate validate <files...>

Checks that proposal documents (YAML, JSON, or Markdown with YAML front matter) are valid.
Prints one line per problem: file:line:column  code  message. Use - to read standard input.

Exit codes: 0 all valid; 2 a file is invalid or cannot be read.

Example:
  senate validate examples/*.yaml examples/*.md`;

/** `senate validate`: one line per issue, exit 0 when every file is valid. */
export function validateCommand(argv: string[]): CommandResult {
  const { positionals } = parse(argv, {}, VALIDATE_HELP);
  if (positionals.length === 0) return { code: 2, stderr: `senate validate: name at least one file\n\n${VALIDATE_HELP}\n` };
  const out: string[] = [];
  const err: string[] = [];
  for (const file of positionals) {
    const text = readInput(file);
    const parsed = text.ok ? parseProposal(text.value, { filename: file === "-" ? "<stdin>" : file }) : text;
    if (parsed.ok) out.push(`${file}: valid`);
    else err.push(...parsed.issues.map(formatIssue));
  }
  return { code: err.length > 0 ? 2 : 0, stdout: out.length > 0 ? `${out.join("\n")}\n` : "", stderr: err.length > 0 ? `${err.join("\n")}\n` : "" };
}
