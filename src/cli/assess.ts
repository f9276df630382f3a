import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Thresholds } from "../model/framework.js";
import { formatIssue } from "../model/issue.js";
import { FORMATS } from "../report/format.js";
import { readShared } from "./assess-inputs.js";
import { checkFormatFits } from "./assess-output.js";
import { runAssess } from "./assess-run.js";
import { findBaseDir, relativeTo } from "./base-dir.js";
import { GAP_SEVERITIES } from "./baseline.js";
import { companionFinder } from "./companions.js";
import type { StreamEnv } from "./env.js";
import { expandArgs } from "./glob.js";
import { UsageError } from "./io.js";
import { checkStdinName, STDIN_HELP, STDIN_OPTIONS } from "./stdin-name.js";
import { LIMIT_OPTIONS, LIMITS_HELP, readLimits } from "./limits.js";
import { NOW_HELP, NOW_OPTIONS, readNow, readWarningDays } from "./now.js";
import { formatForPath } from "./output-format.js";
import { type CommandResult, oneOf, parse } from "./parse-args.js";
import { CONFIG_HELP, CONFIG_OPTIONS, printSettings, readSettings } from "./settings.js";

/** `senate assess --help`. */
export const ASSESS_HELP = `Usage: senate assess <files...> [options]

Assesses proposal documents against a framework and prints a report with every gap.
Files may be folders or globs ("proposals/**/*.{yaml,md}"), expanded by senate when the shell
does not; with none, the inputs of senate.config are assessed. Each proposal X.yaml is assessed
with X.reviews.yaml and X.waivers.yaml when they are beside it.

Options:
  --framework <id|file>   built-in framework id or framework file (default: london-2020); several,
                          comma-separated, give one report per framework and a combined summary
  --reviews <file>        a panel's judgements per criterion (YAML or JSON), for one proposal
  --waivers <file>        criteria waived as not applicable, or gaps accepted, for one proposal
  --format <name>         ${FORMATS.join(", ")} (default: text); github also appends
                          a job summary to $GITHUB_STEP_SUMMARY when it is set
  --ndjson                JSON, one report per line (instead of one array over several files)
  --output <file>         write the report here (atomically, creating folders) instead of standard
                          output (- for standard output); without --format, .sarif, .xml
                          (junit), .html, .md and .json choose the format
  --fail-on <level>       red, amber or never (default: red, or never with --baseline): exit 1 at
                          or below this rating
  --baseline <file>       a JSON report (or array of reports) to ratchet against: exit 1 only for
                          gaps that are new and not waived, or a worse overall rating; a summary
                          of what changed goes to standard error; a proposal the baseline does
                          not hold counts as new gaps
  --update-baseline       rewrite the --baseline file with this run's reports (atomically, keeping
                          the proposals not assessed now; created if missing); no regression fails
  --fail-on-gap <level>   critical, major or minor: exit 1 for an open, unwaived gap this serious
                          or worse (with --baseline, a new one)
  --base-dir <folder>     SARIF paths are relative to this folder (default: the git root, found by
                          looking up for .git, or else the current folder)
  --quiet                 write no report to standard output, and no baseline summary or progress
                          to standard error (problems are still reported; --output is written)
  --min-coverage <0..1>   a rating is at most amber below this share of decided weight
  --green <0..1>          override the framework's green threshold
  --amber <0..1>          override the framework's amber threshold
  --timestamp             record the time in the report (reports are otherwise byte-identical)
${NOW_HELP}
${STDIN_HELP}
  --no-companions         ignore X.reviews.yaml and X.waivers.yaml beside each proposal X.yaml
  --print-config          print the merged configuration (file and flags) and stop
${CONFIG_HELP}
${LIMITS_HELP}

Use - as a file to read standard input. Over several files, text output ends with a summary
table, and JSON is one array; each report is written as soon as it is ready.
Exit codes, for the worst file: 0 passed the gate; 1 a rating is at or below --fail-on, or
(with --baseline) something regressed; 2 bad input or usage; 130 stopped by Ctrl-C (no
--output file is written).

Example:
  senate assess examples/stroke-hasu.yaml --reviews examples/stroke-hasu.reviews.yaml --format markdown
  senate assess "proposals/**/*.yaml" --format json --output baseline.json --fail-on never
  senate assess "proposals/**/*.yaml" --baseline baseline.json --fail-on-gap major
  senate assess "proposals/**/*.yaml" --format sarif --output senate.sarif --fail-on never
  senate assess proposal.yaml --now 2026-03-31 --format json   # the same report on any day`;

