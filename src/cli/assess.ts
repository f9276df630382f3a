import { appendFileSync } from "node:fs";
import { assess } from "../assess/assess.js";
import type { Sourced } from "../assess/inputs.js";
import { formatIssue, type Issue } from "../model/issue.js";
import type { AssessmentReport, Rating } from "../model/report.js";
import type { Reviews } from "../model/reviews.js";
import type { Waivers } from "../model/waivers.js";
import { resolveFramework } from "../node/files.js";
import { parseReviews, parseWaivers } from "../proposal/documents.js";
import { parseProposal } from "../proposal/parse.js";
import { FORMATS, formatReport } from "../report/format.js";
import { formatGithubSummary } from "../report/github.js";
import { readInput, writeOutput } from "./io.js";
import { type CommandResult, oneOf, parse } from "./parse-args.js";

export const ASSESS_HELP = `Usage: senate assess <files...> [options]

Assesses proposal documents against a framework and prints a report with every gap.

Options:
  --framework <id|file>   built-in framework id or framework file (default: london-2020)
  --reviews <file>        a panel's judgements per criterion (YAML or JSON)
  --waivers <file>        criteria waived as not applicable, or gaps accepted
  --format <name>         ${FORMATS.join(", ")} (default: text); github also appends
                          a job summary to $GITHUB_STEP_SUMMARY when it is set
  --output <file>         write the report here (atomically) instead of standard output
  --fail-on <level>       red, amber or never (default: red): exit 1 at or below this rating
  --min-coverage <0..1>   a rating is at most amber below this share of decided weight
  --green <0..1>          override the framework's green threshold
  --amber <0..1>          override the framework's amber threshold
  --timestamp             record the time in the report (reports are otherwise byte-identical)

Use - as a file to read standard input.
Exit codes: 0 passed the gate; 1 a rating is at or below --fail-on; 2 bad input or usage.

Example:
  senate assess examples/stroke-hasu.yaml --reviews examples/stroke-hasu.reviews.yaml --format markdown`;

const OPTIONS = {
  framework: { type: "string" },
  reviews: { type: "string" },
  waivers: { type: "string" },
  format: { type: "string" },
  output: { type: "string" },
  "fail-on": { type: "string" },
  "min-coverage": { type: "string" },
  green: { type: "string" },
  amber: { type: "string" },
  timestamp: { type: "boolean" },
} as const;

function share(value: string | undefined, name: string, issues: string[]): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) issues.push(`senate assess: --${name} must be a number from 0 to 1; got "${value}"`);
  return n;
}

function companion<T>(
  path: string | undefined,
  parse: (text: string, o: { filename: string }) => { ok: true; value: Sourced<T> } | { ok: false; issues: Issue[] },
  issues: Issue[],
): Sourced<T> | undefined {
  if (path === undefined) return undefined;
  const text = readInput(path);
  const parsed = text.ok ? parse(text.value, { filename: path }) : text;
  if (!parsed.ok) issues.push(...parsed.issues);
  return parsed.ok ? parsed.value : undefined;
}

const FAILS: Record<"red" | "amber" | "never", Rating[]> = { red: ["red"], amber: ["red", "amber", "not-rated"], never: [] };

/** `senate assess`: assesses each file, prints the reports, exits on the worst rating. */
export function assessCommand(argv: string[], env: { isTTY: boolean; noColor: boolean; now: Date; stepSummary?: string | undefined }): CommandResult {
  const { values, positionals } = parse(argv, OPTIONS, ASSESS_HELP);
  if (positionals.length === 0) return { code: 2, stderr: `senate assess: name at least one proposal file\n\n${ASSESS_HELP}\n` };
  const format = oneOf(values.format, FORMATS, "format", "text");
  const failOn = oneOf(values["fail-on"], ["red", "amber", "never"] as const, "fail-on", "red");
  const usage: string[] = [];
  const thresholds = {
    ...(values["min-coverage"] === undefined ? {} : { minCoverage: share(values["min-coverage"], "min-coverage", usage) as number }),
    ...(values.green === undefined ? {} : { green: share(values.green, "green", usage) as number }),
    ...(values.amber === undefined ? {} : { amber: share(values.amber, "amber", usage) as number }),
  };
  if (usage.length > 0) return { code: 2, stderr: `${usage.join("\n")}\n` };

  const issues: Issue[] = [];
  const framework = resolveFramework(values.framework ?? "london-2020");
  if (!framework.ok) issues.push(...framework.issues);
  const reviews = companion<Reviews>(values.reviews, parseReviews, issues);
  const waivers = companion<Waivers>(values.waivers, parseWaivers, issues);
  const reports: AssessmentReport[] = [];
  for (const file of positionals) {
    const text = readInput(file);
    const proposal = text.ok ? parseProposal(text.value, { filename: file === "-" ? "<stdin>" : file }) : text;
    if (!proposal.ok) {
      issues.push(...proposal.issues);
      continue;
    }
    if (!framework.ok) continue;
    const report = assess(proposal.value, framework.value, {
      now: env.now,
      thresholds,
      ...(reviews ? { reviews } : {}),
      ...(waivers ? { waivers } : {}),
      ...(values.timestamp ? { generatedAt: env.now.toISOString() } : {}),
    });
    if (report.ok) reports.push(report.value);
    else issues.push(...report.issues);
  }
  if (issues.length > 0) return { code: 2, stderr: `${dedupe(issues.map(formatIssue)).join("\n")}\n` };

  const color = format === "text" && env.isTTY && !env.noColor && values.output === undefined;
  const body =
    format === "json" && reports.length > 1
      ? `${JSON.stringify(reports, null, 2)}\n`
      : reports
          .map((r) => formatReport(r, format, { color, ...(framework.ok ? { framework: framework.value.framework } : {}) }))
          .join(format === "text" ? "\n" : "");
  const inputs = [...positionals, values.reviews, values.waivers, values.framework].filter((p): p is string => p !== undefined);
  if (values.output !== undefined) writeOutput(values.output, body, inputs);
  if (format === "github" && env.stepSummary) appendFileSync(env.stepSummary, reports.map(formatGithubSummary).join("\n"));
  const failed = reports.some((r) => FAILS[failOn].includes(r.summary.rating));
  return { code: failed ? 1 : 0, stdout: values.output === undefined ? body : "" };
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines)];
}
