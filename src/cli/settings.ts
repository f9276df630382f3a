import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { BUILTIN_FRAMEWORK_IDS } from "../framework/builtin.js";
import { formatIssue } from "../model/issue.js";
import { readTextFile } from "../node/read.js";
import { type FoundConfig, loadConfig } from "./config.js";
import { UsageError } from "./io.js";

// One run's settings: the configuration file's, overridden by the flags. Paths in the file are relative
// to its folder and are rebased here onto the working folder, so every later step (and `senate config`)
// sees paths as the command line would give them.

/** The flags that can override the configuration (as parseArgs gives them). */
export interface SettingFlags {
  framework?: string | undefined;
  reviews?: string | undefined;
  waivers?: string | undefined;
  format?: string | undefined;
  output?: string | undefined;
  "fail-on"?: string | undefined;
  baseline?: string | undefined;
  "ignore-pattern"?: string[] | undefined;
  config?: string | undefined;
  "no-config"?: boolean | undefined;
}

/** What a run does, once the file and the flags are merged. */
export interface Settings {
  /** The configuration file read, relative to the working folder. */
  configFile?: string;
  frameworks: string[];
  inputs: string[];
  /** Ignore lines: the config's, then `.senateignore`'s, then `--ignore-pattern`'s. */
  ignores: string[];
  failOn?: "red" | "amber" | "never";
  baseline?: string;
  thresholds: { green?: number; amber?: number; minCoverage?: number };
  format?: string;
  output?: string;
  reviews?: string;
  waivers?: string;
  /** Per proposal (relative to the working folder), its reviews and waivers. */
  proposals: Record<string, { reviews?: string; waivers?: string }>;
}

/** The flags that read or skip the configuration, and ignore files by pattern. */
export const CONFIG_OPTIONS = {
  config: { type: "string" },
  "no-config": { type: "boolean" },
  "ignore-pattern": { type: "string", multiple: true },
} as const;

export const CONFIG_HELP = `  --config <file>         read this configuration instead of searching for senate.config.*
                          (or a "senate" key in package.json) from the working folder up
  --no-config             read no configuration file
  --ignore-pattern <glob> skip matching files when expanding globs and folders (repeatable;
                          .senateignore in the working folder holds more, one per line)`;

function rebase(cwd: string, dir: string, path: string): string {
  if (isAbsolute(path)) return path;
  return relative(cwd, join(dir, path)) || ".";
}

/** An ignore line from the config: one with a slash is anchored to the config's folder. */
function rebaseIgnore(cwd: string, dir: string, line: string): string {
  const anchored = line.replace(/\/+$/, "").includes("/");
  if (!anchored || dir === cwd) return line;
  return `/${relative(cwd, join(dir, line.replace(/^\//, "")))}`;
}

/** The `.senateignore` lines, read as any input is (a pipe or a binary file is refused, never waited on). */
function senateIgnore(cwd: string): string[] {
  const file = join(cwd, ".senateignore");
  if (!existsSync(file)) return [];
  const text = readTextFile(file);
  if (!text.ok) throw new ConfigError(text.issues.map((i) => formatIssue({ ...i, file: relative(cwd, file) })));
  return text.value.split(/\r\n|\r|\n/);
}

function fromFile(found: FoundConfig, cwd: string): Settings {
  const c = found.config;
  const dir = found.file === undefined ? cwd : dirname(found.file);
  const path = (p: string) => rebase(cwd, dir, p);
  const framework = (f: string) => ((BUILTIN_FRAMEWORK_IDS as readonly string[]).includes(f) ? f : path(f));
  const proposals: Settings["proposals"] = {};
  for (const [file, pair] of Object.entries(c.proposals ?? {}))
    proposals[path(file)] = { ...(pair.reviews ? { reviews: path(pair.reviews) } : {}), ...(pair.waivers ? { waivers: path(pair.waivers) } : {}) };
  return {
    ...(found.file === undefined ? {} : { configFile: relative(cwd, found.file) }),
    frameworks: [c.frameworks ?? "london-2020"].flat().map(framework),
    inputs: (c.inputs ?? []).map(path),
    ignores: (c.ignores ?? []).map((l) => rebaseIgnore(cwd, dir, l)),
    ...(c.failOn ? { failOn: c.failOn } : {}),
    ...(c.baseline ? { baseline: path(c.baseline) } : {}),
    thresholds: Object.fromEntries(Object.entries(c.thresholds ?? {}).filter(([, v]) => v !== undefined)),
    ...(c.format ? { format: c.format } : {}),
    ...(c.output ? { output: path(c.output) } : {}),
    proposals,
  };
}

/** Reads the configuration (unless --no-config) and lays the flags over it; a bad file is a usage error listing each problem. */
export async function readSettings(flags: SettingFlags, positionals: readonly string[], cwd = process.cwd()): Promise<Settings> {
  if (flags["no-config"] && flags.config !== undefined) throw new UsageError("--config and --no-config contradict each other; give one");
  const found = flags["no-config"] ? { ok: true as const, value: { config: {} } } : await loadConfig(cwd, flags.config);
  if (!found.ok) throw new ConfigError(found.issues.map((i) => formatIssue({ ...i, ...(i.file ? { file: relative(cwd, resolve(cwd, i.file)) } : {}) })));
  const base = fromFile(found.value, cwd);
  const set = <K extends keyof Settings>(key: K, value: Settings[K] | undefined) => (value === undefined ? {} : { [key]: value });
  // `--output -` is standard output, whatever the configuration's output says.
  if (flags.output === "-") delete base.output;
  return {
    ...base,
    ...(flags.framework === undefined
      ? {}
      : {
          frameworks: flags.framework
            .split(",")
            .map((f) => f.trim())
            .filter(Boolean),
        }),
    inputs: positionals.length > 0 ? [...positionals] : base.inputs,
    ignores: [...base.ignores, ...senateIgnore(cwd), ...(flags["ignore-pattern"] ?? [])],
    ...set("failOn", flags["fail-on"] as Settings["failOn"]),
    ...set("baseline", flags.baseline),
    ...set("format", flags.format),
    ...set("output", flags.output === "-" ? undefined : flags.output),
    ...set("reviews", flags.reviews),
    ...set("waivers", flags.waivers),
  };
}

/** A configuration with problems: one located line each; the CLI prints them and exits 2. */
export class ConfigError extends UsageError {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
  }
}

/** The merged settings as JSON, for `senate config` and `--print-config`. */
export function printSettings(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}