/** `senate config --help`. */
export const CONFIG_COMMAND_HELP = `Usage: senate config [files...] [assess options]

Prints, as JSON, the settings senate assess would run with: the configuration file found
(senate.config.json, .yaml, .js, .mjs, .cjs or .ts, or a "senate" key in package.json, in the
working folder or a folder above it up to the repository root), with the flags laid over it.
Paths are relative to the working folder. Takes the same options as senate assess.

Exit codes: 0 printed; 2 the configuration is invalid (one line per problem: file:line:col).

Example:
  senate config
  senate config --format sarif --output reports/senate.sarif`;

const OPTIONS = {
  framework: { type: "string" },
  reviews: { type: "string" },
  waivers: { type: "string" },
  format: { type: "string" },
  ndjson: { type: "boolean" },
  output: { type: "string" },
  "fail-on": { type: "string" },
  baseline: { type: "string" },
  "update-baseline": { type: "boolean" },
  "fail-on-gap": { type: "string" },
  "base-dir": { type: "string" },
  quiet: { type: "boolean" },
  "min-coverage": { type: "string" },
  green: { type: "string" },
  amber: { type: "string" },
  timestamp: { type: "boolean" },
  ...NOW_OPTIONS,
  ...STDIN_OPTIONS,
  "no-companions": { type: "boolean" },
  "print-config": { type: "boolean" },
  ...CONFIG_OPTIONS,
  ...LIMIT_OPTIONS,
} as const;

function share(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--${name} must be a number from 0 to 1; got "${value}"`);
  return n;
}

function thresholdsOf(values: { "min-coverage"?: string | undefined; green?: string | undefined; amber?: string | undefined }) {
  const minCoverage = share(values["min-coverage"], "min-coverage");
  const green = share(values.green, "green");
  const amber = share(values.amber, "amber");
  return { ...(minCoverage === undefined ? {} : { minCoverage }), ...(green === undefined ? {} : { green }), ...(amber === undefined ? {} : { amber }) };
}

function formatOf(values: { format?: string | undefined; ndjson?: boolean | undefined; output?: string | undefined }) {
  const fallback = values.ndjson ? "json" : values.output === undefined ? "text" : formatForPath(values.output);
  const format = oneOf(values.format, FORMATS, "format", fallback);
  if (values.ndjson && format !== "json") throw new UsageError(`--ndjson writes JSON; drop --format ${format}`);
  return format;
}

/** Overridden thresholds must stay in order with each other and with the framework's: amber at or below green. */
function checkOrder(t: { green?: number; amber?: number }, framework: Thresholds): void {
  const green = t.green ?? framework.green;
  const amber = t.amber ?? framework.amber;
  if (amber <= green) return;
  const a = t.amber === undefined ? `the framework's amber threshold ${amber}` : `--amber ${amber}`;
  const g = t.green === undefined ? `the framework's green threshold ${green}` : `--green ${green}`;
  throw new UsageError(`${a} is above ${g}; amber must be at or below green`);
}

/** One --reviews or --waivers file cannot be right for several proposals: each has its own. */
function checkOneProposal(files: number, reviews: string | undefined, waivers: string | undefined): void {
  const flag = reviews !== undefined ? "--reviews" : waivers !== undefined ? "--waivers" : undefined;
  if (flag === undefined || files < 2) return;
  const kind = flag.slice(2);
  throw new UsageError(
    `${flag} names one file, but this run assesses ${files} proposals; put each proposal's ${kind} beside it as <name>.${kind}.yaml, or list them under "proposals" in senate.config`,
  );
}

/** Standard input can be read only once, so `-` may stand for one input of a run, not two. */
function readStdinOnce(positionals: readonly string[], companions: readonly (string | undefined)[]): void {
  const uses = (positionals.includes("-") ? 1 : 0) + companions.filter((c) => c === "-").length;
  if (uses > 1) throw new UsageError("standard input (-) can be read only once; name a file for every input but one");
}

/** Whether `--update-baseline` rewrites the baseline, or creates it; it needs `--baseline` to name the file. */
function updatingBaseline(values: { "update-baseline"?: boolean | undefined; baseline?: string | undefined; output?: string | undefined }) {
  if (!values["update-baseline"]) return undefined;
  const path = values.baseline;
  if (path === undefined || path === "-") throw new UsageError("--update-baseline rewrites the --baseline file: name one");
  if (values.output !== undefined && resolve(values.output) === resolve(path))
    throw new UsageError("--output and --baseline name the same file; the baseline is rewritten by --update-baseline");
  return existsSync(path) ? "rewrite" : "create";
}

