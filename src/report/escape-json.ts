import { HIDDEN, visible } from "../model/escape.js";

/**
 * JSON text in which every hidden character (DEL, C1 and bidi controls, line separators, which
 * JSON.stringify leaves raw) and the workflow-command marker `##[` are written as `\u` escapes: it
 * parses back to exactly the same value, and a terminal or CI log shows it inert.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(HIDDEN, visible)
    .replace(/#(?=#\[)/g, "\\u0023");
}
