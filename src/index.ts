// The public API of senate-principles: the runtime-neutral core (no Node built-ins; it loads in a browser,
// a worker or an edge runtime). Every export is named here; nothing else is public. Files, paths and
// globs are in senate-principles/node (src/node/index.ts).

export { type AssessOptions, assess, DEFAULT_WAIVER_WARNING_DAYS } from "./assess/assess.js";
export { type CombinedSummary, combineReports, type ThemeComparison } from "./assess/combine.js";
export type { Sourced } from "./assess/inputs.js";
export type { ScoringOptions } from "./assess/score.js";
export { BUILTIN_KINDS, type CustomCheckDefinition, defineCheck } from "./checks/registry.js";
export type { BuiltinOutcome } from "./checks/codes.js";
export type { CheckOutcome } from "./checks/types.js";
export { BUILTIN_CROSSWALKS, BUILTIN_FRAMEWORK_IDS, builtinFramework, isBuiltinFramework } from "./framework/builtin.js";
export { type FrameworkOptions, frameworkHash, type LoadedFramework, loadFramework, validateFramework } from "./framework/load.js";
export type {
  BuiltinCriterionIds,
  BuiltinFrameworkId,
  London2020CriterionId,
  London2020PrincipleId,
  NhseServiceChangeCriterionId,
  NhseServiceChangePrincipleId,
  WestMidlandsCriterionId,
  WestMidlandsPrincipleId,
} from "./generated/frameworks.js";
export { proposalTemplate, type TemplateOptions } from "./init/template.js";
export type { CheckInput, CheckSpec } from "./model/check.js";
export { SCHEMA_VERSION } from "./model/common.js";
export { Crosswalk } from "./model/crosswalk.js";
export { Criterion, Framework, type FrameworkInput, Principle, Thresholds } from "./model/framework.js";
export { formatIssue, type Issue, type IssueCode, issueLocation, type Result } from "./model/issue.js";
export { jsonSchemaFor, type SchemaName } from "./model/json-schema.js";
export { type EvidenceItem, PROTECTED_CHARACTERISTICS, Proposal } from "./model/proposal.js";
export { AssessmentReport, CriterionResult, Gap, PrincipleResult, type Rating, ReportWarning, type SourceLocation, type Status } from "./model/report.js";
export { Review, Reviews } from "./model/reviews.js";
export { Waiver, Waivers } from "./model/waivers.js";
export { parseReviews, parseWaivers } from "./proposal/documents.js";
export { type ParsedProposal, parseProposal } from "./proposal/parse.js";
export { formatCombinedMarkdown, formatCombinedText } from "./report/combined.js";
export { diffReports, type ReportDiff } from "./report/diff.js";
export { type DiffFormatName, formatDiffs } from "./report/diff-format.js";
export { FORMATS, type FormatName, type FormatOptions, formatReport } from "./report/format.js";
export { formatGithubSummary } from "./report/github.js";
export { formatGithubAll } from "./report/github-annotations.js";
export { formatJunitAll } from "./report/junit.js";
export { formatSarifAll, type SarifOptions } from "./report/sarif.js";
export type { TextOptions } from "./report/text.js";
export { DEFAULT_LIMITS, type Limits } from "./source/limits.js";
export type { Location, Locator } from "./source/positions.js";
export type { ReadOptions, SourceFormat } from "./source/read.js";
export { TOOL_NAME, TOOL_VERSION } from "./version.js";
