import pkg from "../../package.json" with { type: "json" };
import { fingerprint } from "../assess/gaps.js";
import { BUILTIN_FRAMEWORKS } from "../framework/builtin.js";
import type { Criterion, Framework } from "../model/framework.js";
import type { AssessmentReport, Gap, PanelItem, ReportWarning } from "../model/report.js";
import { md } from "./markdown.js";

// The pieces of a SARIF log: rules, results and their locations. sarif.ts puts them into runs that
// GitHub code scanning accepts.

/** The project's public address, from package.json's `repository` (`git+https://…/x.git` becomes `https://…/x`). */
export const PROJECT_URI = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
/** Where the pages of criteria are published: `docs/criteria/<framework>.md`, written by `npm run generate`. */
export const CRITERIA_DOCS = `${PROJECT_URI}/blob/main/docs/criteria`;
const LEVELS = { critical: "error", major: "warning", minor: "note" } as const;
/** GitHub stores 10 tags per rule (and refuses more than 20). */
const MAX_TAGS = 10;

/** A SARIF result level. */
export type Level = (typeof LEVELS)[keyof typeof LEVELS];
/** A JSON object of the log. */
export type Json = Record<string, unknown>;

/** What a rule is made from: a framework's criterion, or a report's criterion result. */
export type RuleSource = Pick<Criterion, "id" | "title" | "question" | "severity" | "mode" | "recommendation" | "tags"> & { guidance?: string };

/**
 * The anchor of a criterion on its page: the page's heading for it is the id alone, which GitHub
 * turns into the id in lower case without its dots (`LDN-3.1` becomes `ldn-31`).
 */
export function criterionAnchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9_ -]/g, "");
}

/** A criterion's help page, for the built-in frameworks (the only ones with a published page). */
export function criterionHelpUri(frameworkId: string, criterionId: string, basedOn?: string): string | undefined {
  const page = Object.hasOwn(BUILTIN_FRAMEWORKS, frameworkId) ? frameworkId : basedOn !== undefined && inBuiltin(basedOn, criterionId) ? basedOn : undefined;
  if (page === undefined) return undefined;
  return `${CRITERIA_DOCS}/${encodeURIComponent(page)}.md#${criterionAnchor(criterionId)}`;
}

/**
 * A criterion a tailored framework inherits from a built-in one is documented on the built-in's page
 * (its meaning cannot change under the same id); a criterion the tailoring added has no page.
 */
function inBuiltin(frameworkId: string, criterionId: string): boolean {
  if (!Object.hasOwn(BUILTIN_FRAMEWORKS, frameworkId)) return false;
  const framework = BUILTIN_FRAMEWORKS[frameworkId as keyof typeof BUILTIN_FRAMEWORKS];
  return framework.principles.some((p) => p.criteria.some((c) => c.id === criterionId));
}

/** Title words run together, so code scanning UIs get an identifier-like rule name. */
function ruleName(c: RuleSource): string {
  const words = c.title.match(/[\p{L}\p{N}]+/gu) ?? [];
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return name || c.id.replace(/[^A-Za-z0-9]/g, "");
}

/** Ends text with a full stop unless it already ends a sentence, so joined parts read as prose. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) || trimmed === "" ? trimmed : `${trimmed}.`;
}

/**
 * A path as a SARIF URI reference. `file` is already relative to the repository root where it can
 * be (code scanning resolves relative references against the root); each segment is
 * percent-encoded so spaces, `#` or `:` cannot break the reference. Absolute paths become file URIs.
 */
export function artifactUri(file: string): string {
  const path = file.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  const drive = /^[A-Za-z]:\//.test(path);
  const encoded = path
    .split("/")
    .map((segment, i) => (drive && i === 0 ? segment : encodeURIComponent(segment)))
    .join("/");
  if (drive) return `file:///${encoded}`;
  return path.startsWith("/") ? `file://${encoded}` : encoded;
}

/** One rule per criterion. Framework text may come from a hostile file, and code scanning renders help.markdown. */
export function rule(c: RuleSource, principle: string, frameworkId: string, basedOn?: string): Json {
  const guidance = c.guidance;
  const text = guidance ? `${c.recommendation}\n\nGuidance: ${guidance}` : c.recommendation;
  const markdown = guidance ? `**Recommendation:** ${md(c.recommendation)}\n\n**Guidance:** ${md(guidance)}` : `**Recommendation:** ${md(c.recommendation)}`;
  const helpUri = criterionHelpUri(frameworkId, c.id, basedOn);
  return {
    id: c.id,
    name: ruleName(c),
    shortDescription: { text: c.title },
    fullDescription: { text: c.question },
    help: { text, markdown },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVELS[c.severity] },
    properties: { tags: c.tags.slice(0, MAX_TAGS), principle, severity: c.severity, mode: c.mode },
  };
}

/**
 * The rules of a run: the report's criteria, with the guidance of its framework when given (and of
 * the same id), or the framework's criteria when no report has come.
 */
