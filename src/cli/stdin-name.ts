import { UsageError } from "./io.js";

/** The parseArgs option that names standard input, as ESLint spells it. */
export const STDIN_OPTIONS = { "stdin-filename": { type: "string" } } as const;

/** Help line for `--stdin-filename`. */
export const STDIN_HELP = `  --stdin-filename <name> the name of the document read from - (used in messages; its
                          extension picks the format: .md, .json, else YAML). Without it,
                          Markdown with front matter is recognised by its --- lines`;

/** `--stdin-filename` is only meaningful when one input is `-`. */
export function checkStdinName(name: string | undefined, files: readonly string[]): void {
  if (name !== undefined && !files.includes("-")) throw new UsageError("--stdin-filename names standard input; give - as one of the files");
  if (name !== undefined && name.trim() === "") throw new UsageError("--stdin-filename must not be empty");
}
