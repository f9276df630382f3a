import { type CustomCheckDefinition, customChecks } from "../checks/registry.js";
import { Framework } from "../model/framework.js";
import { canonicalJson, sha256 } from "../model/hash.js";
import type { Issue, Result } from "../model/issue.js";
import type { Locator } from "../source/positions.js";
import { type ReadOptions, readSource } from "../source/read.js";
import { sortIssues, validateParsed } from "../source/validate.js";
import { checkFramework } from "./rules.js";

/** A valid framework and its content hash. */
export interface LoadedFramework {
  framework: Framework;
  /** sha256 of the framework's canonical JSON form: the same content always gives the same hash. */
  sha256: string;
  file?: string;
}

export interface FrameworkOptions extends ReadOptions {
  /** Custom checks the framework may use. */
  checks?: readonly CustomCheckDefinition<unknown>[];
}

/** sha256 of a framework's canonical form; the editor-only `$schema` line does not count. */
export function frameworkHash(framework: Framework): string {
  const { $schema: _editorOnly, ...content } = framework;
  return sha256(canonicalJson(content));
}

/** Validates framework data (already parsed): schema, then the framework rules. */
export function validateFramework(data: unknown, options: FrameworkOptions = {}, locate: Locator = () => undefined): Result<LoadedFramework> {
  const file = options.filename;
  const valid = validateParsed(Framework, { data, locate }, file);
  if (!valid.ok) return valid;
  const problems: Issue[] = checkFramework(valid.value, customChecks(options.checks)).map((issue) => ({
    ...issue,
    ...(file === undefined ? {} : { file }),
    ...(locate(issue.pointer, { key: false }) ?? {}),
  }));
  if (problems.length > 0) return { ok: false, issues: sortIssues(problems) };
  return { ok: true, value: { framework: valid.value, sha256: frameworkHash(valid.value), ...(file === undefined ? {} : { file }) } };
}

/** Reads and validates a framework written as YAML or JSON. */
export function loadFramework(text: string, options: FrameworkOptions = {}): Result<LoadedFramework> {
  const read = readSource(text, options);
  if (!read.ok) return read;
  return validateFramework(read.value.data, options, read.value.locate);
}
