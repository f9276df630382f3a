import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { githubSarifProblems, sarifSchemaErrors } from "../helpers/github-sarif.js";
import { CLI } from "../hostile/run-cli.js";

// A programme repository as CI sees it: 30 proposals in folders, a baseline made from them, then a
// proposal added and a file broken. The README's workflow commands run against it: SARIF for code
// scanning (written even with an invalid file), annotations within GitHub's limits with new gaps
// first, and the baseline gate.

const repo = mkdtempSync(join(tmpdir(), "senate-programme-"));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const EXAMPLES = ["minor-injuries-overnight.yaml", "outpatient-virtual.yaml", "stroke-hasu.yaml"];
const ID = /^( {2}id: ).*$/m;

function senate(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? repo,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", GITHUB_STEP_SUMMARY: "", ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes proposal n: an example under its own id, in one of three area folders. */
function proposal(n: number): string {
  const text = readFileSync(join("examples", EXAMPLES[n % EXAMPLES.length]!), "utf8").replace(ID, `$1P-${n}`);
  const file = `proposals/area-${n % 3}/p${n}.yaml`;
  mkdirSync(join(repo, `proposals/area-${n % 3}`), { recursive: true });
  writeFileSync(join(repo, file), text);
  return file;
}

beforeAll(() => {
  mkdirSync(join(repo, ".git"));
  for (let n = 0; n < 30; n++) proposal(n);
  const made = senate(["assess", "proposals/**/*.yaml", "--baseline", "baseline.json", "--update-baseline", "--quiet"]);
  expect(made.code, made.stderr).toBe(0);
  expect(made.stdout).toBe("");
  proposal(30); // a minor-injuries copy: weak, so it brings new gaps
  writeFileSync(join(repo, "proposals/area-0/broken.yaml"), 'schemaVersion: "1"\nmetadata: [\n');
}, 120_000);

describe("a programme in CI", () => {
  it("--update-baseline created the baseline with every proposal", () => {
    const baseline = JSON.parse(readFileSync(join(repo, "baseline.json"), "utf8"));
    expect(baseline).toHaveLength(30);
  });

  it("SARIF: written with an invalid file, valid, within GitHub's rules, paths from the repository root", () => {
    // Run from a folder below the root: paths still start at the root, found by its .git.
    const r = senate(["assess", "**/*.yaml", "--format", "sarif", "--output", "../senate.sarif", "--fail-on", "never"], { cwd: join(repo, "proposals") });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+ {2}syntax_error/);
    const text = readFileSync(join(repo, "senate.sarif"), "utf8");
    const log = JSON.parse(text);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(githubSarifProblems(text)).toEqual([]);
    expect(log.runs.map((run: { automationDetails: { id: string } }) => run.automationDetails.id)).toEqual(["senate/london-2020/", "senate/validation/"]);
    expect(log.runs[0].properties.reports).toHaveLength(31);
    const invalid = log.runs[1].results;
    expect(invalid).toHaveLength(1);
    expect(invalid[0].locations[0].physicalLocation.artifactLocation.uri).toBe("proposals/area-0/broken.yaml");
    const uris = new Set(
      log.runs[0].results.map(
        (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri,
      ),
    );
    expect([...uris].every((u) => /^proposals\/area-\d\/p\d+\.yaml$/.test(String(u)))).toBe(true);
  });

  it("--base-dir sets the folder paths are relative to", () => {
    const r = senate(["assess", "proposals/area-1/p1.yaml", "--format", "sarif", "--base-dir", "proposals", "--fail-on", "never"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('"uri": "area-1/p1.yaml"');
  });

  it("annotations: invalid files and new gaps first, at most 10 of each kind, the rest in the job summary", () => {
    const summary = join(repo, "summary.md");
    writeFileSync(summary, "");
    const r = senate(["assess", "proposals/**/*.yaml", "--format", "github", "--baseline", "baseline.json"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(2); // the broken file
    const lines = r.stdout.trimEnd().split("\n");
    const count = (kind: string) => lines.filter((l) => l.startsWith(`::${kind} `)).length;
    expect(count("error")).toBeLessThanOrEqual(10);
    expect(count("warning")).toBeLessThanOrEqual(10);
    expect(count("notice")).toBeLessThanOrEqual(10);
    expect(lines[0]).toMatch(/^::error file=proposals\/area-0\/broken\.yaml,line=\d+,col=\d+,title=Invalid%3A syntax_error::/);
    const warnings = lines.filter((l) => l.startsWith("::warning "));
    expect(warnings.length).toBe(10);
    // p30 is the only proposal the baseline lacks: its warnings come first, marked new.
    expect(warnings[0]).toMatch(/file=proposals\/area-0\/p30\.yaml.*title=New%3A /);
    expect(lines.at(-1)).toMatch(/^::notice title=Senate assessment::31 reports .*\d+ gaps \(\d+ new\).* more not annotated/);
    const md = readFileSync(summary, "utf8");
    expect(md).toContain("| **new**, ");
    expect(md).toMatch(/### Not annotated\n\n- \d+ gaps not annotated/);
    expect(r.stderr).toMatch(/P-30 \(not in the baseline\): \d+ new gaps/);
  });

  it("--fail-on-gap gates on gap severity; with a baseline, on new gaps only", () => {
    const strong = "proposals/area-2/p2.yaml"; // stroke: no open critical gap
    const weak = "proposals/area-0/p0.yaml";
    expect(senate(["assess", strong, "--fail-on-gap", "critical", "--fail-on", "never", "--quiet"]).code).toBe(0);
    expect(senate(["assess", weak, "--fail-on-gap", "critical", "--fail-on", "never", "--quiet"]).code).toBe(1);
    expect(senate(["assess", weak, "--baseline", "baseline.json", "--fail-on-gap", "critical", "--quiet"]).code).toBe(0);
    expect(senate(["assess", "proposals/area-0/p30.yaml", "--baseline", "baseline.json", "--fail-on-gap", "critical", "--quiet"]).code).toBe(1);
    expect(senate(["assess", weak, "--fail-on-gap", "severe"]).stderr).toMatch(/--fail-on-gap must be one of critical, major, minor/);
  });

  it("--update-baseline keeps proposals it did not assess and accepts what changed", () => {
    const copy = join(repo, "copy.json");
    writeFileSync(copy, readFileSync(join(repo, "baseline.json")));
    const r = senate(["assess", "proposals/area-0/p30.yaml", "--baseline", "copy.json", "--update-baseline", "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const ids = JSON.parse(readFileSync(copy, "utf8")).map((x: { proposal: { id: string } }) => x.proposal.id);
    expect(ids).toHaveLength(31);
    expect(ids[0]).toBe("P-30");
    expect(senate(["assess", "proposals/area-0/p30.yaml", "--baseline", "copy.json"]).code).toBe(0);
    // A failed run leaves the baseline as it was, and no temporary file beside it.
    const before = readFileSync(copy, "utf8");
    expect(senate(["assess", "proposals/area-0/broken.yaml", "--baseline", "copy.json", "--update-baseline"]).code).toBe(2);
    expect(readFileSync(copy, "utf8")).toBe(before);
    expect(readdirSync(repo).filter((f) => f.startsWith(".senate-"))).toEqual([]);
    expect(senate(["assess", "proposals/area-0/p30.yaml", "--update-baseline"]).stderr).toMatch(/--update-baseline rewrites the --baseline file/);
  });
});
