import type { Criterion, Framework } from "../model/framework.js";
import { fingerprint } from "../assess/gaps.js";
import type { AssessmentReport, CriterionResult, Gap, PanelItem } from "../model/report.js";
import { safeJson } from "./escape-json.js";
import { md } from "./markdown.js";

/** Options for {@link formatSarif}. */
export interface SarifOptions {
  /** The framework the report was made with; when given, each rule's help also carries the criterion's guidance. */
  framework?: Framework;
}

const INFORMATION_URI = "https://github.com/nhs-senate/senate-principles";
const DOCS_BASE = `${INFORMATION_URI}/blob/main/docs/criteria`;
const SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const LEVELS = { critical: "error", major: "warning", minor: "note" } as const;

type Level = (typeof LEVELS)[keyof typeof LEVELS];
type Json = Record<string, unknown>;

/** Title words run together, so code scanning UIs get an identifier-like rule name. */
function ruleName(c: CriterionResult): string {
  const words = c.title.match(/[\p{L}\p{N}]+/gu) ?? [];
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return name || c.id.replace(/[^A-Za-z0-9]/g, "");
}

/** Ends text with a full stop unless it already ends a sentence, so joined parts read as prose. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) || trimmed === "" ? trimmed : `${trimmed}.`;
}

/**
 * A file path as a SARIF URI reference. Relative paths stay relative (code scanning resolves them
 * against the repository root); each segment is percent-encoded so spaces, `#` or `:` cannot break
 * the reference. Absolute paths become file URIs.
 */
function artifactUri(file: string): string {
  const path = file.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  const drive = /^[A-Za-z]:\//.test(path);
  const encoded = path
    .split("/")
    .map((segment, i) => (drive && i === 0 ? segment : encodeURIComponent(segment)))
    .join("/");
  if (drive) return `file:///${encoded}`;
  return path.startsWith("/") ? `file://${encoded}` : encoded;
}

function rule(c: CriterionResult, principle: string, frameworkId: string, criterion: Criterion | undefined): Json {
  const guidance = criterion?.guidance;
  const text = guidance ? `${c.recommendation}\n\nGuidance: ${guidance}` : c.recommendation;
  // Code scanning renders help.markdown, and framework text may come from a hostile framework file.
  const markdown = guidance ? `**Recommendation:** ${md(c.recommendation)}\n\n**Guidance:** ${md(guidance)}` : `**Recommendation:** ${md(c.recommendation)}`;
  return {
    id: c.id,
    name: ruleName(c),
    shortDescription: { text: c.title },
    fullDescription: { text: c.question },
    help: { text, markdown },
    helpUri: `${DOCS_BASE}/${encodeURIComponent(frameworkId)}.md#${c.id.toLowerCase().replace(/\./g, "")}`,
    defaultConfiguration: { level: LEVELS[c.severity] },
    properties: { tags: [...c.tags], principle, severity: c.severity, mode: c.mode },
  };
}

function guidanceById(report: AssessmentReport, framework: Framework | undefined): Map<string, Criterion> {
  // A framework of another id would attach the wrong guidance to same-named criteria.
  if (!framework || framework.id !== report.framework.id) return new Map();
  return new Map(framework.principles.flatMap((p) => p.criteria.map((c) => [c.id, c] as const)));
}

function suppression(gap: Gap, report: AssessmentReport): Json[] | undefined {
  if (!gap.waived) return undefined;
  // The gap only says it is waived; the waiver itself hangs off the criterion result.
  const waiver = report.principles.flatMap((p) => p.criteria).find((c) => c.id === gap.criterion)?.waiver;
  const justification = waiver ? `${waiver.justification} (accepted by ${waiver.approver} until ${waiver.expires})` : "accepted by a waiver";
  return [{ kind: "external", status: "accepted", justification }];
}

function location(gap: Pick<Gap, "pointer" | "location">, proposalFile: string | undefined, artifactIndex: Map<string, number>): Json {
  const file = gap.location?.file ?? proposalFile;
  const region = gap.location ? { startLine: gap.location.line, startColumn: gap.location.column } : { startLine: 1 };
  const index = file === undefined ? undefined : artifactIndex.get(file);
  const artifactLocation = file === undefined ? undefined : { uri: artifactUri(file), ...(index === undefined ? {} : { index }) };
  const physical = artifactLocation ? { physicalLocation: { artifactLocation, region } } : {};
  // The root pointer "" names the whole proposal, which a logical location adds nothing to.
  const logical = gap.pointer === "" ? {} : { logicalLocations: [{ fullyQualifiedName: gap.pointer }] };
  return { ...physical, ...logical };
}

function result(gap: Gap, report: AssessmentReport, ruleIndex: Map<string, number>, artifactIndex: Map<string, number>): Json {
  const level: Level = LEVELS[gap.severity];
  const missing = gap.missing.map(sentence).join(" ");
  const suppressions = suppression(gap, report);
  const where = location(gap, report.proposal.file, artifactIndex);
  return {
    ruleId: gap.criterion,
    ...(ruleIndex.has(gap.criterion) ? { ruleIndex: ruleIndex.get(gap.criterion) } : {}),
    level,
    message: { text: `${missing} Recommendation: ${sentence(gap.recommendation)}` },
    ...(Object.keys(where).length > 0 ? { locations: [where] } : {}),
    partialFingerprints: { "senateGap/v2": gap.fingerprint },
    ...(suppressions ? { suppressions } : {}),
    properties: { principle: gap.principle, status: gap.status, severity: gap.severity, waived: gap.waived },
  };
}

