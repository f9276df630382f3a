import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { progressLine } from "../../src/cli/batch.js";
import { expandArgs, ignoreTest, matchGlob } from "../../src/cli/glob.js";
import { expandBraces, matchSegment } from "../../src/cli/glob-match.js";
import { UsageError } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";

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
    ["*.{yaml,md}", ["a+b(1).yaml", "a.yaml", "q1.md", "q22.md"]],
    ["q[0-9].md", ["q1.md"]],
    ["q[0-9][0-9].md", ["q22.md"]],
    ["{sub,nowhere}/*.yaml", ["sub/c.yaml"]],
  ])("braces and character classes: %s", (pattern, expected) => {
    expect(rel(matchGlob(`${tree}/${pattern}`))).toEqual(expected);
  });

  it("never takes a companion reviews or waivers file as a proposal, nor an ignored one", () => {
    const own = join(tmp, "companions");
    for (const f of ["a.yaml", "a.reviews.yaml", "a.waivers.yml", "b+c.yaml", "q1.md", "drafts/y.yaml", "sub/deep/d.yaml"]) {
      mkdirSync(join(own, f, ".."), { recursive: true });
      writeFileSync(join(own, f), "x");
    }
    const names = (files: string[]) => files.map((f) => f.slice(own.length + 1));
    expect(names(matchGlob(`${own}/*.yaml`))).toEqual(["a.yaml", "b+c.yaml"]);
    expect(names(expandArgs([own], { ignore: ["deep/", "*+*"] }))).toEqual(["a.yaml", "drafts/y.yaml", "q1.md"]);
    expect(() => ignoreTest(["!keep.yaml"])).toThrow(/negation/);
    expect(expandBraces("{a,b}/{c,{d,e}}.md")).toEqual(["a/c.md", "a/d.md", "a/e.md", "b/c.md", "b/d.md", "b/e.md"]);
    expect(() => expandBraces("{a,b}".repeat(10))).toThrow(/more than 256 patterns/);
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
    ["q[0-9].md", "q1.md", true],
    ["q[!0-9].md", "q1.md", false],
    ["[a-c]*", "beta", true],
    ["[]x]", "]", true],
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

  it("a folder stands for every proposal below it; an empty one is a usage error", () => {
    mkdirSync(join(tmp, "empty"), { recursive: true });
    expect(() => expandArgs([join(tmp, "empty")])).toThrow(/no proposal files .* in folder/);
  });

  it("expands arguments in order, without repeats or excluded files; plain paths pass through", () => {
    const files = expandArgs([`${tree}/sub/c.yaml`, `${tree}/**/*.yaml`, "-", "missing.yaml"], { exclude: [`${tree}/a.yaml`] });
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
    // One "valid" line per file; a Markdown file's is followed by what was read from its narrative.
    expect(r.stdout.match(/: valid$/gm)).toHaveLength(3);
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

  it("is shown, then cleared, for more than 20 files when standard error is a terminal", async () => {
    const lines: (string | undefined)[] = [];
    const r = await run(["assess", ...copies(21), "--format", "json", "--fail-on", "never"], { ...env, progress: (l) => lines.push(l) });
    expect(r.code).toBe(0);
    expect(lines[0]).toBe(`senate assess: 1/21 ${join(tmp, "copy-1.yaml")}`);
    // At most ten updates a second: every line names a file in hand, with the rate and time left once known.
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^senate assess: \d+\/21 \([\d.]+ files\/s, about \d+ (s|min) left\) \S+copy-\d+\.yaml$/);
    expect(lines.at(-1)).toBeUndefined();
  }, 60000);

  it("is not shown for 20 files or fewer", async () => {
    const lines: (string | undefined)[] = [];
    await run(["assess", ...copies(20), "--format", "json", "--fail-on", "never"], { ...env, progress: (l) => lines.push(l) });
    expect(lines).toEqual([]);
  });

  it("names the file with its control characters shown as escapes, and estimates from the rate so far", () => {
    expect(progressLine("validate", 0, 100, 0, "a\u001b[2Jb.yaml")).toBe("senate validate: 1/100 a\\u001b[2Jb.yaml");
    expect(progressLine("assess", 50, 10_050, 10_000, "p.yaml")).toBe("senate assess: 51/10050 (5.0 files/s, about 33 min left) p.yaml");
    expect(progressLine("assess", 4000, 10_000, 10_000, "p.yaml")).toBe("senate assess: 4001/10000 (400 files/s, about 15 s left) p.yaml");
  });
});
