import { type ParseArgsConfig, parseArgs } from "node:util";
import { closest } from "../model/suggest.js";
import { UsageError } from "./io.js";

/** What a command returns: the CLI prints it and exits with the code. */
export interface CommandResult {
  /** 0, 1 or 2 (see the README's exit codes), or 128 plus a signal's number when one stopped the run. */
  code: number;
  stdout?: string;
  stderr?: string;
}

/** Thrown to print help and exit 0. */
export class HelpRequested extends Error {
  constructor(readonly text: string) {
    super("help");
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses a command's arguments strictly: an unknown flag is a usage error naming it. */
export function parse<O extends Options>(argv: string[], options: O, help: string) {
  if (argv.includes("--help") || argv.includes("-h")) throw new HelpRequested(help);
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0]?.replace(/\. To specify a positional argument.*$/, "") ?? "bad arguments";
    throw new UsageError(`${message}${meant(message, options)}; see --help`);
  }
}

/** " (did you mean --framework?)" after node's "Unknown option '--frmework'", when a flag is that close. */
function meant(message: string, options: Options): string {
  const flag = /^Unknown option '--([^'=]+)/.exec(message)?.[1];
  const near = flag === undefined ? undefined : closest(flag, Object.keys(options));
  return near === undefined ? "" : ` (did you mean --${near}?)`;
}

/** Reads an option that must be one of a few words. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")}; got "${value}"`);
}
