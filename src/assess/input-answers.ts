import { nonAnswerLabel } from "../checks/messages.js";
import { findNonAnswer, quote } from "../checks/non-answer.js";
import type { Issue } from "../model/issue.js";
import type { Review } from "../model/reviews.js";
import type { Waiver } from "../model/waivers.js";

/** An issue before it is located in its file. */
type Unlocated = Omit<Issue, "file">;

/**
 * What each field of a review or waiver must say, so that an error can tell its author what to write.
 * A judgement or a waiver is only as good as the words that justify it and the person who owns it:
 * "TBC" as a waiver's justification would otherwise turn an unreviewed proposal green.
 */
const REVIEW_FIELDS = {
  rationale: "write what the reviewer found in the proposal that supports the rating",
  reviewer: "name the panel member who made the judgement",
} as const;

const WAIVER_FIELDS = {
  justification: "write why the criterion does not apply, or why the gap is an accepted risk, as the approver agreed it",
  approver: "name the person or board who approved the waiver",
} as const;

function screen(what: string, value: string, pointer: string, instead: string): Unlocated[] {
  const found = findNonAnswer(value);
  if (!found) return [];
  const field = pointer.slice(pointer.lastIndexOf("/") + 1);
  const label = nonAnswerLabel(found.kind);
  const article = /^[aeiou]/.test(label) ? "an" : "a";
  return [{ code: "non_answer", message: `${what} gives ${article} ${label}, '${quote(value)}', as its ${field}: ${instead}`, pointer }];
}

/** Non-answers in a review's rationale and reviewer, and a date after the assessment's. */
export function reviewAnswerIssues(review: Review, at: string, today: string): Unlocated[] {
  const what = `the review of ${review.criterion}`;
  const issues = (Object.keys(REVIEW_FIELDS) as (keyof typeof REVIEW_FIELDS)[]).flatMap((field) =>
    screen(what, review[field], `${at}/${field}`, REVIEW_FIELDS[field]),
  );
  if (review.date > today) {
    issues.push({
      code: "review_after_assessment",
      message: `${what} is dated ${review.date}, after the assessment date ${today}: a judgement cannot postdate the assessment; correct the date, or assess on or after it (--now)`,
      pointer: `${at}/date`,
    });
  }
  return issues;
}

/** Non-answers in a waiver's justification and approver. */
export function waiverAnswerIssues(waiver: Waiver, at: string): Unlocated[] {
  const what = `the waiver for ${waiver.criterion}`;
  return (Object.keys(WAIVER_FIELDS) as (keyof typeof WAIVER_FIELDS)[]).flatMap((field) => screen(what, waiver[field], `${at}/${field}`, WAIVER_FIELDS[field]));
}