/** A criterion awaiting the panel: a note, never an error or warning, with the question to answer. */
function panelResult(item: PanelItem, report: AssessmentReport, ruleIndex: Map<string, number>, artifactIndex: Map<string, number>): Json {
  const first = item.offers[0];
  const where = location({ pointer: first?.pointer ?? "", ...(first?.location ? { location: first.location } : {}) }, report.proposal.file, artifactIndex);
  return {
    ruleId: item.criterion,
    ...(ruleIndex.has(item.criterion) ? { ruleIndex: ruleIndex.get(item.criterion) } : {}),
    level: "note",
    kind: "review",
    message: { text: `For the panel: ${sentence(item.question)}` },
    ...(Object.keys(where).length > 0 ? { locations: [where] } : {}),
    partialFingerprints: { "senatePanel/v1": fingerprint(item.criterion, "", ["for-panel"]) },
    properties: { principle: item.principle, status: "needs-review", severity: item.severity },
  };
}

/** The input files, so results can refer to them by index and consumers can check the hashes. */
function artifacts(report: AssessmentReport): Json[] {
  return report.inputs.flatMap(({ role, file, sha256 }) =>
    file === undefined
      ? []
      : [
          {
            location: { uri: artifactUri(file) },
            roles: [role === "proposal" ? "analysisTarget" : "userSpecifiedConfiguration"],
            hashes: { "sha-256": sha256 },
            properties: { role },
          },
        ],
  );
}

/**
 * The report as SARIF 2.1.0 for code scanning: one rule per criterion, one result per gap, with
 * a stable `senateGap/v2` fingerprint (codes and values, not wording) so a gap keeps its identity across runs and waived gaps
 * arrive suppressed rather than missing.
 */
export function formatSarif(report: AssessmentReport, options: SarifOptions = {}): string {
  return formatSarifAll([report], options.framework ? [options.framework] : []);
}

/**
 * A SARIF log in pieces, so that a caller can write one run at a time: `head`, the runs (from
 * {@link formatSarifRun}) separated by `separator`, then `tail`. Joined, they are the log
 * {@link formatSarifAll} writes, byte for byte.
 */
export const SARIF_LOG = {
  head: `{\n  "$schema": ${JSON.stringify(SCHEMA_URI)},\n  "version": "2.1.0",\n  "runs": [\n    `,
  separator: ",\n    ",
  tail: "\n  ]\n}\n",
} as const;

/** One report as a run of a SARIF log, indented to sit in the log's `runs` array. */
export function formatSarifRun(report: AssessmentReport, framework?: Framework): string {
  // JSON escapes line breaks inside strings (safeJson the hidden ones too), so every line break here is structure.
  return safeJson(sarifRun(report, framework ? { framework } : {}), 2).replace(/\n/g, "\n    ");
}

/** Several reports (files, or frameworks) as one SARIF log: one run per report. */
export function formatSarifAll(reports: readonly AssessmentReport[], frameworks: readonly Framework[] = []): string {
  if (reports.length === 0) return `${safeJson({ $schema: SCHEMA_URI, version: "2.1.0", runs: [] }, 2)}\n`;
  const runs = reports.map((r) =>
    formatSarifRun(
      r,
      frameworks.find((f) => f.id === r.framework.id),
    ),
  );
  return `${SARIF_LOG.head}${runs.join(SARIF_LOG.separator)}${SARIF_LOG.tail}`;
}

function sarifRun(report: AssessmentReport, options: SarifOptions): Record<string, unknown> {
  const byId = guidanceById(report, options.framework);
  const criteria = report.principles.flatMap((p) => p.criteria.map((c) => ({ c, principle: p.id })));
  const rules = criteria.map(({ c, principle }) => rule(c, principle, report.framework.id, byId.get(c.id)));
  const ruleIndex = new Map(criteria.map(({ c }, i) => [c.id, i]));
  const files = artifacts(report);
  const withFiles = report.inputs.flatMap((i) => (i.file === undefined ? [] : [i.file]));
  // Reversed so that, should one file be given twice, the first listing wins.
  const artifactIndex = new Map(withFiles.map((file, i) => [file, i] as const).reverse());
  const { rating, score, coverage, provisional } = report.summary;
  const run = {
    tool: { driver: { name: report.tool.name, version: report.tool.version, informationUri: INFORMATION_URI, rules } },
    ...(files.length > 0 ? { artifacts: files } : {}),
    results: [
      ...report.gaps.map((gap) => result(gap, report, ruleIndex, artifactIndex)),
      ...report.forPanel.map((item) => panelResult(item, report, ruleIndex, artifactIndex)),
    ],
    columnKind: "utf16CodeUnits",
    properties: {
      rating,
      score,
      coverage,
      provisional,
      awaitingReview: report.summary.awaitingReview,
      readiness: report.summary.readiness.verdict,
      framework: { id: report.framework.id, version: report.framework.version, sha256: report.framework.sha256 },
      proposal: { id: report.proposal.id, version: report.proposal.version, stage: report.proposal.stage },
    },
  };
  return run;
}
