import { type CustomCheckDefinition, customChecks } from "../checks/registry.js";
import { isRecord, optionIssue, readArgumentIssues } from "../model/arguments.js";
import { Framework, FrameworkExtension } from "../model/framework.js";
import { canonicalJson, sha256 } from "../model/hash.js";
import type { Issue, Result } from "../model/issue.js";
import type { LoadedFramework } from "../model/typed-ids.js";
import type { Locator } from "../source/positions.js";
import { type ReadOptions, readSource } from "../source/read.js";
import { sortIssues, validateParsed } from "../source/validate.js";
import { builtinFramework } from "./builtin.js";
import { applyExtension } from "./extend.js";
import { checkFramework } from "./rules.js";

export type { LoadedFramework } from "../model/typed-ids.js";

export interface FrameworkOptions extends ReadOptions {
  /** Custom checks the framework may use. */
  checks?: readonly CustomCheckDefinition<unknown>[];
  /**
   * Finds the framework an `extends` names. By default only built-in ids resolve; the Node helpers
   * also resolve paths relative to the file and report cycles.
   */
  resolve?: (ref: string) => Result<LoadedFramework>;
}

// The loaders are exported as they are, so their arguments are checked first: a JavaScript caller who
// passes a number, a null or a stray option gets issues back rather than a TypeError.
function frameworkOptionIssues(options: unknown): Issue[] {
  if (!isRecord(options)) return [];
  const issues: Issue[] = [];
  const { checks, resolve } = options;
  if (checks !== undefined && !(Array.isArray(checks) && checks.every((c) => isRecord(c) && typeof c.kind === "string")))
    issues.push(optionIssue("options.checks must be an array of checks made with defineCheck"));
  if (resolve !== undefined && typeof resolve !== "function") issues.push(optionIssue("options.resolve must be a function"));
  return issues;
}

function builtinOnly(ref: string): Result<LoadedFramework> {
  const found = builtinFramework(ref);
  if (found) return { ok: true, value: found };
  return { ok: false, issues: [{ code: "unknown_framework", message: `no built-in framework "${ref}" to extend`, pointer: "/extends" }] };
}

/** Reads a tailored framework: resolves its base, applies its changes, then validates the result. */
function loadExtension(data: unknown, options: FrameworkOptions, locate: Locator): Result<LoadedFramework> {
  const file = options.filename;
  const locateAll = (issues: Omit<Issue, "file">[]): Issue[] =>
    issues.map((issue) => ({ ...issue, ...(file === undefined ? {} : { file }), ...(locate(issue.pointer, { key: true }) ?? {}) }));
  const ext = validateParsed(FrameworkExtension, { data, locate }, file);
  if (!ext.ok) return ext;
  const base = (options.resolve ?? builtinOnly)(ext.value.extends);
  if (!base.ok) {
    const own = base.issues.filter((i) => i.file === undefined || i.file === file);
    const rest = base.issues.filter((i) => !(i.file === undefined || i.file === file));
    return { ok: false, issues: [...locateAll(own.map(({ file: _f, ...i }) => ({ ...i, pointer: i.pointer || "/extends" }))), ...rest] };
  }
  const applied = applyExtension(ext.value, base.value);
  if (!applied.ok) return { ok: false, issues: sortIssues(locateAll(applied.issues)) };
  return validated(applied.framework, { ...options }, () => locate("/tailor"));
}

/** sha256 of a framework's canonical form; the editor-only `$schema` line does not count. */
export function frameworkHash(framework: Framework): string {
  const { $schema: _editorOnly, ...content } = framework;
  return sha256(canonicalJson(content));
}

/** Where each loaded framework came from, so a later check of it (assess() with other custom checks) is located too. */
const SOURCES = new WeakMap<object, { file?: string; locate: Locator }>();

/** The file and locator a framework was loaded with, when it was loaded from text. */
export function frameworkSource(framework: object): { file?: string; locate: Locator } | undefined {
  return SOURCES.get(framework);
}

function validated(data: unknown, options: FrameworkOptions, locate: Locator): Result<LoadedFramework> {
  const file = options.filename;
  const valid = validateParsed(Framework, { data, locate }, file);
  if (!valid.ok) return valid;
  const problems: Issue[] = checkFramework(valid.value, customChecks(options.checks)).map((issue) => ({
    ...issue,
    ...(file === undefined ? {} : { file }),
    ...(locate(issue.pointer, { key: false }) ?? {}),
  }));
  if (problems.length > 0) return { ok: false, issues: sortIssues(problems) };
  SOURCES.set(valid.value, { ...(file === undefined ? {} : { file }), locate });
  return { ok: true, value: { framework: valid.value, sha256: frameworkHash(valid.value), ...(file === undefined ? {} : { file }) } };
}

/** Validates framework data (already parsed): schema, then the framework rules. Never throws on bad input. */
export function validateFramework(data: unknown, options: FrameworkOptions = {}, locate: Locator = () => undefined): Result<LoadedFramework> {
  const bad = [...readArgumentIssues("", options), ...frameworkOptionIssues(options)];
  if (typeof locate !== "function") bad.push(optionIssue("locate must be a function"));
  return bad.length > 0 ? { ok: false, issues: bad } : validated(data, options, locate);
}

/** Reads and validates a framework written as YAML or JSON. Never throws on bad input: problems come back as issues. */
export function loadFramework(text: string, options: FrameworkOptions = {}): Result<LoadedFramework> {
  const bad = [...readArgumentIssues(text, options), ...frameworkOptionIssues(options)];
  if (bad.length > 0) return { ok: false, issues: bad };
  const read = readSource(text, options);
  if (!read.ok) return read;
  const { data, locate } = read.value;
  if (typeof data === "object" && data !== null && "extends" in data) return loadExtension(data, options, locate);
  return validated(data, options, locate);
}
