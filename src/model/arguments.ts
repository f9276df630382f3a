import { z } from "zod";
import type { Issue } from "./issue.js";

// The public functions promise never to throw on bad input, and a JavaScript caller can pass anything:
// these helpers turn a wrong argument into issues (`invalid_argument` for the thing to read or assess,
// `invalid_option` for an option) before any code relies on its type.

/** What a value is, in words. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (Object.prototype.toString.call(value) === "[object Date]") return "a Date";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** An issue with a positional argument. */
export function argumentIssue(message: string): Issue {
  return { code: "invalid_argument", message, pointer: "" };
}

/** An issue with an option. */
export function optionIssue(message: string): Issue {
  return { code: "invalid_option", message, pointer: "" };
}

/** True for a plain object (a record), not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The text to parse must be a string. */
export function textIssues(value: unknown, name = "text"): Issue[] {
  return typeof value === "string" ? [] : [argumentIssue(`${name} must be a string; got ${kindOf(value)}`)];
}

/** Issues from a zod check of an options object, each naming the option. */
export function optionIssues(schema: z.ZodType, value: unknown, name = "options"): Issue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => {
    const at = [name, ...i.path.map(String)].join(".");
    return optionIssue(`${at}: ${i.message.replace(/^Invalid (input|option): /, "")}`);
  });
}

/** The input limits: whole numbers, as the CLI's --max-* options take them. */
const LimitsOption = z.strictObject({
  maxBytes: z.int().min(1).optional(),
  maxDepth: z.int().min(1).optional(),
  maxAliases: z.int().min(0).optional(),
  maxItems: z.int().min(1).optional(),
});

/** The options every parser takes; other keys belong to the caller (a framework loader's `checks`). */
const ReadOptionsShape = z
  .looseObject({
    filename: z.string().optional(),
    format: z.enum(["yaml", "json", "markdown"]).optional(),
    limits: LimitsOption.optional(),
  })
  .optional();

/** Issues with a parser's options (file name, format, limits). */
export function readOptionIssues(options: unknown, name = "options"): Issue[] {
  return optionIssues(ReadOptionsShape, options, name);
}

/** Issues with a parser's `text` and `options` arguments. */
export function readArgumentIssues(text: unknown, options: unknown): Issue[] {
  return [...textIssues(text), ...readOptionIssues(options)];
}