/** Reads the command line and the configuration; --print-config stops there. */
async function settingsOf(argv: string[], help = ASSESS_HELP) {
  const { values, positionals } = parse(argv, OPTIONS, help);
  const settings = await readSettings(values, positionals);
  return { values, settings };
}

/** `senate assess`: assesses each file, writes its reports at once, and exits for the worst file. */
export async function assessCommand(argv: string[], env: StreamEnv): Promise<CommandResult> {
  const { values, settings } = await settingsOf(argv);
  if (values["print-config"]) return { code: 0, stdout: printSettings(settings) };
  if (settings.inputs.length === 0)
    return { code: 2, stderr: `senate assess: name at least one proposal file (or list inputs in senate.config)\n\n${ASSESS_HELP}\n` };
  const { reviews, waivers, baseline, output } = settings;
  const format = formatOf({ format: settings.format, ndjson: values.ndjson, output });
  // A baseline replaces the rating gate: a team adopting the tool on an imperfect proposal ratchets instead.
  const failOn = oneOf(settings.failOn, ["red", "amber", "never"] as const, "fail-on", baseline === undefined ? "red" : "never");
  readStdinOnce(settings.inputs, [reviews, waivers, baseline]);
  const thresholds = { ...settings.thresholds, ...thresholdsOf(values) };
  const limits = readLimits(values);
  const now = readNow(values.now, env.now);
  const waiverWarningDays = readWarningDays(values["waiver-warning-days"]);
  const inputs = [reviews, waivers, ...settings.frameworks, baseline].filter((p): p is string => p !== undefined);
  const files = expandArgs(settings.inputs, { exclude: output === undefined ? inputs : [...inputs, output], ignore: settings.ignores });
  checkOneProposal(files.length, reviews, waivers);
  const stdinName = values["stdin-filename"];
  checkStdinName(stdinName, files);

  const update = updatingBaseline({ "update-baseline": values["update-baseline"], baseline, output });
  // A baseline being created reads as empty: every gap is new.
  const read = update === "create" ? undefined : baseline;
  const shared = readShared({ framework: settings.frameworks.join(","), reviews, waivers, baseline: read }, limits);
  if (!shared.ok) return { code: 2, stderr: `${[...new Set(shared.issues.map(formatIssue))].join("\n")}\n` };
  if (update === "create") shared.value.baseline = [];
  checkOrder(thresholds, shared.value.framework.framework.thresholds);
  const frameworks = shared.value.frameworks.map((f) => f.framework);
  checkFormatFits(format, files.length, frameworks.length);
  const color = format === "text" && env.isTTY && !env.noColor && output === undefined;
  return runAssess(
    {
      files,
      inputs,
      shared: values["no-companions"] ? shared.value : { ...shared.value, pair: companionFinder(settings) },
      each: {
        now,
        limits,
        thresholds,
        ...(waiverWarningDays === undefined ? {} : { waiverWarningDays }),
        ...(values.timestamp ? { generatedAt: env.now.toISOString() } : {}),
        ...(stdinName === undefined ? {} : { stdinName }),
      },
      stream: {
        format,
        ndjson: values.ndjson === true,
        color,
        frameworks,
        files: files.length,
        relative: relativeTo(values["base-dir"] ?? findBaseDir(process.cwd())),
      },
      failOn,
      ...(values["fail-on-gap"] === undefined ? {} : { failOnGap: oneOf(values["fail-on-gap"], GAP_SEVERITIES, "fail-on-gap", "critical") }),
      ...(update ? { updateBaseline: true } : {}),
      ...(values.quiet ? { quiet: true } : {}),
      ...(baseline === undefined ? {} : { baselinePath: baseline }),
      ...(output === undefined ? {} : { output }),
      ...(format === "github" && env.stepSummary ? { stepSummary: env.stepSummary } : {}),
    },
    env,
  );
}

/** `senate config`: the merged configuration, as `senate assess` with the same arguments would use it. */
export async function configCommand(argv: string[]): Promise<CommandResult> {
  const { settings } = await settingsOf(argv, CONFIG_COMMAND_HELP);
  return { code: 0, stdout: printSettings(settings) };
}
