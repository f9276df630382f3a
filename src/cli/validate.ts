import { terminalName } from "../model/escape.js";
import { formatIssue } from "../model/issue.js";
import { parseProposal } from "../proposal/parse.js";
import { eachItem, signalExitCode, watchSignals } from "./batch.js";
import type { StreamEnv } from "./env.js";
import { expandArgs } from "./glob.js";
import { readInput } from "./io.js";
import { narrativeLines, quantityLines } from "./narrative.js";
import { checkStdinName, readAs, STDIN_HELP, STDIN_OPTIONS } from "./stdin-name.js";
import { LIMIT_OPTIONS, LIMITS_HELP, readLimits } from "./limits.js";
import { type CommandResult, parse } from "./parse-args.js";

/** `senate validate --help`. */
export const VALIDATE_HELP = `Usage: senate validate <files...> [options]

Checks that proposal documents (YAML, JSON, or Markdown with YAML front matter) are valid.
Prints one line per problem: file:line:column  code  message. Use - to read standard input.
For Markdown, lists each principle response read from the headings (line, words, citations);
a heading that looks like a principle but is not read as one is a warning (exit code unchanged).
Files may be globs ("proposals/**/*.md"), expanded by senate when the shell does not.

Options:
${STDIN_HELP}
${LIMITS_HELP}

Exit codes: 0 all valid; 2 a file is invalid or cannot be read, or a glob matches nothing.

Example:
  senate validate examples/stroke-hasu.yaml examples/maternity-unit.md "proposals/**/*.yaml"`;

/** `senate validate`: one line per file as it is checked (`file: valid` on standard output, each issue on standard error); exit 0 when every file is valid. */
export async function validateCommand(argv: string[], env: StreamEnv): Promise<CommandResult> {
  const { values, positionals } = parse(argv, { ...LIMIT_OPTIONS, ...STDIN_OPTIONS }, VALIDATE_HELP);
  if (positionals.length === 0) return { code: 2, stderr: `senate validate: name at least one file\n\n${VALIDATE_HELP}\n` };
  const limits = readLimits(values);
  const files = expandArgs(positionals);
  const stdinName = values["stdin-filename"];
  checkStdinName(stdinName, files);
  let invalid = false;
  const signals = watchSignals();
  try {
    const stopped = await eachItem(
      files,
      (file) => file,
      (file, _i, clear) => {
        const text = readInput(file, limits);
        const parsed = text.ok ? parseProposal(text.value, { ...readAs(file, text.value, stdinName), limits }) : text;
        if (parsed.ok) {
          if (parsed.value.warnings.length > 0) env.err(parsed.value.warnings.map((i) => `${formatIssue(i)}\n`).join(""));
          const narrative = parsed.value.narrative === undefined ? "" : narrativeLines(parsed.value.narrative);
          const quantities = quantityLines(parsed.value.quantities);
          return env.out(`${terminalName(file === "-" ? (stdinName ?? file) : file)}: valid\n${narrative}${quantities}`);
        }
        invalid = true;
        clear();
        env.err(parsed.issues.map((i) => `${formatIssue(i)}\n`).join(""));
      },
      { command: "validate", signals, progress: env.progress },
    );
    if (stopped) return { code: signalExitCode(stopped), stderr: `senate validate: stopped by ${stopped}\n` };
    return { code: invalid ? 2 : 0 };
  } finally {
    signals.stop();
  }
}
