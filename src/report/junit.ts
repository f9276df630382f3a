import type { AssessmentReport, CriterionResult, Gap, PrincipleResult } from "../model/report.js";
import { markupSafe } from "./escape-markup.js";

// The Ant schema requires a timestamp (no time zone) and a hostname on every suite. A report is
// byte-identical across runs unless it records generatedAt, so the timestamp comes from that or
// is the fixed epoch, and the host is the schema's own placeholder for "unknown".
const EPOCH = "1970-01-01T00:00:00";
const HOSTNAME = "localhost";

/** Drops what XML 1.0 cannot carry at all: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}

/** Element content. CR is a reference because parsers turn a literal CR into LF. */
function escapeText(text: string): string {
  return markupSafe(xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;"));
}

/** Attribute values. Tab, LF and CR are references, or attribute normalisation turns them into spaces. */
function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

/** An xs:token value: whitespace collapsed, never empty (the schema's names need at least one character). */
function token(text: string, fallback: string): string {
  const collapsed = xmlSafe(text).replace(/\s+/g, " ").trim();
  return collapsed === "" ? fallback : collapsed;
}

function attrs(pairs: [string, string | number][]): string {
  return pairs.map(([name, value]) => ` ${name}="${escapeAttr(String(value))}"`).join("");
}

/** The generatedAt instant in the schema's zone-less form, when it is a UTC ISO date-time. */
function timestamp(generatedAt: string | undefined): string {
  const match = generatedAt?.match(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]00:?00)$/);
  return match?.[1] ?? EPOCH;
}

function where(gap: Gap | undefined): string {
  if (!gap) return "";
  const at = gap.location ? `${gap.location.file ?? "proposal"}:${gap.location.line}:${gap.location.column}` : undefined;
  const pointer = gap.pointer === "" ? undefined : gap.pointer;
  if (at && pointer) return `at ${at} (${pointer})`;
  return at ? `at ${at}` : pointer ? `at ${pointer}` : "";
}

/** The verdict element: a failure for an open gap; skipped for awaiting review, not applicable or waived. */
function outcome(c: CriterionResult, gap: Gap | undefined): string {
  if (c.status === "needs-review") return `<skipped${attrs([["message", `awaiting review: ${c.reason}`]])}/>`;
  if (c.status === "not-applicable") return `<skipped${attrs([["message", `not applicable: ${c.reason}`]])}/>`;
  if (c.status === "met") return "";
  const missing = gap?.missing ?? [c.reason];
  const body = [...missing.map((m) => `- ${m}`), where(gap), `Recommendation: ${c.recommendation}`].filter((l) => l !== "");
  // An accepted waiver means the gap must not fail a gate, so it is reported but skipped.
  if (gap?.waived) return `<skipped${attrs([["message", `waived: ${c.reason}`]])}>${escapeText(body.join("\n"))}</skipped>`;
  return `<failure${attrs([
    ["message", `${c.status.replace("-", " ")}: ${missing.join("; ")}`],
    ["type", c.severity],
  ])}>${escapeText(body.join("\n"))}</failure>`;
}

function testcase(c: CriterionResult, classname: string, gap: Gap | undefined): string {
  const head = `<testcase${attrs([
    ["name", token(`${c.id} ${c.title}`, c.id)],
    ["classname", classname],
    ["time", "0"],
  ])}`;
  const body = outcome(c, gap);
  return body === "" ? `    ${head}/>` : `    ${head}>\n      ${body}\n    </testcase>`;
}

function isFailure(c: CriterionResult, gaps: Map<string, Gap>): boolean {
  return (c.status === "not-met" || c.status === "partially-met") && !gaps.get(c.id)?.waived;
}

function suite(p: PrincipleResult, index: number, report: AssessmentReport, gaps: Map<string, Gap>, label: string): string {
  const failures = p.criteria.filter((c) => isFailure(c, gaps)).length;
  const skipped = p.criteria.filter((c) => c.status !== "met" && !isFailure(c, gaps)).length;
  // The proposal leads the class name and the suite name: over several proposals, reporters that
  // key test cases by class and name would otherwise merge one proposal's criteria into another's.
  const classname = token(`${label}.${report.framework.id}.${p.id}`, p.id);
  const properties: [string, string][] = [
    ["framework", `${report.framework.id}@${report.framework.version}`],
    ["proposal", `${report.proposal.id}@${report.proposal.version}`],
    ["rating", p.rating],
    ["score", p.score === null ? "not rated" : String(p.score)],
    ["coverage", String(p.coverage)],
  ];
  const head = attrs([
    ["name", token(`${label}: ${p.id} ${p.title}`, p.id)],
    ["tests", p.criteria.length],
    ["failures", failures],
    ["errors", 0],
    ["skipped", skipped],
    ["time", "0"],
    ["timestamp", timestamp(report.generatedAt)],
    ["hostname", HOSTNAME],
    ["id", index],
    ["package", token(report.framework.id, "senate")],
  ]);
  return [
    `  <testsuite${head}>`,
    "    <properties>",
    ...properties.map(
      ([name, value]) =>
        `      <property${attrs([
          ["name", name],
          ["value", value],
        ])}/>`,
    ),
    "    </properties>",
    ...p.criteria.map((c) => testcase(c, classname, gaps.get(c.id))),
    `    <system-out>${escapeText(`${p.ratingReason}\n${p.working.explanation}`)}</system-out>`,
    "    <system-err/>",
    "  </testsuite>",
  ].join("\n");
}

/**
 * The report as JUnit XML (the Apache Ant schema): a suite per principle and a test case per
 * criterion, so CI test dashboards show each open gap as a failure and undecided criteria as skipped.
 */
export function formatJunit(report: AssessmentReport): string {
  return formatJunitAll([report]);
}

/**
 * A JUnit document in pieces, so that a caller can write one report at a time: `head`, each report's
 * suites (from {@link formatJunitSuites}), then `tail`; joined, the document {@link formatJunitAll} writes.
 */
export const JUNIT_DOCUMENT = { head: '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n', tail: "</testsuites>\n" } as const;

/**
 * One report's suites, one per principle, with ids numbered from `firstId`; each ends with a line break.
 * `label` names the proposal in class and suite names (its id unless told otherwise, say when two
 * files share an id).
 */
export function formatJunitSuites(report: AssessmentReport, firstId: number, label = report.proposal.id): string {
  const gaps = new Map(report.gaps.map((g) => [g.criterion, g]));
  return report.principles.map((p, i) => `${suite(p, firstId + i, report, gaps, label)}\n`).join("");
}

/** Several reports (files, or frameworks) as one JUnit document: every report's suites, numbered in turn. */
export function formatJunitAll(reports: readonly AssessmentReport[]): string {
  let firstId = 0;
  const labels = junitLabels();
  const suites = reports.map((report) => {
    const text = formatJunitSuites(report, firstId, labels(report));
    firstId += report.principles.length;
    return text;
  });
  return `${JUNIT_DOCUMENT.head}${suites.join("")}${JUNIT_DOCUMENT.tail}`;
}

/**
 * Names each report's proposal uniquely within one document: its id, and for a second report with
 * the same proposal and framework (two files sharing an id), the id with its file and a count.
 */
export function junitLabels(): (report: AssessmentReport) => string {
  const seen = new Map<string, number>();
  return (report) => {
    const key = `${report.proposal.id}\u0000${report.framework.id}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? report.proposal.id : `${report.proposal.id} (${report.proposal.file ?? "input"} #${n})`;
  };
}
