import type { z } from "zod";
import type { Issue, IssueCode, Result } from "../model/issue.js";
import { getAt, toPointer } from "../model/pointer.js";
import { closest } from "../model/suggest.js";
import { describe, explain } from "./hints.js";
import { keysAt } from "./schema-keys.js";
import type { ParsedSource } from "./yaml.js";

type ZodIssue = z.core.$ZodIssue;

/** Whether a union branch refused the value for its type alone (directly, or in every branch of a nested union). */
function refusesType(errors: ZodIssue[]): boolean {
  return errors.some(
    (e) => e.path.length === 0 && (e.code === "invalid_type" || (e.code === "invalid_union" && e.errors.length > 0 && e.errors.every(refusesType))),
  );
}

/**
 * The simplest explanation of a union failure: for a scalar, the union's own message when the model
 * gives one (it names every form accepted); otherwise the branch that got furthest.
 */
function flattenUnion(issue: ZodIssue, data: unknown): ZodIssue[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const value = getAt(data, toPointer(issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))));
  if (issue.message !== "Invalid input" && (typeof value !== "object" || value === null)) return [issue];
  // A branch that refused the value's type outright explains less than one that read into it.
  const rank = (errors: ZodIssue[]) => errors.length + (refusesType(errors) ? 1000 : 0);
  const best = [...issue.errors].sort((a, b) => rank(a) - rank(b))[0] ?? [];
  return best.flatMap((inner) => flattenUnion({ ...inner, path: [...issue.path, ...inner.path] }, data));
}

/** What to say of an unknown key: the allowed key it is probably a slip for, or to remove it or check it. */
function unknownKeyHint(key: string, allowed: string[]): string {
  const meant = closest(key, allowed);
  return meant === undefined ? "remove it or check its spelling against the schema" : `did you mean "${meant}"?`;
}

function toIssues(zi: ZodIssue, data: unknown, schema: z.ZodType): { code: IssueCode; message: string; pointer: string; key: boolean }[] {
  const path = zi.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  const pointer = toPointer(path);
  if (zi.code === "unrecognized_keys") {
    // A schema may say where such a key belongs instead; zod's own wording starts "Unrecognized key".
    const own = /^Unrecognized key/.test(zi.message) ? undefined : zi.message;
    const allowed = own === undefined ? keysAt(schema, path) : [];
    return zi.keys.map((key) => ({
      code: "unknown_field",
      message: `unknown field "${key}": ${own ?? unknownKeyHint(key, allowed)}`,
      pointer: toPointer([...path, key]),
      key: true,
    }));
  }
  const value = getAt(data, pointer);
  // A literal or an enumeration that is absent fails as invalid_value, but it is as missing as any other field.
  if ((zi.code === "invalid_type" || zi.code === "invalid_value" || zi.code === "invalid_union") && value === undefined) {
    const expected = zi.code === "invalid_type" ? zi.expected : zi.message.replace(/^Invalid (input|option): /, "");
    return [{ code: "missing_field", message: `missing required field "${String(path[path.length - 1] ?? "")}" (${expected})`, pointer, key: false }];
  }
  if (zi.code === "invalid_union" && zi.errors.length === 0) {
    return [{ code: "invalid_value", message: `unknown ${String(path[path.length - 1] ?? "value")} ${describe(value)}`, pointer, key: false }];
  }
  const key = [...path].reverse().find((p) => typeof p === "string") ?? "value";
  return [{ code: "invalid_value", message: explain(zi, String(key), value), pointer, key: false }];
}

/** Validates parsed data against a zod schema, turning every problem into a located issue. */
export function validateParsed<S extends z.ZodType>(schema: S, parsed: ParsedSource, file: string | undefined): Result<z.infer<S>> {
  const result = schema.safeParse(parsed.data);
  if (result.success) return { ok: true, value: result.data };
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const zi of result.error.issues.flatMap((issue) => flattenUnion(issue, parsed.data))) {
    for (const { key, ...issue } of toIssues(zi, parsed.data, schema)) {
      const id = `${issue.pointer} ${issue.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const at = parsed.locate(issue.pointer, { key });
      issues.push({ ...issue, ...(file === undefined ? {} : { file }), ...(at ?? {}) });
    }
  }
  return { ok: false, issues: sortIssues(issues) };
}

/** Issues in source order (line, column), then by pointer. */
export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.pointer.localeCompare(b.pointer));
}
