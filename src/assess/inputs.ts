import { type Framework, successorHint } from "../model/framework.js";
import type { Issue } from "../model/issue.js";
import type { ReportWarning } from "../model/report.js";
import type { Review, Reviews } from "../model/reviews.js";
import type { Sourced } from "../model/sourced.js";
import type { Waiver, Waivers } from "../model/waivers.js";
import type { Locator } from "../source/positions.js";
import { reviewAnswerIssues, waiverAnswerIssues } from "./input-answers.js";

export type { Sourced } from "../model/sourced.js";

function located(issue: Omit<Issue, "file">, doc: Sourced<unknown>): Issue {
  return { ...issue, ...(doc.file === undefined ? {} : { file: doc.file }), ...(doc.locate?.(issue.pointer) ?? {}) };
}

function criterionIds(framework: Framework): Set<string> {
  return new Set(framework.principles.flatMap((p) => p.criteria.map((c) => c.id)));
}

function frameworkMatches(doc: Sourced<{ framework: string }>, framework: Framework): Issue[] {
  // Reviews and waivers written for a base framework carry over to a framework tailored from it.
  if (doc.value.framework === framework.id || doc.value.framework === framework.basedOn?.id) return [];
  return [
    located(
      { code: "wrong_framework", message: `written for framework "${doc.value.framework}", but the assessment uses "${framework.id}"`, pointer: "/framework" },
      doc,
    ),
  ];
}

/**
 * Indexes reviews by criterion. An unknown criterion, two reviews of one, a rationale or reviewer that
 * is a non-answer, and a review dated after the assessment (`now`) are issues.
 */
export function resolveReviews(
  doc: Sourced<Reviews> | undefined,
  framework: Framework,
  proposalId: string,
  now: Date,
): { byCriterion: Map<string, Review>; issues: Issue[] } {
  const byCriterion = new Map<string, Review>();
  if (!doc) return { byCriterion, issues: [] };
  const known = criterionIds(framework);
  const issues = frameworkMatches(doc, framework);
  if (doc.value.proposal !== undefined && doc.value.proposal !== proposalId) {
    issues.push(
      located(
        { code: "wrong_proposal", message: `written for proposal "${doc.value.proposal}", but the proposal assessed is "${proposalId}"`, pointer: "/proposal" },
        doc,
      ),
    );
  }
  const today = now.toISOString().slice(0, 10);
  doc.value.reviews.forEach((review, i) => {
    const pointer = `/reviews/${i}/criterion`;
    if (!known.has(review.criterion))
      issues.push(
        located(
          {
            code: "unknown_criterion",
            message: `criterion ${review.criterion} is not in ${framework.id}${successorHint(framework, review.criterion)}`,
            pointer,
          },
          doc,
        ),
      );
    else if (byCriterion.has(review.criterion))
      issues.push(located({ code: "duplicate_id", message: `criterion ${review.criterion} is reviewed twice; keep one judgement`, pointer }, doc));
    else byCriterion.set(review.criterion, review);
    for (const issue of reviewAnswerIssues(review, `/reviews/${i}`, today)) issues.push(located(issue, doc));
  });
  return { byCriterion, issues };
}

const DAY = 86_400_000;

/** The instant a waiver expires: a bare date means the end of that day, UTC. */
export function expiryOf(waiver: Waiver): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(waiver.expires) ? Date.parse(`${waiver.expires}T23:59:59.999Z`) : Date.parse(waiver.expires);
}

/**
 * Indexes waivers by criterion; unknown criteria, expired waivers, and a justification or approver that
 * is a non-answer are issues, never ignored.
 */
export function resolveWaivers(doc: Sourced<Waivers> | undefined, framework: Framework, now: Date): { byCriterion: Map<string, Waiver>; issues: Issue[] } {
  const byCriterion = new Map<string, Waiver>();
  if (!doc) return { byCriterion, issues: [] };
  const known = criterionIds(framework);
  const issues = frameworkMatches(doc, framework);
  doc.value.waivers.forEach((waiver, i) => {
    const at = `/waivers/${i}`;
    if (!known.has(waiver.criterion))
      issues.push(
        located(
          {
            code: "unknown_criterion",
            message: `waiver names criterion ${waiver.criterion}, which is not in ${framework.id}${successorHint(framework, waiver.criterion)}`,
            pointer: `${at}/criterion`,
          },
          doc,
        ),
      );
    else if (expiryOf(waiver) < now.getTime())
      issues.push(
        located(
          {
            code: "waiver_expired",
            message: `waiver for ${waiver.criterion} expired on ${waiver.expires}: renew it with its approver or remove it`,
            pointer: `${at}/expires`,
          },
          doc,
        ),
      );
    else if (byCriterion.has(waiver.criterion))
      issues.push(located({ code: "duplicate_id", message: `criterion ${waiver.criterion} has two waivers; keep one`, pointer: `${at}/criterion` }, doc));
    else byCriterion.set(waiver.criterion, waiver);
    for (const issue of waiverAnswerIssues(waiver, at)) issues.push(located(issue, doc));
  });
  return { byCriterion, issues };
}

/**
 * A warning for each waiver that expires within `days` of `now`, so a gate that will break when it
 * expires says so beforehand. Expired waivers are errors (resolveWaivers), never warnings.
 */
export function waiverWarnings(doc: Sourced<Pick<Waivers, "waivers">> | undefined, now: Date, days: number): ReportWarning[] {
  if (!doc) return [];
  return doc.value.waivers.flatMap((waiver, i): ReportWarning[] => {
    const left = expiryOf(waiver) - now.getTime();
    const daysLeft = Math.floor(left / DAY);
    if (left < 0 || daysLeft > days) return [];
    const pointer = `/waivers/${i}/expires`;
    const at = doc.locate?.(pointer);
    const when = daysLeft === 0 ? "today" : `in ${daysLeft} ${daysLeft === 1 ? "day" : "days"}`;
    return [
      {
        code: "waiver_expiring",
        criterion: waiver.criterion,
        expires: waiver.expires,
        daysLeft,
        message: `waiver for ${waiver.criterion} expires on ${waiver.expires}, ${when}: renew it with its approver or close the gap before then`,
        pointer,
        ...(at ? { location: { ...(doc.file === undefined ? {} : { file: doc.file }), line: at.line, column: at.column } } : {}),
      },
    ];
  });
}
