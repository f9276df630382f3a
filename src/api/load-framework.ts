import * as load from "../framework/load.js";
import { isRecord, optionIssue, readArgumentIssues } from "../model/arguments.js";
import type { Issue, Result } from "../model/issue.js";
import type { Locator } from "../source/positions.js";

// The framework loaders as the package exports them: the same functions, with their arguments checked
// first, so that a JavaScript caller who passes a number, a null or a stray option gets issues back
// rather than a TypeError. Inside the package (the CLI, the Node helpers) the arguments are known good.

function frameworkOptionIssues(options: unknown): Issue[] {
  if (!isRecord(options)) return [];
  const issues: Issue[] = [];
  const { checks, resolve } = options;
  if (checks !== undefined && !(Array.isArray(checks) && checks.every((c) => isRecord(c) && typeof c.kind === "string")))
    issues.push(optionIssue("options.checks must be an array of checks made with defineCheck"));
  if (resolve !== undefined && typeof resolve !== "function") issues.push(optionIssue("options.resolve must be a function"));
  return issues;
}

/** Reads and validates a framework written as YAML or JSON. Never throws on bad input: problems come back as issues. */
export function loadFramework(text: string, options: load.FrameworkOptions = {}): Result<load.LoadedFramework> {
  const bad = [...readArgumentIssues(text, options), ...frameworkOptionIssues(options)];
  return bad.length > 0 ? { ok: false, issues: bad } : load.loadFramework(text, options);
}

/** Validates framework data (already parsed): schema, then the framework rules. Never throws on bad input. */
export function validateFramework(data: unknown, options: load.FrameworkOptions = {}, locate?: Locator): Result<load.LoadedFramework> {
  const bad = [...readArgumentIssues("", options), ...frameworkOptionIssues(options)];
  if (locate !== undefined && typeof locate !== "function") bad.push(optionIssue("locate must be a function"));
  return bad.length > 0 ? { ok: false, issues: bad } : load.validateFramework(data, options, locate);
}
