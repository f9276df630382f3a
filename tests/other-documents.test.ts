import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseProposal } from "../src/proposal/parse.js";

// Another of the tool's documents given as a proposal is named for what it is, in one line, rather than
// validated as a proposal into a dozen unknown-field lines.

const dir = mkdtempSync(join(tmpdir(), "senate-other-docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REPORT = readFileSync("tests/golden/stroke-hasu.json", "utf8");

describe("a document that is not a proposal", () => {
  it.each([
    ["report.json", REPORT, "a senate assessment report, not a proposal: give it to --baseline or to senate diff"],
    ["baseline.json", `[${REPORT}, ${REPORT}]`, "a baseline (senate assessment reports), not a proposal"],
    ["r.yaml", readFileSync("examples/stroke-hasu.reviews.yaml", "utf8"), "a reviews file, not a proposal: give it to --reviews"],
    ["w.yaml", readFileSync("examples/outpatient-virtual.waivers.yaml", "utf8"), "a waivers file, not a proposal: give it to --waivers"],
    ["f.yaml", readFileSync("principles/london-2020.yaml", "utf8"), "a framework, not a proposal: give it to --framework"],
    ["t.yaml", readFileSync("examples/frameworks/riverside-stroke-network.yaml", "utf8"), "a framework, not a proposal"],
  ])("%s is named in one located line", (filename, text, words) => {
    const r = parseProposal(text, { filename });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "not_a_proposal", file: filename, line: expect.any(Number), column: expect.any(Number) });
    expect(r.issues[0]?.message).toContain(words);
  });

  it("a proposal with mistakes is still validated as a proposal", () => {
    const text = readFileSync("examples/stroke-hasu.yaml", "utf8").replace("  title: ", "  titel: ");
    const r = parseProposal(text, { filename: "p.yaml" });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toContain("unknown_field");
    expect(r.ok ? [] : r.issues.map((i) => i.code)).not.toContain("not_a_proposal");
  });

  it("senate assess over a folder holding a baseline says so in one line, exit 2", () => {
    copyFileSync("examples/stroke-hasu.yaml", join(dir, "stroke.yaml"));
    writeFileSync(join(dir, "baseline.json"), `[${REPORT}]`);
    const r = spawnSync(process.execPath, [resolve("dist/cli.js"), "assess", ".", "--now", "2026-01-01"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(2);
    const lines = r.stderr.split("\n").filter((l) => l.includes("baseline.json"));
    expect(lines[0]).toMatch(/^(\.\/)?baseline\.json:1:1 {2}not_a_proposal {2}this file is a baseline/);
    expect(lines.filter((l) => l.includes("unknown_field"))).toEqual([]);
  });
});
