import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseProposal } from "../../src/proposal/parse.js";
import { type Block, makeDocx } from "../helpers/docx.js";

// `senate import` against the built CLI, on a Word business case generated here.
const CLI = "dist/cli.js";
const dir = mkdtempSync(join(tmpdir(), "senate-import-"));

function senate(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CASE: Block[] = [
  { heading: 1, text: "Wealdmoor stroke services: pre-consultation business case" },
  { text: "This business case sets out the proposal to consolidate hyperacute stroke care." },
  { heading: 2, text: "Case for change" },
  { text: "Only 40% of patients reach a stroke unit within four hours [1]." },
  { heading: 2, text: "Principle 3: reducing inequalities" },
  { text: "Travel times rise for the most deprived quintile by 6 minutes; the EqIA sets out mitigations [2]." },
  { heading: 3, text: "Carers" },
  { text: "Carers will be offered transport support." },
  { heading: 2, text: "Environmental sustainability (LDN-8)" },
  { text: "Fewer transfers cut ambulance miles." },
  { heading: 2, text: "Governance" },
  { text: "The programme board meets monthly." },
  { heading: 2, text: "References" },
  { text: "1. NICE guideline NG128: Stroke and transient ischaemic attack in over 16s (2019) https://www.nice.org.uk/guidance/ng128" },
  { text: "2. Wealdmoor equality impact assessment, version 2 (2025)" },
];

let output = "";
let result: ReturnType<typeof senate>;

beforeAll(async () => {
  writeFileSync(join(dir, "case.docx"), await makeDocx(CASE));
  output = join(dir, "proposal.md");
  result = senate(["import", join(dir, "case.docx"), "--output", output]);
});

describe("senate import of a Word business case", () => {
  it("writes a proposal that validates, with a summary of what was mapped and what is left", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('LDN-3 from the heading "Principle 3: reducing inequalities"');
    expect(result.stdout).toContain('LDN-8 from the heading "Environmental sustainability (LDN-8)"');
    expect(result.stdout).toContain('caseForChange.summary from the heading "Case for change"');
    expect(result.stdout).toContain("2 references as evidence entries");
    expect(result.stdout).toContain('kept as narrative: "Wealdmoor stroke services: pre-consultation business case", "Governance"');
    expect(result.stdout).toMatch(/responses: LDN-1, LDN-2, LDN-4, LDN-5, LDN-6, LDN-7\n/);
    expect(senate(["validate", output]).code).toBe(0);
  });

  it("keeps the narrative, maps headings and references, and cites evidence", () => {
    const parsed = parseProposal(readFileSync(output, "utf8"), { filename: "proposal.md" });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { proposal } = parsed.value;
    expect(proposal.caseForChange.summary).toBe("Only 40% of patients reach a stroke unit within four hours [E1].");
    expect(proposal.responses?.["LDN-3"]).toEqual({
      text: "Travel times rise for the most deprived quintile by 6 minutes; the EqIA sets out mitigations [E2].\n\n### Carers\n\nCarers will be offered transport support.",
      evidence: ["E2"],
    });
    expect(proposal.evidence).toEqual([
      {
        id: "E1",
        type: "national-guidance",
        title: "NICE guideline NG128: Stroke and transient ischaemic attack in over 16s (2019)",
        link: "https://www.nice.org.uk/guidance/ng128",
      },
      { id: "E2", type: "eqia", title: "Wealdmoor equality impact assessment, version 2 (2025)" },
    ]);
    expect(readFileSync(output, "utf8")).toContain("The programme board meets monthly.");
    expect(parsed.value.warnings).toEqual([]);
  });

  it("assesses", () => {
    const r = senate(["assess", output, "--format", "json", "--fail-on", "never"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary.rating).toBeDefined();
  });

  it("refuses a file that is not a Word document or Markdown, and a broken .docx", () => {
    writeFileSync(join(dir, "bad.docx"), "not a zip");
    expect(senate(["import", join(dir, "case.pdf")])).toMatchObject({ code: 2, stderr: expect.stringMatching(/name a \.docx or \.md file/) });
    expect(senate(["import", join(dir, "bad.docx")])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/bad\.docx {2}read_failed {2}not a Word document/),
    });
  });

  it("imports Markdown, printing the proposal and the summary on standard error", () => {
    writeFileSync(join(dir, "case.md"), "# A case\n\n## LDN-1 Population\n\nWe serve 2.31 million people.\n");
    const r = senate(["import", join(dir, "case.md")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^---\n/);
    expect(r.stderr).toContain('LDN-1 from the heading "LDN-1 Population"');
    const parsed = parseProposal(r.stdout, { filename: "x.md" });
    expect(parsed.ok && parsed.value.proposal.responses?.["LDN-1"]?.text).toBe("We serve 2.31 million people.");
  });
});
