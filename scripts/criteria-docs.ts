// The page of criteria for a built-in framework, docs/criteria/<id>.md, that SARIF rule help links
// point at: every principle and criterion, with its question, guidance, checks in words, severity,
// weight, stages and references. Written by scripts/generate.ts; drift-checked like every generated file.
import type { CheckSpec } from "../src/model/check.ts";
import type { Criterion, Framework, Principle } from "../src/model/framework.ts";
import { md } from "../src/report/markdown.ts";

const OPS = { lt: "is less than", le: "is at most", eq: "equals", ge: "is at least", gt: "is greater than" } as const;

const at = (pointer: string) => `\`${pointer}\``;
const list = (items: readonly (string | number | boolean)[]) => items.map((i) => `\`${String(i)}\``).join(", ");

/** A check in words, as a reader of the proposal would put it. */
export function checkWords(check: CheckSpec): string {
  switch (check.kind) {
    case "present":
      return `${at(check.path)} is filled in (not empty, and not a placeholder such as TBC)`;
    case "substantive":
      return `${at(check.path)} says something: at least ${check.minWords ?? 12} words, not a placeholder`;
    case "evidence": {
      const grade = check.minGrade ? ` graded ${check.minGrade} or better` : "";
      const cited = check.citedAt ? `cited at ${at(check.citedAt)}` : "cited somewhere in the proposal";
      return `the evidence register holds an item of type ${list(check.types)}${grade}, ${cited}`;
    }
    case "covers":
      return `${at(check.path)} covers each of ${list(check.keys)}${check.field ? ` (in each item's \`${check.field}\`)` : ""}`;
    case "range":
      return `${at(check.path)} is a number${check.min === undefined ? "" : ` of at least ${check.min}`}${check.min !== undefined && check.max !== undefined ? " and" : ""}${check.max === undefined ? "" : ` at most ${check.max}`}`;
    case "count":
      return `${at(check.path)} has at least ${check.min ?? 1}${check.max === undefined ? "" : ` and at most ${check.max}`} item(s) that say something`;
    case "equals":
      return `${at(check.path)} is ${list([check.value])}`;
    case "compare":
      return `${at(check.left)} ${OPS[check.op]} ${check.right === "$now" ? "the date of the assessment" : at(check.right)}${check.factor === undefined ? "" : ` times ${check.factor}`}`;
    case "schema":
      return `${at(check.path)} has the shape a JSON Schema fragment sets out (see the framework file)`;
    case "all":
      return `all of: ${check.checks.map(checkWords).join("; ")}`;
    case "any":
      return `any of: ${check.checks.map(checkWords).join("; ")}`;
    case "not":
      return `not so: ${checkWords(check.check)}`;
    default:
      return `the custom check \`${check.kind}\` passes`;
  }
}

function line(label: string, text: string | undefined): string[] {
  return text === undefined || text === "" ? [] : [`- **${label}:** ${text}`];
}

function criterion(c: Criterion): string[] {
  const checks = c.checks.map((check) => `  - ${checkWords(check)}${check.message ? ` (else: “${md(check.message)}”)` : ""}`);
  const references = c.references.map((r) => `  - ${md(r.title)}${r.publisher ? `, ${md(r.publisher)}` : ""}${r.link ? ` (\`${r.link}\`)` : ""}`);
  return [
    // The heading is the id alone, so its anchor is the id in lower case without dots: what SARIF help links name.
    `### ${c.id}`,
    "",
    `**${md(c.title)}**`,
    "",
    ...line("Question", md(c.question)),
    ...line("Guidance", md(c.guidance)),
    `- **Severity:** ${c.severity} · **Weight:** ${c.weight} · **Mode:** ${c.mode} · **Stages:** ${c.stages ? c.stages.join(", ") : "every stage"}`,
    ...line("Applies only when", c.appliesWhen ? checkWords(c.appliesWhen) : undefined),
    ...line("Not applicable", c.notApplicable ? md(c.notApplicable) : undefined),
    ...(checks.length > 0 ? ["- **Checks** (all must pass):", ...checks] : ["- **Checks:** none; a reviewer decides."]),
    ...line("Recommendation when not met", md(c.recommendation)),
    ...(references.length > 0 ? ["- **References:**", ...references] : []),
    ...line("Tags", c.tags.length > 0 ? c.tags.join(", ") : undefined),
    ...line("Succeeds", c.succeeds ? `${c.succeeds.join(", ")} (retired; see principles/CHANGELOG.md)` : undefined),
    "",
  ];
}

function principle(p: Principle): string[] {
  return [`## ${p.id} ${md(p.title)}`, "", ...p.wording.split("\n").map((l) => `> ${md(l)}`), "", `Weight ${p.weight}.`, "", ...p.criteria.flatMap(criterion)];
}

/** The Markdown page for one framework. */
export function criteriaPage(fw: Framework): string {
  const t = fw.thresholds;
  const source = fw.source;
  return [
    `# ${md(fw.title)}`,
    "",
    `\`${fw.id}\` version ${fw.version}. Written by \`npm run generate\` from \`principles/${fw.id}.yaml\`; do not edit by hand.`,
    "",
    ...(fw.description ? [md(fw.description), ""] : []),
    `**Source:** ${md(source.title)}, ${md(source.publisher)}${source.date ? ` (${source.date})` : ""}. ${md(source.quoted)}`,
    "",
    md(source.added),
    "",
    `**Ratings:** green at a score of ${t.green} or more, amber at ${t.amber} or more${t.minCoverage === undefined ? "" : `; at most amber while less than ${t.minCoverage} of the weight is decided`}.`,
    "",
    ...fw.principles.flatMap(principle),
  ].join("\n");
}
