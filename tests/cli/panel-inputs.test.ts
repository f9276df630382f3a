import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// A new user's report: a waivers file beside a proposal, waiving everything the panel had still to judge
// with "TBC", turned an unreviewed proposal green. Run against the built binary (npm test builds first).
const CLI = "dist/cli.js";

function senate(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** stroke-hasu.yaml copied as s.yaml, with s.waivers.yaml beside it waiving each criterion awaiting the panel. */
function companion(justification: string, approver: string): string {
  const dir = mkdtempSync(join(tmpdir(), "senate-panel-"));
  const proposal = join(dir, "s.yaml");
  copyFileSync("examples/stroke-hasu.yaml", proposal);
  const awaiting = JSON.parse(senate(["assess", proposal, "--format", "json", "--now", "2026-06-01"]).stdout).forPanel.map(
    (item: { criterion: string }) => item.criterion,
  ) as string[];
  expect(awaiting.length).toBeGreaterThan(10);
  const items = awaiting.map(
    (id) => `  - criterion: ${id}\n    kind: not-applicable\n    justification: ${justification}\n    approver: ${approver}\n    expires: 2027-12-31\n`,
  );
  writeFileSync(join(dir, "s.waivers.yaml"), `schemaVersion: "1"\nframework: london-2020\nwaivers:\n${items.join("")}`);
  return proposal;
}

describe("a companion waivers file cannot make an unreviewed proposal green", () => {
  it("refuses TBC justifications and approvers: one located line each, exit 2, nothing on standard output", () => {
    const r = senate(["assess", companion("TBC", "TBC"), "--now", "2026-06-01"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines)
      expect(line).toMatch(/s\.waivers\.yaml:\d+:\d+ {2}non_answer {2}the waiver for LDN-\d\.\d+ gives a deferral, 'TBC', as its (justification|approver): /);
  });

  it("rates a proposal whose only panel criteria are waived, however well, provisional amber", () => {
    const proposal = companion("The board agreed this does not bear on the stroke pathway change.", "Dr B. Example, medical director");
    const r = senate(["assess", proposal, "--now", "2026-06-01", "--format", "json"]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout).summary;
    expect([summary.rating, summary.provisional, summary.coverage]).toEqual(["amber", true, 1]);
    const text = senate(["assess", proposal, "--now", "2026-06-01"]).stdout;
    expect(text).toMatch(/Overall +Amber/);
    expect(text).toMatch(/the panel has not judged any criterion of this proposal: .* \(provisional\)\n/);
  });
});
