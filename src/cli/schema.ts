import { jsonSchemaFor, PUBLISHED, type SchemaName } from "../model/json-schema.js";
import { UsageError } from "./io.js";
import { type CommandResult, parse } from "./parse-args.js";

const NAMES = Object.keys(PUBLISHED) as SchemaName[];

/** `senate schema --help`. */
export const SCHEMA_HELP = `Usage: senate schema <name>

Prints a published JSON Schema (draft-07), the same text as schemas/<name>.schema.json in the
package. Names: ${NAMES.join(", ")}.

Exit codes: 0 printed; 2 unknown name or bad usage.

Example:
  senate schema proposal > proposal.schema.json`;

function isName(name: string): name is SchemaName {
  return Object.hasOwn(PUBLISHED, name);
}

/** `senate schema <name>`: a published schema, generated from the model exactly as the committed file is. */
export function schemaCommand(argv: string[]): CommandResult {
  const { positionals } = parse(argv, {}, SCHEMA_HELP);
  const [name, ...extra] = positionals;
  if (name === undefined || extra.length > 0) throw new UsageError(`name one schema: ${NAMES.join(", ")}`);
  if (!isName(name)) throw new UsageError(`no schema "${name}"; the schemas are ${NAMES.join(", ")}`);
  return { code: 0, stdout: `${JSON.stringify(jsonSchemaFor(name), null, 2)}\n` };
}
