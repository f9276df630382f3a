import { terminalName } from "../model/escape.js";
import { formatIssue } from "../model/issue.js";
import { readProposalInput } from "../node/pipeline.js";
import { VALIDATE_FORMATS, VALIDATION_FORMATS, type Validation } from "../report/validation.js";
import { eachItem, signalExitCode, watchSignals } from "./batch.js";
import type { StreamEnv } from "./env.js";
import { expandArgs } from "./glob.js";
import { type Output, openOutput, streamOutput } from "./io.js";
import { narrativeLines, quantityLines } from "./narrative.js";
import { checkStdinName, STDIN_HELP, STDIN_OPTIONS } from "./stdin-name.js";
import { LIMIT_OPTIONS, LIMITS_HELP, readLimits } from "./limits.js";
import { formatForPath } from "./output-format.js";
import { type CommandResult, oneOf, parse } from "./parse-args.js";
import { CONFIG_HELP, CONFIG_OPTIONS, readSettings } from "./settings.js";

/** `senate validate --help`. */
export const VALIDATE_HELP = `Usage: senate validate [files...] [options]

Checks that proposal documents (YAML, JSON, or Markdown with YAML front matter) are valid.
Prints one line per problem: file:line:column  code  message. Use - to read standard input.
For Markdown, lists each principle response read from the headings (line, words, citations);
a heading that looks like a principle but is not read as one is a warning (exit code unchanged).
Files may be folders or globs ("proposals/**/*.{yaml,md}"), expanded by senate when the shell
does not; with none, the inputs of senate.config are checked.

Options:
  --format <name>         ${VALIDATE_FORMATS.join(", ")} (default: text, or as --output's extension
                          says): json is one entry per file, sarif a result per problem, github
                          an annotation per problem, junit a test case per file
  --output <file>         write there (atomically, creating folders) instead of standard output
${STDIN_HELP}
${CONFIG_HELP}
${LIMITS_HELP}

Exit codes: 0 all valid; 2 a file is invalid or cannot be read, or a glob matches nothing.

Example:
  senate validate examples/stroke-hasu.yaml examples/maternity-unit.md "proposals/**/*.yaml"
  senate validate proposals --format sarif --output reports/validate.sarif`;

const OPTIONS = { format: { type: "string" }, output: { type: "string" }, ...STDIN_OPTIONS, ...CONFIG_OPTIONS, ...LIMIT_OPTIONS } as const;

/** `senate validate`: each file as it is checked; in text, `file: valid` on standard output and each issue on standard error. Exit 0 when every file is valid. */
export async function validateCommand(argv: string[], env: StreamEnv): Promise<CommandResult> {
  const { values, positionals } = parse(argv, OPTIONS, VALIDATE_HELP);
  const settings = await readSettings(values, positionals);
  if (settings.inputs.length === 0) return { code: 2, stderr: `senate validate: name at least one file\n\n${VALIDATE_HELP}\n` };
  const fallback = values.output === undefined ? "text" : formatForPath(values.output);
  const format = oneOf(values.format, VALIDATE_FORMATS, "format", (VALIDATE_FORMATS as readonly string[]).includes(fallback) ? (fallback as "text") : "text");
  const limits = readLimits(values);
  const files = expandArgs(settings.inputs, { ignore: settings.ignores, ...(values.output ? { exclude: [values.output] } : {}) });
  const stdinName = values["stdin-filename"];
  checkStdinName(stdinName, files);
  const signals = watchSignals();
  const out: Output = values.output === undefined ? streamOutput(env.out) : openOutput(values.output, files);
  const shape = format === "text" ? undefined : VALIDATION_FORMATS[format];
  let invalid = 0;
  const write = (v: Validation, arg: string, i: number, clear: () => void, read: string) => {
    if (v.issues.length > 0) invalid++;
    if (shape) return out.write(`${i === 0 ? shape.head : shape.separator}${shape.piece(v, i)}`);
    if (v.issues.length === 0) return out.write(`${terminalName(arg === "-" ? (stdinName ?? arg) : arg)}: valid\n${read}`);
    clear();
    env.err(v.issues.map((issue) => `${formatIssue(issue)}\n`).join(""));
  };
  try {
    const stopped = await eachItem(
      files,
      (file) => file,
      (file, i, clear) => {
        const name = file === "-" ? (stdinName ?? "<stdin>") : file;
        const parsed = readProposalInput(file, { limits, stdin: true, ...(stdinName === undefined ? {} : { stdinName }) }).proposal;
        if (parsed.ok && parsed.value.warnings.length > 0) env.err(parsed.value.warnings.map((w) => `${formatIssue(w)}\n`).join(""));
        // In text, a valid file also lists what was read from its narrative and the quantities as written.
        const read = parsed.ok
          ? (parsed.value.narrative === undefined ? "" : narrativeLines(parsed.value.narrative)) + quantityLines(parsed.value.quantities)
          : "";
        write({ file: name, issues: parsed.ok ? [] : parsed.issues }, file, i, clear, read);
      },
      { command: "validate", signals, progress: env.progress },
    );
    if (stopped) {
      out.abort();
      return { code: signalExitCode(stopped), stderr: `senate validate: stopped by ${stopped}\n` };
    }
    if (shape) out.write(shape.tail(files.length, invalid));
    out.commit(); // unlike a report, a validation is whole when every file was read, valid or not
    return { code: invalid > 0 ? 2 : 0 };
  } finally {
    out.abort();
    signals.stop();
  }
}
