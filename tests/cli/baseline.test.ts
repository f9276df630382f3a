import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// Baselines and diffs against the built binary: `assess --baseline` ratchets (exit 1 only for new
// unwaived gaps or a worse overall rating), `diff` reports what changed between two JSON reports.
const CLI = "dist/cli.js";
const tmp = mkdtempSync(join(tmpdir(), "senate-baseline-"));
const STROKE = "examples/stroke-hasu.yaml";
const REVIEWS = ["--reviews", "examples/stroke-hasu.reviews.yaml"];

function senate(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const path = (name: string) => join(tmp, name);

beforeAll(() => {
  // A copy of the strongest example with one field removed: LDN-8.5 (carbon, including travel) becomes a gap.
  const original = readFileSync(STROKE, "utf8");
  const worse = original.replace(/^ {4}includesTravel: true\n/m, "");
  expect(worse).not.toBe(original);
  writeFileSync(path("worse.yaml"), worse);
  for (const [name, file] of [
    ["base.json", STROKE],
    ["worse.json", path("worse.yaml")],
  ] as const) {
    const r = senate(["assess", file, ...REVIEWS, "--format", "json", "--output", path(name), "--fail-on", "never"]);
    expect(r.code, r.stderr).toBe(0);
  }
  writeFileSync(path("not-a-report.json"), '{\n  "schemaVersion": "1",\n  "tool": {"name": "senate-principles", "version": "0.1.0"}\n}\n');
});

describe("senate assess --baseline", () => {
  it("exits 1 when a gap is added, with a one-paragraph summary on stderr", () => {
    const r = senate(["assess", path("worse.yaml"), ...REVIEWS, "--baseline", path("base.json")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Overall +Green/); // the report itself is unchanged in form
    expect(r.stderr).toMatch(
      /^Against baseline .*base\.json, NRV-STROKE-2025: 1 new gap \(LDN-8\.5\), 0 closed, 0 changed, \d+ unchanged; .*Regressed: 1 new gap/,
    );
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 0 when a gap is closed", () => {
    const r = senate(["assess", STROKE, ...REVIEWS, "--baseline", path("worse.json")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/0 new gaps, 1 closed \(LDN-8\.5\).*No regression/);
  });

  it("replaces the rating gate, unless --fail-on is given too", () => {
    const red = path("red.json");
    expect(senate(["assess", "examples/minor-injuries-overnight.yaml", "--format", "json", "--output", red, "--fail-on", "never"]).code).toBe(0);
    expect(senate(["assess", "examples/minor-injuries-overnight.yaml", "--baseline", red]).code).toBe(0);
    expect(senate(["assess", "examples/minor-injuries-overnight.yaml", "--baseline", red, "--fail-on", "red"]).code).toBe(1);
  });

  it("counts a proposal or framework the baseline does not hold as new gaps, not an error", () => {
    const other = senate(["assess", "examples/outpatient-virtual.yaml", "--baseline", path("base.json")]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^Against baseline .*base\.json, \S+ \(not in the baseline\): \d+ new gaps .*Regressed: \d+ new gaps/);
    const framework = senate(["assess", STROKE, "--framework", "west-midlands", "--baseline", path("base.json")]);
    // The strong example has no gap under the West Midlands values, so nothing is new.
    expect(framework.code, framework.stderr).toBe(0);
    expect(framework.stderr).toMatch(/NRV-STROKE-2025 \(not in the baseline\): 0 new gaps.*overall absent → \w+ \(added\)/);
  });

  it("validates the baseline as a report, with locations", () => {
    const r = senate(["assess", STROKE, "--baseline", path("not-a-report.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not-a-report\.json:1:1 {2}missing_field {2}missing required field "framework"/);
    expect(senate(["assess", STROKE, "--baseline", STROKE]).stderr).toMatch(/stroke-hasu\.yaml:\d+:\d+ {2}unknown_field/);
  });

  it("takes an array of reports as the baseline, matched by proposal id", () => {
    const files = ["examples/outpatient-virtual.yaml", "examples/minor-injuries-overnight.yaml"];
    const all = path("all.json");
    expect(senate(["assess", ...files, "--format", "json", "--output", all, "--fail-on", "never"]).code).toBe(0);
    const r = senate(["assess", ...files.reverse(), "--baseline", all]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(2);
    expect(senate(["assess", STROKE, "--baseline", all]).stderr).toMatch(/NRV-STROKE-2025 \(not in the baseline\)/);
  });
});

describe("senate diff", () => {
  it("reports new gaps and exits 0 (informational)", () => {
    const r = senate(["diff", path("base.json"), path("worse.json")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Changes in Reconfiguring hyper-acute stroke care/);
    expect(r.stdout).toMatch(/New gaps \(1\):\n {2}\+ LDN-8\.5 {2}major/);
    expect(r.stdout).toMatch(/LDN-8 Environmental sustainability: Green → Amber \(worse\)/);
    expect(r.stderr).toBe("");
  });

  it("--fail-on-new exits 1 for a new gap, 0 for a closed one", () => {
    expect(senate(["diff", path("base.json"), path("worse.json"), "--fail-on-new"]).code).toBe(1);
    const closed = senate(["diff", path("worse.json"), path("base.json"), "--fail-on-new"]);
    expect(closed.code).toBe(0);
    expect(closed.stdout).toMatch(/Closed gaps \(1\):\n {2}- LDN-8\.5/);
  });

  it("writes Markdown and JSON", () => {
    expect(senate(["diff", path("base.json"), path("worse.json"), "--format", "markdown"]).stdout).toMatch(/### New gaps \(1\)\n\n\| Criterion/);
    const json = JSON.parse(senate(["diff", path("base.json"), path("worse.json"), "--format", "json"]).stdout);
    expect(json.gaps.new.map((g: { criterion: string }) => g.criterion)).toEqual(["LDN-8.5"]);
    expect(json.regressed).toBe(true);
  });

  it("warns about reports for different proposals; --fail-on-new counts the new one's gaps as new", () => {
    const other = path("other.json");
    senate(["assess", "examples/outpatient-virtual.yaml", "--format", "json", "--output", other, "--fail-on", "never"]);
    const r = senate(["diff", path("base.json"), other]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^senate diff: warning: baseline .* is for proposal "NRV-STROKE-2025".*; comparing them anyway\n$/);
    expect(r.stdout).toMatch(/The baseline is for another proposal \(NRV-STROKE-2025\)/);
    const strict = senate(["diff", path("base.json"), other, "--fail-on-new"]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/The baseline holds no report for this proposal and framework: every gap counts as new/);
  });

  it("over arrays, compares a proposal the old file lacks with nothing: every gap new", () => {
    const old = path("two.json");
    const now = path("three.json");
    const files = ["examples/outpatient-virtual.yaml", "examples/minor-injuries-overnight.yaml"];
    expect(senate(["assess", ...files, "--format", "json", "--output", old, "--fail-on", "never"]).code).toBe(0);
    expect(senate(["assess", ...files, STROKE, "--format", "json", "--output", now, "--fail-on", "never"]).code).toBe(0);
    const r = senate(["diff", old, now, "--format", "json", "--fail-on-new"]);
    const diffs = JSON.parse(r.stdout);
    expect(diffs).toHaveLength(3);
    const added = diffs.find((d: { notInBaseline?: boolean }) => d.notInBaseline);
    expect(added.proposal.id).toBe("NRV-STROKE-2025");
    expect(added.rating.direction).toBe("added");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(added.regressed ? 1 : 0);
  });

  it("rejects bad input with locations, and bad usage", () => {
    const bad = senate(["diff", path("base.json"), path("not-a-report.json")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not-a-report\.json:1:1 {2}missing_field/);
    expect(senate(["diff", path("base.json")]).stderr).toMatch(/name two report files/);
    expect(senate(["diff", path("base.json"), path("nope.json")]).stderr).toMatch(/nope\.json {2}read_failed {2}no such file/);
    expect(senate(["diff", path("base.json"), path("worse.json"), "--format", "html"]).stderr).toMatch(/--format must be one of text, markdown, json/);
  });
});
