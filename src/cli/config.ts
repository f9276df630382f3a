import { existsSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Loader, lilconfig } from "lilconfig";
import type { Issue, Result } from "../model/issue.js";
import { readTextFile } from "../node/read.js";
import { readSource } from "../source/read.js";
import { validateParsed } from "../source/validate.js";
import type { ParsedSource } from "../source/yaml.js";
import { SenateConfig } from "./config-schema.js";

// Finding and reading the configuration. lilconfig finds it as it finds any tool's: the first of
// SEARCH_PLACES in the working folder, then in each folder above it, stopping at the repository's root
// (the folder with .git) so that nothing outside the repository is read; with no repository, only the
// working folder is searched. JSON and YAML are read by senate's own reader, so every problem is
// located (`file:line:col`); a JavaScript config is run, as ESLint and Prettier run theirs.

/** Where a configuration may be, in the order they are tried in each folder. */
export const SEARCH_PLACES = [
  "package.json",
  "senate.config.json",
  "senate.config.yaml",
  "senate.config.yml",
  "senate.config.js",
  "senate.config.mjs",
  "senate.config.cjs",
  "senate.config.ts",
] as const;

/** A configuration as read, before any path in it is rebased. */
export interface FoundConfig {
  /** The file it came from; undefined when there is none (every setting at its default). */
  file?: string;
  config: SenateConfig;
}

// lilconfig only finds the file (a package.json counts when it has a `senate` key); senate then reads it.
const TEXT = Symbol("text");

/**
 * TypeScript runs only where Node strips types itself (22.18 and 23.6 onwards): loading a compiler to
 * read a config would cost more than the whole assessment, so on older Node a `.ts` config is refused
 * with a pointer to `.mjs`.
 */
const typescript: Loader = async (filepath) => {
  if (!(process.features as { typescript?: unknown }).typescript)
    throw new Error(`this Node (${process.version}) cannot run TypeScript; rename it senate.config.mjs, or use Node 22.18 or newer`);
  return ((await import(pathToFileURL(resolve(filepath)).href)) as { default?: unknown }).default;
};

/** The folder that holds `.git` at or above `from`, if any. */
export function repositoryRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function problem(file: string, message: string): Result<never> {
  return { ok: false, issues: [{ code: "read_failed", message, pointer: "", file }] };
}

/** Validates a configuration already read: each problem an issue located in its file. */
export function validateConfig(parsed: ParsedSource, file: string): Result<SenateConfig> {
  return validateParsed(SenateConfig, parsed, file);
}

/** Reads a JSON or YAML configuration (or package.json's `senate` key) with positions, and validates it. */
function readLocated(file: string): Result<SenateConfig> {
  const text = readTextFile(file);
  if (!text.ok) return text;
  const read = readSource(text.value, { filename: file });
  if (!read.ok) return read;
  if (basename(file) !== "package.json") return validateConfig(read.value, file);
  const pkg = read.value.data as { senate?: unknown };
  return validateConfig({ ...read.value, data: pkg.senate, locate: (pointer, o) => read.value.locate(`/senate${pointer}`, o) }, file);
}

/** Runs a JavaScript configuration and validates what it exports (unlocated: it has no source to point at). */
function validateValue(value: unknown, file: string): Result<SenateConfig> {
  const checked = validateConfig({ data: value, locate: () => undefined } as unknown as ParsedSource, file);
  return checked.ok ? checked : { ok: false, issues: checked.issues.map((i): Issue => ({ ...i, line: 1, column: 1 })) };
}

/** Runs a JavaScript (or TypeScript) configuration and returns what it exports by default. */
async function run(file: string): Promise<unknown> {
  if (extname(file) === ".ts") return typescript(file, "");
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  return mod.default;
}

/** Finds the configuration without running anything: each candidate is only noted. */
async function find(cwd: string, explicit: string | undefined): Promise<string | undefined> {
  const stopDir = repositoryRoot(cwd) ?? resolve(cwd);
  const note: Loader = (filepath, content) => (basename(filepath) === "package.json" ? JSON.parse(content) : { [TEXT]: content });
  const loaders = Object.fromEntries([".json", ".yaml", ".yml", ".js", ".mjs", ".cjs", ".ts", "noExt"].map((e) => [e, note]));
  const finder = lilconfig("senate", { searchPlaces: [...SEARCH_PLACES], stopDir, loaders, cache: false });
  if (explicit !== undefined) return resolve(cwd, explicit);
  const odd = notRegular(cwd, stopDir);
  if (odd !== undefined) throw new NotRegular(odd);
  return (await finder.search(cwd))?.filepath;
}

class NotRegular extends Error {}

/**
 * A candidate that is there but is not a regular file (a named pipe, a device, a folder): lilconfig
 * would read it, and a pipe would never end. Refused first, as any input of that kind is.
 */
function notRegular(cwd: string, stopDir: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const place of SEARCH_PLACES) {
      const path = join(dir, place);
      try {
        if (!statSync(path).isFile()) return path;
      } catch {} // not there
    }
    if (dir === stopDir || dirname(dir) === dir) return undefined;
  }
}

/** Reads the configuration named by `--config`, or searches for one from `cwd` up to the repository root. */
export async function loadConfig(cwd: string, explicit?: string): Promise<Result<FoundConfig>> {
  let file: string | undefined;
  try {
    file = await find(cwd, explicit);
  } catch (error) {
    if (error instanceof NotRegular) return problem(error.message, "not a regular file; a configuration must be a file");
    return problem("package.json", `cannot read: ${String((error as Error).message).split("\n")[0]}`);
  }
  if (file === undefined) return { ok: true, value: { config: {} } };
  if (!existsSync(file)) return problem(explicit ?? file, "no such file");
  const ext = extname(file);
  if (ext === ".json" || ext === ".yaml" || ext === ".yml") {
    const checked = readLocated(file);
    return checked.ok ? { ok: true, value: { file, config: checked.value } } : checked;
  }
  let value: unknown;
  try {
    value = await run(file);
  } catch (error) {
    return {
      ok: false,
      issues: [
        { code: "read_failed", message: `cannot load: ${String((error as Error).message ?? error).split("\n")[0]}`, pointer: "", file, line: 1, column: 1 },
      ],
    };
  }
  const checked = validateValue(value, file);
  return checked.ok ? { ok: true, value: { file, config: checked.value } } : checked;
}
