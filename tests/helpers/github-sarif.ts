import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";

// What GitHub code scanning documents about the SARIF it ingests ("SARIF support for code scanning",
// and its troubleshooting pages on limits), written down independently of the formatter, so a log
// that passes here is one an upload accepts and keeps whole. Plus the OASIS schema itself.

const schema = JSON.parse(readFileSync(new URL("../vendor/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
// Both packages are CommonJS whose module.exports also carries itself as .default.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSchema = ajv.compile(schema);

/** The schema's complaints about a log, or [] when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
  return validateSchema(log) ? [] : (validateSchema.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`);
}

/** GitHub's documented limits on one upload. */
export const LIMITS = {
  runs: 20,
  results: 25_000,
  /** Results per run that code scanning stores (the rest are dropped, so a log that wants them all kept stays under). */
  storedResults: 5_000,
  rules: 25_000,
  locations: 1_000,
  tags: 20,
  gzipBytes: 10 * 1024 * 1024,
} as const;

interface Loc {
  physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } };
}
interface Result {
  ruleId?: string;
  ruleIndex?: number;
  level?: string;
  message?: { text?: string };
  locations?: Loc[];
  partialFingerprints?: Record<string, string>;
}
interface Run {
  tool?: { driver?: { name?: string; rules?: { id: string; helpUri?: string; properties?: { tags?: string[] } }[] } };
  automationDetails?: { id?: string };
  results?: Result[];
}

function uriProblem(uri: string | undefined): string | undefined {
  if (uri === undefined || uri === "") return "has no artifact URI";
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return `has an absolute URI ${uri}: code scanning wants paths relative to the repository root`;
  if (uri.startsWith("/") || uri.includes("\\") || uri.split("/").includes("..")) return `has URI ${uri}, not a path inside the repository`;
  return undefined;
}

function resultProblems(result: Result, run: Run, where: string): string[] {
  const problems: string[] = [];
  const rules = run.tool?.driver?.rules ?? [];
  if (!result.ruleId || !rules.some((r) => r.id === result.ruleId)) problems.push(`${where}: ruleId ${result.ruleId} is not a rule of the run`);
  if (result.ruleIndex !== undefined && rules[result.ruleIndex]?.id !== result.ruleId) problems.push(`${where}: ruleIndex does not point at ${result.ruleId}`);
  if (!result.message?.text) problems.push(`${where}: no message text`);
  if (!["error", "warning", "note", "none", undefined].includes(result.level)) problems.push(`${where}: level ${result.level}`);
  const locations = result.locations ?? [];
  if (locations.length === 0) problems.push(`${where}: no location (code scanning needs one to show an alert)`);
  if (locations.length > LIMITS.locations) problems.push(`${where}: ${locations.length} locations, over ${LIMITS.locations}`);
  const first = locations[0]?.physicalLocation;
  const uri = uriProblem(first?.artifactLocation?.uri);
  if (uri) problems.push(`${where}: ${uri}`);
  if (!first?.region?.startLine) problems.push(`${where}: no region.startLine`);
  if (Object.keys(result.partialFingerprints ?? {}).length === 0) problems.push(`${where}: no partialFingerprints, so alerts would not keep their identity`);
  return problems;
}

function runProblems(run: Run, i: number): string[] {
  const at = `run ${i}`;
  const problems: string[] = [];
  const rules = run.tool?.driver?.rules ?? [];
  const results = run.results ?? [];
  if (!run.tool?.driver?.name) problems.push(`${at}: no tool name`);
  if (rules.length > LIMITS.rules) problems.push(`${at}: ${rules.length} rules, over ${LIMITS.rules}`);
  if (results.length > LIMITS.results) problems.push(`${at}: ${results.length} results, over the hard limit ${LIMITS.results}`);
  if (results.length > LIMITS.storedResults) problems.push(`${at}: ${results.length} results, over the ${LIMITS.storedResults} code scanning stores`);
  for (const r of rules) {
    if ((r.properties?.tags?.length ?? 0) > LIMITS.tags) problems.push(`${at}: rule ${r.id} has over ${LIMITS.tags} tags`);
    if (r.helpUri !== undefined && !r.helpUri.startsWith("https://")) problems.push(`${at}: rule ${r.id} help is not an https address`);
  }
  const seen = new Set<string>();
  for (const [j, result] of results.entries()) {
    problems.push(...resultProblems(result, run, `${at} result ${j}`));
    const key = JSON.stringify([result.ruleId, result.locations?.[0]?.physicalLocation?.artifactLocation?.uri, result.partialFingerprints]);
    if (seen.has(key)) problems.push(`${at} result ${j}: the same rule, file and fingerprints as an earlier result`);
    seen.add(key);
  }
  return problems;
}

/** Every way `text` (a SARIF log) breaks GitHub's documented ingestion rules; [] when an upload would take it whole. */
export function githubSarifProblems(text: string): string[] {
  const log = JSON.parse(text) as { version?: string; runs?: Run[] };
  const problems: string[] = [];
  if (log.version !== "2.1.0") problems.push(`version ${log.version}, not 2.1.0`);
  const runs = log.runs ?? [];
  if (runs.length === 0) problems.push("no runs");
  if (runs.length > LIMITS.runs) problems.push(`${runs.length} runs, over ${LIMITS.runs}`);
  // Code scanning refuses two runs with the same tool and category in one upload.
  const categories = runs.map((r) => `${r.tool?.driver?.name} ${r.automationDetails?.id ?? "(no category)"}`);
  const repeated = categories.filter((c, i) => categories.indexOf(c) !== i);
  if (repeated.length > 0) problems.push(`runs share a tool and category: ${[...new Set(repeated)].join("; ")}`);
  if (runs.length > 1 && runs.some((r) => !r.automationDetails?.id)) problems.push("several runs, not every one with automationDetails.id");
  for (const [i, run] of runs.entries()) problems.push(...runProblems(run, i));
  const gzipped = gzipSync(text).length;
  if (gzipped > LIMITS.gzipBytes) problems.push(`${gzipped} bytes gzipped, over ${LIMITS.gzipBytes}`);
  return problems;
}
