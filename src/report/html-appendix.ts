import type { AssessmentReport } from "../model/report.js";
import { esc, statusTag, summaryList, table } from "./html-parts.js";

function section(id: string, title: string, body: string): string {
  return `<section class="card" id="${id}" aria-labelledby="${id}-heading">\n<h2 id="${id}-heading">${esc(title)}</h2>\n${body}\n</section>`;
}

/** Waivers supplied with the proposal, whether each was applied, and who approved it. */
export function waiversSection(report: AssessmentReport): string {
  if (report.waivers.length === 0) return section("waivers", "Waivers", "<p>No waivers were supplied.</p>");
  const rows = report.waivers.map(({ waiver, applied, note }) => [
    esc(waiver.criterion),
    esc(waiver.kind === "accepted" ? "Gap accepted" : "Not applicable"),
    waiver.pointer ? `<code>${esc(waiver.pointer)}</code>` : "Whole criterion",
    esc(waiver.justification),
    esc(waiver.approver),
    esc(waiver.expires),
    `<strong>${applied ? "Applied" : "Not applied"}</strong><br><span class="muted small">${esc(note)}</span>`,
  ]);
  const headers = ["Criterion", "Kind", "Scope", "Justification", "Approver", "Expires", "Applied"];
  const warnings = (report.warnings ?? []).map((w) => `<p role="note"><strong>Warning:</strong> ${esc(w.message)}</p>`);
  return section("waivers", "Waivers", [...warnings, table(`Waivers supplied (${report.waivers.length})`, headers, rows)].join("\n"));
}

/** Where a reviewer rated better than the machine checks found; an automatic+review criterion stays capped by its checks. */
export function disagreementsSection(report: AssessmentReport): string {
  const title = "Reviewer disagreements";
  if (report.disagreements.length === 0) {
    return section("disagreements", title, "<p>No reviewer judgement disagrees with the machine checks.</p>");
  }
  const rows = report.disagreements.map((d) => [esc(d.criterion), esc(d.reviewer), statusTag(d.reviewerRating), statusTag(d.machineStatus), esc(d.message)]);
  const intro =
    "<p>The reviewer's judgement decides the criterion's status, except that a criterion whose checks are a gate stays at what the checks found while they fail; the checks' finding is shown so that the panel can look again.</p>";
  const headers = ["Criterion", "Reviewer", "Reviewer's rating", "Checks found", "Detail"];
  return section("disagreements", title, `${intro}\n${table(`Disagreements (${report.disagreements.length})`, headers, rows)}`);
}

const ROLE: Record<string, string> = { proposal: "Proposal", framework: "Framework", reviews: "Reviews", waivers: "Waivers" };

/** What produced this report: tool, framework, thresholds and the hash of every input. */
export function provenanceSection(report: AssessmentReport): string {
  const fw = report.framework;
  const facts = summaryList([
    ["Tool", esc(`${report.tool.name} ${report.tool.version}`)],
    ["Report schema version", esc(report.schemaVersion)],
    ["Framework", `${esc(fw.title)}<br><span class="muted small">${esc(fw.publisher)}</span>`],
    ["Framework id and version", `<code>${esc(fw.id)}</code> version ${esc(fw.version)}`],
    ["Framework SHA-256", `<code class="hash">${esc(fw.sha256)}</code>`],
    ...(fw.basedOn === undefined
      ? []
      : [
          [
            "Tailored from",
            `<code>${esc(fw.basedOn.id)}</code> version ${esc(fw.basedOn.version)}, SHA-256 <code class="hash">${esc(fw.basedOn.sha256)}</code>`,
          ] as [string, string],
        ]),
    ["Thresholds", esc(`green from ${Math.round(fw.thresholds.green * 100)}%, amber from ${Math.round(fw.thresholds.amber * 100)}%, red below`)],
    ...(report.generatedAt === undefined ? [] : [["Generated at", esc(report.generatedAt)] as [string, string]]),
  ]);
  const rows = report.inputs.map((input) => [
    esc(ROLE[input.role] ?? input.role),
    input.file === undefined
      ? `<span class="muted">${input.role === "framework" ? "Built in (no file)" : "Given in memory (no file)"}</span>`
      : `<code>${esc(input.file)}</code>`,
    `<code class="hash">${esc(input.sha256)}</code>`,
  ]);
  return section("provenance", "Provenance", `${facts}\n${table("Input files", ["Role", "File", "SHA-256"], rows)}`);
}
