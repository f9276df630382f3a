import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// `senate assess --framework a,b,c`: one report per framework, then the combined summary (built CLI).
function senate(args: string[]) {
  const r = spawnSync(process.execPath, ["dist/cli.js", ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ALL = "london-2020,west-midlands,nhse-service-change";

describe("assess against several frameworks", () => {
  it("prints three reports and a combined summary", () => {
    const r = senate(["assess", "examples/minor-injuries-overnight.yaml", "--framework", ALL, "--fail-on", "never"]);
    expect(r.code, r.stderr).toBe(0);
    for (const title of ["London Clinical Senate", "West Midlands", "NHS England"]) expect(r.stdout).toContain(title);
    expect(r.stdout).toMatch(/Combined summary: .*\n\nFramework +Rating[\s\S]*london-2020 3\.0\.0 +Red[\s\S]*west-midlands[\s\S]*nhse-service-change/);
    expect(r.stdout).toMatch(/Where the frameworks agree or differ on the same evidence:\n {2}(Agree|Differ|Not yet decidable)/);
  });

  it("shows agreement in Markdown too, and one JSON report per framework", () => {
    const md = senate(["assess", "examples/maternity-unit.md", "--framework", ALL, "--format", "markdown", "--fail-on", "never"]);
    expect(md.stdout).toMatch(/# Combined summary[\s\S]*## Where the frameworks agree or differ/);
    const json = JSON.parse(senate(["assess", "examples/maternity-unit.md", "--framework", ALL, "--format", "json", "--fail-on", "never"]).stdout);
    expect(json.map((r: { framework: { id: string } }) => r.framework.id)).toEqual(ALL.split(","));
  });

  it("applies reviews only to the framework they were written for", () => {
    const r = senate([
      "assess",
      "examples/stroke-hasu.yaml",
      "--reviews",
      "examples/stroke-hasu.reviews.yaml",
      "--framework",
      ALL,
      "--format",
      "json",
      "--fail-on",
      "never",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [london, wm] = JSON.parse(r.stdout);
    expect(london.inputs.map((i: { role: string }) => i.role)).toContain("reviews");
    expect(wm.inputs.map((i: { role: string }) => i.role)).not.toContain("reviews");
  });

  it("exits 1 when any framework's rating fails the gate", () => {
    expect(senate(["assess", "examples/maternity-unit.md", "--framework", ALL, "--fail-on", "amber"]).code).toBe(1);
  });

  it("refuses reviews written for another proposal, located", () => {
    const r = senate(["assess", "examples/maternity-unit.md", "--reviews", "examples/stroke-hasu.reviews.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^examples\/stroke-hasu\.reviews\.yaml:6:11 {2}wrong_proposal {2}written for proposal "NRV-STROKE-2025"/);
  });
});
