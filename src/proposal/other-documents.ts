// A file given where a proposal is expected may be another document this tool reads: a report (or a
// baseline, an array of reports), a reviews or waivers file, or a framework. Validated as a proposal,
// such a file gives a dozen unknown-field lines that hide the real mistake; named for what it is, it
// gives one line saying where it belongs. Only a document with no `metadata` (every proposal has one)
// is recognised, so a proposal with mistakes is never taken for something else.

const WHERE: Record<string, string> = {
  report: "a senate assessment report, not a proposal: give it to --baseline or to senate diff",
  baseline: "a baseline (senate assessment reports), not a proposal: give it to --baseline or to senate diff",
  reviews: "a reviews file, not a proposal: give it to --reviews, or name it <proposal>.reviews.yaml beside its proposal",
  waivers: "a waivers file, not a proposal: give it to --waivers, or name it <proposal>.waivers.yaml beside its proposal",
  framework: "a framework, not a proposal: give it to --framework",
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isReport(value: unknown): boolean {
  return isObject(value) && isObject(value.summary) && isObject(value.tool) && Array.isArray(value.principles);
}

/** What the document is, in words saying where it belongs, when it is one of the tool's other documents. */
export function otherDocument(data: unknown): string | undefined {
  if (Array.isArray(data)) return data.length > 0 && data.every(isReport) ? WHERE.baseline : undefined;
  if (!isObject(data) || "metadata" in data) return undefined;
  if (isReport(data)) return WHERE.report;
  if (Array.isArray(data.reviews)) return WHERE.reviews;
  if (Array.isArray(data.waivers)) return WHERE.waivers;
  if (Array.isArray(data.principles) && ("thresholds" in data || "source" in data)) return WHERE.framework;
  // A tailored framework: changes to another, named in `extends`.
  if (typeof data.extends === "string" && ("tailor" in data || "version" in data)) return WHERE.framework;
  return undefined;
}
