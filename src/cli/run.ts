import { TOOL_VERSION } from "../version.js";
import { ASSESS_HELP, assessCommand } from "./assess.js";
import { UsageError } from "./io.js";
import { type CommandResult, HelpRequested } from "./parse-args.js";
import { VALIDATE_HELP, validateCommand } from "./validate.js";

const HELP = `senate ${TOOL_VERSION}: assess NHS service-change proposals against clinical senate principles

Usage: senate <command> [options]

Commands:
  assess <files...>     assess proposals and report every gap (see senate assess --help)
  validate <files...>   check proposal documents and print file:line:column for each problem

Options:
  --help, -h            show help (also after a command)
  --version, -v         print the version

Examples:
  senate validate examples/*.yaml
  senate assess examples/stroke-hasu.yaml --format markdown --output report.md`;

const COMMANDS: Record<string, { run: (argv: string[]) => CommandResult; help: string }> = {
  assess: {
    run: (argv) =>
      assessCommand(argv, {
        isTTY: process.stdout.isTTY === true,
        noColor: "NO_COLOR" in process.env && process.env.NO_COLOR !== "",
        now: new Date(),
        stepSummary: process.env.GITHUB_STEP_SUMMARY,
      }),
    help: ASSESS_HELP,
  },
  validate: { run: validateCommand, help: VALIDATE_HELP },
};

/** Runs the CLI; the one place that catches exceptions and turns them into exit codes. */
export function run(argv: string[]): CommandResult {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") return { code: 0, stdout: `${HELP}\n` };
  if (name === "--version" || name === "-v") return { code: 0, stdout: `${TOOL_VERSION}\n` };
  const command = COMMANDS[name];
  if (!command) return { code: 2, stderr: `senate: unknown command "${name}"; commands are ${Object.keys(COMMANDS).join(", ")} (see senate --help)\n` };
  try {
    return command.run(rest);
  } catch (error) {
    if (error instanceof HelpRequested) return { code: 0, stdout: `${error.text}\n` };
    if (error instanceof UsageError) return { code: 2, stderr: `senate ${name}: ${error.message}\n` };
    const detail = process.env.SENATE_DEBUG ? `\n${(error as Error).stack ?? ""}` : " (set SENATE_DEBUG=1 for details)";
    return { code: 2, stderr: `senate ${name}: internal error: ${(error as Error).message}${detail}\n` };
  }
}