export function rulesOf(report: AssessmentReport | undefined, framework: Framework | undefined): { source: RuleSource; principle: string }[] {
  const criteria = framework?.principles.flatMap((p) => p.criteria.map((source) => ({ source, principle: p.id }))) ?? [];
  if (!report) return criteria;
  // A framework of another id would attach the wrong guidance to same-named criteria.
  const guidance = new Map(framework?.id === report.framework.id ? criteria.map(({ source }) => [source.id, source.guidance]) : []);
  return report.principles.flatMap((p) =>
    p.criteria.map((c) => {
      const g = guidance.get(c.id);
      return { source: g === undefined ? c : { ...c, guidance: g }, principle: p.id };
    }),
  );
}

function suppression(gap: Gap, report: AssessmentReport): Json[] | undefined {
  if (!gap.waived) return undefined;
  // The gap only says it is waived; the waiver itself hangs off the criterion result.
  const waiver = report.principles.flatMap((p) => p.criteria).find((c) => c.id === gap.criterion)?.waiver;
  const justification = waiver ? `${waiver.justification} (accepted by ${waiver.approver} until ${waiver.expires})` : "accepted by a waiver";
  return [{ kind: "external", status: "accepted", justification }];
}

/** Where a result is: the file (as a URI, with its artifact index when listed) and region, and the pointer. */
export interface Place {
  uri(file: string): string;
  index(uri: string): number | undefined;
}

/** A result's location: a physical one when the file is known, and the JSON pointer as a logical one. */
export function location(at: Pick<Gap, "pointer" | "location">, proposalFile: string | undefined, place: Place): Json {
  const file = at.location?.file ?? proposalFile;
  const region = at.location ? { startLine: at.location.line, startColumn: at.location.column } : { startLine: 1 };
  const uri = file === undefined ? undefined : place.uri(file);
  const index = uri === undefined ? undefined : place.index(uri);
  const physical = uri === undefined ? {} : { physicalLocation: { artifactLocation: { uri, ...(index === undefined ? {} : { index }) }, region } };
  // The root pointer "" names the whole proposal, which a logical location adds nothing to.
  const logical = at.pointer === "" ? {} : { logicalLocations: [{ fullyQualifiedName: at.pointer }] };
  return { ...physical, ...logical };
}

/** A gap as a result; `isNew` says it is not in the baseline (`baselineState` is only set with a baseline). */
export function gapResult(gap: Gap, report: AssessmentReport, ruleIndex: Map<string, number>, place: Place, isNew?: boolean): Json {
  const missing = gap.missing.map(sentence).join(" ");
  const suppressions = suppression(gap, report);
  const where = location(gap, report.proposal.file, place);
  return {
    ruleId: gap.criterion,
    ...(ruleIndex.has(gap.criterion) ? { ruleIndex: ruleIndex.get(gap.criterion) } : {}),
    level: LEVELS[gap.severity],
    message: { text: `${isNew ? "New: " : ""}${missing} Recommendation: ${sentence(gap.recommendation)}` },
    ...(Object.keys(where).length > 0 ? { locations: [where] } : {}),
    // Unchanged since 0.1, so alerts keep their identity; code scanning tells the same gap in two
    // proposals apart by the file it is in.
    partialFingerprints: { "senateGap/v2": gap.fingerprint },
    ...(isNew === undefined ? {} : { baselineState: isNew ? "new" : "unchanged" }),
    ...(suppressions ? { suppressions } : {}),
    properties: { proposal: report.proposal.id, principle: gap.principle, status: gap.status, severity: gap.severity, waived: gap.waived },
  };
}

/** A criterion awaiting the panel: a note, never an error or warning, with the question to answer. */
export function panelResult(item: PanelItem, report: AssessmentReport, ruleIndex: Map<string, number>, place: Place): Json {
  const first = item.offers[0];
  const where = location({ pointer: first?.pointer ?? "", ...(first?.location ? { location: first.location } : {}) }, report.proposal.file, place);
  return {
    ruleId: item.criterion,
    ...(ruleIndex.has(item.criterion) ? { ruleIndex: ruleIndex.get(item.criterion) } : {}),
    level: "note",
    kind: "review",
    message: { text: `For the panel: ${sentence(item.question)}` },
    ...(Object.keys(where).length > 0 ? { locations: [where] } : {}),
    partialFingerprints: { "senatePanel/v1": fingerprint(item.criterion, "", ["for-panel"]) },
    properties: { proposal: report.proposal.id, principle: item.principle, status: "needs-review", severity: item.severity },
  };
}

/** A waiver about to expire: a note on the waivers file, so code scanning shows it before the gate breaks. */
export function warningResult(w: ReportWarning, report: AssessmentReport, ruleIndex: Map<string, number>, place: Place): Json {
  const where = location({ pointer: w.pointer, ...(w.location ? { location: w.location } : {}) }, undefined, place);
  return {
    ruleId: w.criterion,
    ...(ruleIndex.has(w.criterion) ? { ruleIndex: ruleIndex.get(w.criterion) } : {}),
    level: "note",
    message: { text: sentence(w.message) },
    ...(Object.keys(where).length > 0 ? { locations: [where] } : {}),
    partialFingerprints: { "senateWarning/v1": fingerprint(w.criterion, w.pointer, [w.code, w.expires]) },
    properties: { proposal: report.proposal.id, warning: w.code, expires: w.expires, daysLeft: w.daysLeft },
  };
}
