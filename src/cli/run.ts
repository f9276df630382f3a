import { terminalName } from "../model/escape.js";
import { TOOL_VERSION } from "../version.js";
import { ASSESS_HELP, assessCommand, CONFIG_COMMAND_HELP, configCommand } from "./assess.js";
import { DIFF_HELP, diffCommand } from "./diff.js";
import { type CliEnv, processEnv, type StreamEnv } from "./env.js";
import { FRAMEWORKS_HELP, frameworksCommand, frameworksHelp } from "./frameworks.js";
import { IMPORT_HELP, importCommand } from "./import.js";
import { INIT_HELP, initCommand } from "./init.js";
import { UsageError } from "./io.js";
import { type CommandResult, HelpRequested } from "./parse-args.js";
import { SCHEMA_HELP, schemaCommand } from "./schema.js";
import { ConfigError } from "./settings.js";
import { VALIDATE_HELP, validateCommand } from "./validate.js";

const HELP = `senate ${TOOL_VERSION}: assess NHS service-change proposals against clinical senate principles

Usage: senate <command> [options]

Commands:
  assess <files...>           assess proposals and report every gap (globs, --baseline to ratchet)
  validate <files...>         check proposal documents and print file:line:column for each problem
  diff <old.json> <new.json>  compare two JSON reports: new, closed and changed gaps, rating moves
  init [file]                 write a proposal template with the framework's questions as comments
  frameworks [list]           list the built-in frameworks
  frameworks show <id|file>   print a framework's principles and criteria
  frameworks validate <files> check framework files
  schema <name>               print a published JSON Schema (proposal, report, ...)
  import <file.docx|file.md>  turn an existing business case into a Markdown proposal to complete
  config [options]            print the configuration assess would use (senate.config and flags)
  help <command>              show a command's help

Options:
  --help, -h                  show help (also after a command)
  --version, -v               print the version

Exit codes: 0 success; 1 the gate failed (a rating at or below --fail-on, or a regression
against a baseline); 2 bad input or usage.

Examples:
  senate init proposals/stroke.yaml
  senate validate "proposals/**/*.yaml"
  senate assess examples/stroke-hasu.yaml --format markdown --output report.md
  senate assess "proposals/*.yaml" --baseline baseline.json`;

interface Command {
  run: (argv: string[], env: StreamEnv) => CommandResult | Promise<CommandResult>;
  help: string;
}

const COMMANDS: Record<string, Command> = {
  assess: { run: assessCommand, help: ASSESS_HELP },
  validate: { run: validateCommand, help: VALIDATE_HELP },
  diff: { run: diffCommand, help: DIFF_HELP },
  init: { run: initCommand, help: INIT_HELP },
  import: { run: importCommand, help: IMPORT_HELP },
  frameworks: { run: frameworksCommand, help: FRAMEWORKS_HELP },
  schema: { run: schemaCommand, help: SCHEMA_HELP },
  config: { run: configCommand, help: CONFIG_COMMAND_HELP },
};

function unknown(name: string): CommandResult {
  return { code: 2, stderr: `senate: unknown command "${terminalName(name)}"; commands are ${Object.keys(COMMANDS).join(", ")} (see senate --help)\n` };
}

const HELP_HELP = `Usage: senate help [command [subcommand]]

Prints a command's help (the same as senate <command> --help); with no command, the list of commands.

Example:
  senate help frameworks show`;

/** `senate help [command [subcommand]]`. */
function help(args: string[]): CommandResult {
  if (args.includes("--help") || args.includes("-h")) return { code: 0, stdout: `${HELP_HELP}\n` };
  const [name, sub] = args;
  if (name === undefined) return { code: 0, stdout: `${HELP}\n` };
  const command = COMMANDS[name];
  if (!command) return unknown(name);
  const text = name === "frameworks" ? frameworksHelp(sub) : sub === undefined ? command.help : undefined;
  if (text === undefined) return { code: 2, stderr: `senate help: "${terminalName(name)}" has no subcommand "${terminalName(sub ?? "")}"\n` };
  return { code: 0, stdout: `${text}\n` };
}

/**
 * Runs the CLI; the one place that catches exceptions and turns them into exit codes. What a command
 * streams goes to `env.out` and `env.err`; without them (a test), it is collected into the result.
 */
export async function run(argv: string[], env: CliEnv = processEnv()): Promise<CommandResult> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") return { code: 0, stdout: `${HELP}\n` };
  if (name === "help") return help(rest);
  if (name === "--version" || name === "-v") return { code: 0, stdout: `${TOOL_VERSION}\n` };
  const command = COMMANDS[name];
  if (!command) return unknown(name);
  const out: string[] = [];
  const err: string[] = [];
  const streams: StreamEnv = { ...env, out: env.out ?? ((t) => out.push(t)), err: env.err ?? ((t) => err.push(t)) };
  const result = await runCommand(name, command, rest, streams);
  const stdout = `${out.join("")}${result.stdout ?? ""}`;
  const stderr = `${err.join("")}${result.stderr ?? ""}`;
  return { code: result.code, ...(stdout ? { stdout } : {}), ...(stderr ? { stderr } : {}) };
}

async function runCommand(name: string, command: Command, rest: string[], env: StreamEnv): Promise<CommandResult> {
  try {
    return await command.run(rest, env);
  } catch (error) {
    if (error instanceof HelpRequested) return { code: 0, stdout: `${error.text}\n` };
    // A configuration's problems are located lines, already made safe one by one.
    if (error instanceof ConfigError) return { code: 2, stderr: `${error.lines.join("\n")}\n` };
    // A usage message may quote an argument, which can hold anything.
    if (error instanceof UsageError) return { code: 2, stderr: `senate ${name}: ${terminalName(error.message)}\n` };
    const detail = process.env.SENATE_DEBUG ? `\n${(error as Error).stack ?? ""}` : " (set SENATE_DEBUG=1 for details)";
    return { code: 2, stderr: `senate ${name}: internal error: ${terminalName(String((error as Error).message))}${detail}\n` };
  }
}
