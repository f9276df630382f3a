import { terminalName } from "./escape.js";

/** Codes for every problem the library reports about its inputs. */
export type IssueCode =
  | "read_failed"
  | "too_large"
  | "empty_file"
  | "binary_file"
  | "bad_encoding"
  | "syntax_error"
  | "duplicate_key"
  | "multiple_documents"
  | "unknown_tag"
  | "alias_limit"
  | "too_deep"
  | "too_many_items"
  | "bad_front_matter"
  | "unread_heading"
  | "duplicate_response"
  | "unknown_principle"
  | "not_a_proposal"
  | "invalid_value"
  | "unknown_field"
  | "missing_field"
  | "unknown_evidence"
  | "duplicate_id"
  | "unknown_pointer"
  | "bad_check"
  | "unknown_criterion"
  | "wrong_framework"
  | "wrong_proposal"
  | "waiver_expired"
  | "non_answer"
  | "review_after_assessment"
  | "unknown_framework"
  | "invalid_argument"
  | "invalid_option";

/** One problem with an input, located as precisely as the input allows. */
export interface Issue {
  code: IssueCode;
  message: string;
  /** JSON pointer to the value concerned ("" for the whole document). */
  pointer: string;
  file?: string;
  line?: number;
  column?: number;
}

/** An expected failure is a value, not an exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** `file:line:column` (or as much of it as is known) for an issue. */
export function issueLocation(issue: Issue): string {
  const file = issue.file ?? "<input>";
  if (issue.line === undefined) return file;
  return `${file}:${issue.line}:${issue.column ?? 1}`;
}

/** One line per issue: `file:line:col  code  message`. */
export function formatIssue(issue: Issue): string {
  const where = issue.pointer ? ` (at ${oneLine(issue.pointer, 200)})` : "";
  return `${oneLine(issueLocation(issue), 500)}  ${issue.code}  ${oneLine(issue.message, 1000)}${where}`;
}

/** Text from a document made safe for one terminal line: controls and bidi controls escaped, no workflow command, length bounded. */
function oneLine(text: string, max: number): string {
  const safe = terminalName(text);
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
}
