import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assessCommand } from "../../src/cli/assess.js";
import { expandArgs, matchGlob, matchSegment } from "../../src/cli/glob.js";
import { UsageError } from "../../src/cli/io.js";

// Globs, one summary over several files, JSON arrays and NDJSON, progress on a terminal, and the
// exit code of the worst file.
const CLI = "dist/cli.js";
const tmp = mkdtempSync(join(tmpdir(), "senate-many-"));

function senate(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tree = join(tmp, "tree");

function touch(...parts: string[]): void {
  const file = join(tree, ...parts);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, "x");
}

for (const f of ["a.yaml", "b.yml", ".hidden.yaml", "q1.md", "q22.md", "a+b(1).yaml", "sub/c.yaml", "sub/deep/d.yaml", ".git/e.yaml"]) touch(...f.split("/"));
mkdirSync(join(tree, "dir.yaml"));

const proposals = join(tmp, "proposals");
mkdirSync(join(proposals, "nested"), { recursive: true });
copyFileSync("examples/stroke-hasu.yaml", join(proposals, "stroke.yaml"));
copyFileSync("examples/minor-injuries-overnight.yaml", join(proposals, "nested", "minor.yaml"));
copyFileSync("examples/maternity-unit.md", join(proposals, "maternity.md"));

describe("glob matching", () => {
  const rel = (files: string[]) => files.map((f) => f.slice(tree.length + 1));
  it.each([
    ["*.yaml", ["a+b(1).yaml", "a.yaml"]],
    ["**/*.yaml", ["a+b(1).yaml", "a.yaml", "sub/c.yaml", "sub/deep/d.yaml"]],
    ["q?.md", ["q1.md"]],
    ["sub/**", ["sub/c.yaml", "sub/deep/d.yaml"]],
    ["*/c.yaml", ["sub/c.yaml"]],
    [".*.yaml", [".hidden.yaml"]],
    ["*.json", []],
  ])("%s", (pattern, expected) => {
    expect(rel(matchGlob(`${tree}/${pattern}`))).toEqual(expected);
  });

  it.each([
    ["*.yaml", "a.yaml", true],
    ["*.yaml", "a.yml", false],
    ["a+b(1).yaml", "a+b(1).yaml", true],
    ["a.yaml", "abyaml", false],
    ["?", "é", true],
    ["*a*b", "xaxxb", true],
    ["*a*b", "xaxxbx", false],
    ["**", "", true],
    ["", "x", false],
  ])("segment %s against %s: %s", (pattern, name, expected) => {
    expect(matchSegment(pattern, name)).toBe(expected);
  });

  it("matches a pathological pattern against a long name about as fast as an ordinary one", () => {
    // A backtracking matcher takes exponential time here. Timed against an ordinary pattern over the same
    // name in the same test, best of several rounds, so a busy machine slows both alike.
    const name = `${"a".repeat(200)}.yaml`;
    const pathological = "*a*a*a*a*a*a*a*a*a*a*a*a*b.yaml";
    expect(matchSegment(pathological, name)).toBe(false);
    expect(matchSegment("*b.yaml", name)).toBe(false);
    const cost = (pattern: string) => {
      let best = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 7; round++) {
        const start = performance.now();
        for (let i = 0; i < 200; i++) matchSegment(pattern, name);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const ordinary = cost("*b.yaml");
    // Today the two cost about the same; 20 times leaves room for noise, not for a change of complexity.
    expect(cost(pathological)).toBeLessThan(20 * Math.max(ordinary, 0.05));
  });

  it("expands arguments in order, without repeats or excluded files; plain paths pass through", () => {
    const files = expandArgs([`${tree}/sub/c.yaml`, `${tree}/**/*.yaml`, "-", "missing.yaml"], [`${tree}/a.yaml`]);
    expect(files).toEqual([`${tree}/sub/c.yaml`, `${tree}/a+b(1).yaml`, `${tree}/sub/deep/d.yaml`, "-", "missing.yaml"]);
  });

  it("a glob that matches nothing is a usage error naming it", () => {
    expect(() => expandArgs([`${tree}/*.json`])).toThrow(UsageError);
    expect(() => expandArgs([`${tree}/*.json`])).toThrow(`no files match "${tree}/*.json"`);
  });
});

describe("several files", () => {
  const glob = `${proposals}/**/*.yaml`;

  it("text ends with one summary table, and the exit code is the worst file's", () => {
    const r = senate(["assess", glob]);
    expect(r.code).toBe(1); // minor injuries is red
    expect(r.stdout).toMatch(
      /\nSummary of 2 files, 2 assessed\nFile +Rating +Score +Cover +Gaps\n.*nested\/minor\.yaml +Red +\d+% +\d+% +\d+ \(\d+ critical\)\n.*stroke\.yaml +Amber .*\n$/,
    );
  });

  it("--format json is one array; --ndjson one report per line", () => {
    const json = JSON.parse(senate(["assess", glob, `${proposals}/*.md`, "--format", "json", "--fail-on", "never"]).stdout);
    expect(json.map((r: { proposal: { id: string } }) => r.proposal.id)).toEqual(["WMH-MIU-2025", "NRV-STROKE-2025", "FWM-MATERNITY-2025"]);
    const lines = senate(["assess", glob, "--ndjson", "--fail-on", "never"]).stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => JSON.parse(l).schemaVersion)).toEqual(["2", "2"]);
    expect(senate(["assess", glob, "--ndjson", "--format", "markdown"]).stderr).toMatch(/--ndjson writes JSON; drop --format markdown/);
  });

  it("an invalid file among valid ones: the others are still reported, and the exit code is 2", () => {
    const broken = join(tmp, "broken.yaml");
    writeFileSync(broken, 'schemaVersion: "1"\n');
    const r = senate(["assess", glob, broken, "--fail-on", "never"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:1:1 {2}missing_field/);
    expect(r.stdout).toMatch(/broken\.yaml +Invalid +— +— +—\n$/);
    expect(r.stdout).toMatch(/Summary of 3 files, 2 assessed, 1 invalid/);
  });

  it("a glob that matches nothing exits 2", () => {
    const r = senate(["validate", `${proposals}/*.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`senate validate: no files match "${proposals}/*.json"\n`);
  });

  it("validate expands globs", () => {
    const r = senate(["validate", `${proposals}/**`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(3);
  });
});

describe("progress", () => {
  const env = { isTTY: false, noColor: true, now: new Date("2026-01-01T00:00:00Z") };
  const copies = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const file = join(tmp, `copy-${i + 1}.yaml`);
      copyFileSync("examples/minor-injuries-overnight.yaml", file);
      return file;
    });

  it("is shown, then cleared, for more than 20 files when standard error is a terminal", () => {
    const lines: (string | undefined)[] = [];
    const r = assessCommand([...copies(21), "--format", "json", "--fail-on", "never"], { ...env, progress: (l) => lines.push(l) });
    expect(r.code).toBe(0);
    expect(lines).toHaveLength(22);
    expect(lines[0]).toBe(`senate assess: 1/21 ${join(tmp, "copy-1.yaml")}`);
    expect(lines.at(-1)).toBeUndefined();
  }, 60000);

  it("is not shown for 20 files or fewer", () => {
    const lines: (string | undefined)[] = [];
    assessCommand([...copies(20), "--format", "json", "--fail-on", "never"], { ...env, progress: (l) => lines.push(l) });
    expect(lines).toEqual([]);
  });
});
