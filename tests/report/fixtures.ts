import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Result } from "../../src/model/issue.js";
import { AssessmentReport } from "../../src/model/report.js";
import { assessFile } from "../../src/node/files.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXAMPLES = join(ROOT, "examples");
const NOW = new Date("2026-01-01T00:00:00Z");

/** Every example proposal (YAML and Markdown), not its companion reviews or waivers files. */
export const EXAMPLE_NAMES = readdirSync(EXAMPLES)
  .filter((f) => /\.(ya?ml|md)$/.test(f) && !/\.(reviews|waivers)\.ya?ml$/.test(f))
  .sort();

/** Paths as the CLI would see them when run from the repository root: relative, forward slashes. */
function repoPath(absolute: string): string {
  return relative(process.cwd(), absolute).replace(/\\/g, "/");
}

/** Assesses an example with its `<name>.reviews.yaml` and `<name>.waivers.yaml` when they exist. */
export function assessExample(name: string): Result<AssessmentReport> {
  const base = join(EXAMPLES, name.replace(/\.(ya?ml|md)$/, ""));
  const companion = (kind: string) => (existsSync(`${base}.${kind}.yaml`) ? repoPath(`${base}.${kind}.yaml`) : undefined);
  const reviews = companion("reviews");
  const waivers = companion("waivers");
  return assessFile(repoPath(join(EXAMPLES, name)), {
    now: NOW,
    ...(reviews ? { reviews } : {}),
    ...(waivers ? { waivers } : {}),
  });
}

/** The report for an example, throwing with the issues when it does not assess, so the failure says why. */
export function exampleReport(name: string): AssessmentReport {
  const result = assessExample(name);
  if (!result.ok) throw new Error(`${name} did not assess: ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** Text that breaks naive escaping in every output format. */
export const HOSTILE =
  `Say "yes" & 'no' <b>bold</b> ]]> 100% done, a:b c::d\r\nnext line\n::error::injected` +
  ` \u0000\u0001\u0008\u000B\u000C\u001F\u007F \uFFFE\uFFFF lone\uD800surrogate 🏥 café | *x* _y_ \`z\` [l](u) \\ ` +
  `${"very long ".repeat(1500)}end`;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters to show are the point
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as the formats a person reads show it: each control, bidi control or line separator (tab and
 * line breaks aside) as a visible `\uXXXX` escape, so it can neither drive a terminal nor reorder a line.
 */
export function shown(text: string): string {
  return text.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A proposal path with a space, comma, colon, quote, ampersand, percent sign and hash. */
export const HOSTILE_FILE = 'plans/North, East: "A&B" 100%/plan #1.yaml';

function hostileCriteria(report: AssessmentReport): void {
  for (const principle of report.principles) {
    principle.title = `${principle.title} ${HOSTILE}`;
    principle.ratingReason = HOSTILE;
    for (const c of principle.criteria) {
      c.title = `${c.title} — ${HOSTILE}`;
      c.question = HOSTILE;
      c.reason = HOSTILE;
      c.recommendation = HOSTILE;
      if (c.waiver) c.waiver = { ...c.waiver, justification: HOSTILE, approver: HOSTILE };
    }
  }
}

/**
 * A real report (outpatient-virtual, which has every kind of gap and a waiver) with hostile text in
 * every string a format writes out. It still satisfies the report model.
 */
export function hostileReport(): AssessmentReport {
  const report = structuredClone(exampleReport("outpatient-virtual.yaml"));
  hostileCriteria(report);
  report.generatedAt = "2026-01-01T12:34:56.789Z";
  report.proposal = { ...report.proposal, id: "P,1:2%3", title: HOSTILE, file: HOSTILE_FILE };
  report.inputs = report.inputs.map((i) => (i.role === "proposal" ? { ...i, file: HOSTILE_FILE } : i));
  report.summary.ratingReason = HOSTILE;
  for (const gap of report.gaps) {
    gap.title = `${gap.title} — ${HOSTILE}`;
    gap.missing = [HOSTILE, "second, with: colon"];
    gap.recommendation = HOSTILE;
    if (gap.location) gap.location = { ...gap.location, file: HOSTILE_FILE };
  }
  return AssessmentReport.parse(report);
}

/** The criterion results of a report, in report order. */
export function criteriaOf(report: AssessmentReport) {
  return report.principles.flatMap((p) => p.criteria.map((c) => ({ ...c, principle: p.id })));
}
