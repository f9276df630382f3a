import { describe, expect, it } from "vitest";
import { assess } from "../../src/assess/assess.js";
import { findNonAnswer } from "../../src/checks/non-answer.js";
import { builtinFramework } from "../../src/framework/builtin.js";
import { DATE_PLACEHOLDER } from "../../src/init/skeleton.js";
import { proposalTemplate, TEMPLATE_FORMATS } from "../../src/init/template.js";
import { formatIssue } from "../../src/model/issue.js";
import { getAt } from "../../src/model/pointer.js";
import { parseProposal } from "../../src/proposal/parse.js";

// An untouched `senate init` template, with only its dates filled in, claims nothing: no criterion
// of london-2020 is met, and no check passes on a placeholder string.

const loaded = builtinFramework("london-2020");
if (!loaded) throw new Error("london-2020 is built in");

function datesOnly(format: (typeof TEMPLATE_FORMATS)[number]) {
  const text = proposalTemplate(loaded!.framework, { format, schemaRef: "./schemas/proposal.schema.json" }).replaceAll(DATE_PLACEHOLDER, "2025-01-15");
  const parsed = parseProposal(text, { filename: `template.${format}` });
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join("\n"));
  return parsed.value;
}

/** Every text in a value, with its pointer. */
function texts(value: unknown, pointer = ""): [string, string][] {
  if (typeof value === "string") return [[pointer, value]];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => texts(v, `${pointer}/${k}`));
}

describe.each(TEMPLATE_FORMATS)("a %s template with only its dates filled", (format) => {
  const parsed = datesOnly(format);
  const report = assess(parsed, loaded);
  if (!report.ok) throw new Error(JSON.stringify(report.issues));
  const criteria = report.value.principles.flatMap((p) => p.criteria);

  it("every free-text placeholder it writes is a non-answer", () => {
    const placeholders = texts(parsed.proposal).filter(([, t]) => t.startsWith("<"));
    expect(placeholders.length).toBeGreaterThan(50);
    for (const [pointer, t] of placeholders) expect(findNonAnswer(t), `${pointer}: ${t}`).toMatchObject({ kind: "template-marker" });
  });

  it("meets no criterion of london-2020", () => {
    expect(criteria.filter((c) => c.status === "met").map((c) => c.id)).toEqual([]);
  });

  it("passes no check on a placeholder string: only on numbers, true/false, choices and the dates", () => {
    for (const c of criteria) {
      for (const k of c.checks.filter((x) => x.pass && x.kind !== "schema")) {
        const strings = texts(getAt(parsed.proposal, k.pointer)).filter(([, t]) => t !== "2025-01-15");
        expect(strings, `${c.id} ${k.kind} ${k.pointer}`).toEqual([]);
      }
    }
  });

  it("passes no schema check: a list of placeholder items says nothing, and the figures are commented out", () => {
    const passing = criteria.flatMap((c) => c.checks.filter((k) => k.pass && k.kind === "schema").map((k) => `${c.id} ${k.pointer}`));
    expect(passing).toEqual([]);
  });
});

describe.each(["london-2020", "west-midlands", "nhse-service-change"])("a %s template with only its dates filled", (id) => {
  const framework = builtinFramework(id);
  if (!framework) throw new Error(`${id} is built in`);
  const text = proposalTemplate(framework.framework, { format: "yaml", schemaRef: "./schemas/proposal.schema.json" });
  const parsed = parseProposal(text.replaceAll(DATE_PLACEHOLDER, "2025-01-15"), { filename: "template.yaml" });
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join("\n"));
  const report = assess(parsed.value, framework, { now: new Date("2026-01-01T00:00:00Z") });
  if (!report.ok) throw new Error(JSON.stringify(report.issues));
  const criteria = report.value.principles.flatMap((p) => p.criteria);

  it("writes no figure outside a placeholder list item: every number is commented out, so none passes as given", () => {
    // A list item named by a placeholder (a risk's required likelihood) never counts, so its numbers may stay.
    const figures = (v: unknown, at: string): string[] =>
      typeof v === "number"
        ? [at]
        : typeof v === "object" && v !== null && !Array.isArray(v)
          ? Object.entries(v).flatMap(([k, x]) => figures(x, `${at}/${k}`))
          : [];
    expect(figures(parsed.value.proposal, "")).toEqual([]);
  });

  it("partially meets only criteria that read the dates it filled, and meets none", () => {
    expect(criteria.filter((c) => c.status === "met").map((c) => c.id)).toEqual([]);
    for (const c of criteria.filter((x) => x.status === "partially-met")) {
      for (const k of c.checks.filter((x) => x.pass)) {
        expect(getAt(parsed.value.proposal, k.pointer), `${c.id} ${k.kind} ${k.pointer}`).toBe("2025-01-15");
      }
    }
  });
});

describe.each(["london-2020", "west-midlands", "nhse-service-change"])("an untouched %s template", (id) => {
  const framework = builtinFramework(id);
  if (!framework) throw new Error(`${id} is built in`);
  const text = proposalTemplate(framework.framework, { format: "yaml", schemaRef: "./schemas/proposal.schema.json" });

  it("is rejected as written: each YYYY-MM-DD it holds is an invalid date at its line and column", () => {
    const parsed = parseProposal(text, { filename: "template.yaml" });
    expect(parsed.ok).toBe(false);
    const dates = parsed.ok ? [] : parsed.issues.filter((i) => i.code === "invalid_value" && i.message.includes(`"${DATE_PLACEHOLDER}"`));
    expect(dates.length).toBe(text.split(`"${DATE_PLACEHOLDER}"`).length - 1);
    for (const issue of dates) expect(issue.line).toBeGreaterThan(0);
  });

  it("with only its dates filled, is rated red and meets no criterion", () => {
    const parsed = parseProposal(text.replaceAll(DATE_PLACEHOLDER, "2025-01-15"), { filename: "template.yaml" });
    if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join("\n"));
    const report = assess(parsed.value, framework, { now: new Date("2026-01-01T00:00:00Z") });
    if (!report.ok) throw new Error(JSON.stringify(report.issues));
    expect(report.value.summary.rating).toBe("red");
    expect(report.value.principles.flatMap((p) => p.criteria.filter((c) => c.status === "met").map((c) => c.id))).toEqual([]);
  });
});
