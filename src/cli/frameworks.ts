import { BUILTIN_FRAMEWORK_IDS, builtinFramework } from "../framework/builtin.js";
import { terminalName } from "../model/escape.js";
import { formatIssue } from "../model/issue.js";
import { resolveFramework } from "../node/files.js";
import { named } from "./assess-inputs.js";
import { formatList, formatOutline, LISTING_FORMATS, summarise } from "./frameworks-format.js";
import { expandArgs, isGlob } from "./glob.js";
import { UsageError } from "./io.js";
import { LIMIT_OPTIONS, LIMITS_HELP, readLimits } from "./limits.js";
import { type CommandResult, oneOf, parse } from "./parse-args.js";

/** `senate frameworks --help`. */
export const FRAMEWORKS_HELP = `Usage: senate frameworks [list] [--format text|markdown|json]
       senate frameworks show <id|file> [--format text|markdown|json]
       senate frameworks validate <files...>

Lists the built-in frameworks (id, version, principles, criteria, title); show prints one
framework's principles and criteria; validate checks framework files. See
senate frameworks <subcommand> --help.

Example:
  senate frameworks
  senate frameworks show london-2020 --format markdown`;

/** `senate frameworks show --help`. */
export const FRAMEWORKS_SHOW_HELP = `Usage: senate frameworks show <id|file> [--format text|markdown|json]

Prints a framework's principles, and each criterion's id, title, mode, severity, weight and
the question a reviewer would ask. Takes a built-in id or a framework file (YAML or JSON).

Options:
  --format <name>         ${LISTING_FORMATS.join(", ")} (default: text)

Exit codes: 0 printed; 2 unknown id, invalid file, or bad usage.

Example:
  senate frameworks show london-2020 --format markdown`;

/** `senate frameworks validate --help`. */
export const FRAMEWORKS_VALIDATE_HELP = `Usage: senate frameworks validate <files...> [options]

Checks framework files (YAML or JSON; built-in ids too): the schema, unique ids, every check's
parameters, and every pointer a check reads. Prints one line per problem:
file:line:column  code  message. Files may be globs.

Options:
${LIMITS_HELP}

Exit codes: 0 all valid; 2 a framework is invalid or cannot be read.

Example:
  senate frameworks validate principles/*.yaml`;

const FORMAT_OPTION = { format: { type: "string" } } as const;

function list(argv: string[]): CommandResult {
  const { values, positionals } = parse(argv, FORMAT_OPTION, FRAMEWORKS_HELP);
  if (positionals.length > 0) throw new UsageError(`unknown subcommand "${positionals[0]}"; use list, show or validate`);
  const format = oneOf(values.format, LISTING_FORMATS, "format", "text");
  const rows = BUILTIN_FRAMEWORK_IDS.flatMap((id) => {
    const loaded = builtinFramework(id);
    return loaded ? [summarise(loaded.framework)] : [];
  });
  return { code: 0, stdout: formatList(rows, format) };
}

function show(argv: string[]): CommandResult {
  const { values, positionals } = parse(argv, FORMAT_OPTION, FRAMEWORKS_SHOW_HELP);
  if (positionals.length !== 1) throw new UsageError(`name one framework id or file; built-in ids are ${BUILTIN_FRAMEWORK_IDS.join(", ")}`);
  const format = oneOf(values.format, LISTING_FORMATS, "format", "text");
  const id = positionals[0] as string;
  const loaded = resolveFramework(id);
  if (!loaded.ok) return { code: 2, stderr: `${named(loaded.issues, id).map(formatIssue).join("\n")}\n` };
  return { code: 0, stdout: formatOutline(loaded.value, format) };
}

function validate(argv: string[]): CommandResult {
  const { values, positionals } = parse(argv, LIMIT_OPTIONS, FRAMEWORKS_VALIDATE_HELP);
  if (positionals.length === 0) throw new UsageError("name at least one framework file or id");
  const limits = readLimits(values);
  const out: string[] = [];
  const err: string[] = [];
  // A built-in id is not a path, so only arguments with wildcards go through glob expansion.
  const names = positionals.flatMap((p) => (isGlob(p) ? expandArgs([p]) : [p]));
  for (const name of names) {
    const loaded = resolveFramework(name, { limits });
    if (!loaded.ok) err.push(...named(loaded.issues, name).map(formatIssue));
    else
      out.push(
        `${terminalName(name)}: valid (${loaded.value.framework.id} ${loaded.value.framework.version}, ${summarise(loaded.value.framework).criteria} criteria)`,
      );
  }
  return { code: err.length > 0 ? 2 : 0, stdout: out.length > 0 ? `${out.join("\n")}\n` : "", stderr: err.length > 0 ? `${err.join("\n")}\n` : "" };
}

const SUBCOMMANDS: Record<string, { run: (argv: string[]) => CommandResult; help: string }> = {
  list: { run: list, help: FRAMEWORKS_HELP },
  show: { run: show, help: FRAMEWORKS_SHOW_HELP },
  validate: { run: validate, help: FRAMEWORKS_VALIDATE_HELP },
};

/** The help for `senate frameworks <subcommand>`, or the command's own help. */
export function frameworksHelp(subcommand: string | undefined): string | undefined {
  return subcommand === undefined ? FRAMEWORKS_HELP : SUBCOMMANDS[subcommand]?.help;
}

/** `senate frameworks [list|show|validate]`: discovery and checking of frameworks. */
export function frameworksCommand(argv: string[]): CommandResult {
  const [first, ...rest] = argv;
  const sub = first === undefined ? undefined : SUBCOMMANDS[first];
  if (sub) return sub.run(rest);
  if (first !== undefined && !first.startsWith("-")) throw new UsageError(`unknown subcommand "${first}"; use list, show or validate`);
  return list(argv);
}
