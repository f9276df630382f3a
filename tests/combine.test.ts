import { describe, expect, it } from "vitest";
import { combineReports } from "../src/assess/combine.js";
import { BUILTIN_CROSSWALKS } from "../src/framework/builtin.js";
import type { AssessmentReport } from "../src/model/report.js";
import { assessFile } from "../src/node/files.js";
import { formatCombinedMarkdown, formatCombinedText } from "../src/report/combined.js";
import { NOW } from "./helpers/examples.js";

const FRAMEWORKS = ["london-2020", "west-midlands", "nhse-service-change"];

function reportsFor(file: string): AssessmentReport[] {
  return FRAMEWORKS.map((framework) => {
    const r = assessFile(file, { now: NOW, framework });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value;
  });
}

describe("one proposal against every built-in framework", () => {
  const crosswalk = BUILTIN_CROSSWALKS[0];

  it("ships a crosswalk linking the three frameworks", () => {
    expect(crosswalk?.links.length).toBeGreaterThanOrEqual(8);
    const frameworks = new Set(crosswalk?.links.flatMap((l) => l.members.map((m) => m.framework)));
    expect([...frameworks].sort()).toEqual([...FRAMEWORKS].sort());
  });

  it("summarises each framework and says where they agree or differ", () => {
    const summary = combineReports(reportsFor("examples/minor-injuries-overnight.yaml"), crosswalk);
    expect(summary.frameworks.map((f) => [f.id, f.rating])).toEqual(FRAMEWORKS.map((id) => [id, "red"]));
    expect(summary.themes.length).toBeGreaterThan(0);
    for (const theme of summary.themes) {
      const decided = theme.members.map((m) => m.outcome).filter((o) => o !== "undecided");
      const expected = decided.length < 2 ? "undecided" : new Set(decided).size === 1 ? "agree" : "differ";
      expect(theme.verdict, theme.id).toBe(expected);
    }
    const evidence = summary.themes.find((t) => t.id === "clinical-evidence-base");
    expect(evidence?.members.map((m) => m.framework).sort()).toEqual([...FRAMEWORKS].sort());
  });

  it("reads the bed test as not applicable where beds do not fall", () => {
    const [, , nhse] = reportsFor("examples/outpatient-virtual.yaml");
    const bedTest = nhse?.principles.find((p) => p.id === "NHSE-5")?.criteria.find((c) => c.id === "NHSE-5.4");
    expect(bedTest?.status).toBe("not-applicable");
    const [, , weak] = reportsFor("examples/minor-injuries-overnight.yaml");
    expect(weak?.principles.flatMap((p) => p.criteria).find((c) => c.id === "NHSE-5.4")?.status).toBe("not-met");
  });

  it("formats the combined summary for a terminal and as Markdown", () => {
    const summary = combineReports(reportsFor("examples/maternity-unit.md"), crosswalk);
    const text = formatCombinedText(summary);
    const md = formatCombinedMarkdown(summary);
    for (const id of FRAMEWORKS) {
      expect(text).toContain(id);
      expect(md).toContain(id);
    }
    expect(md).toMatch(/## Where the frameworks agree or differ/);
    expect(text).toMatch(/(Agree|Differ|Not yet decidable) {2,}/);
  });
});
