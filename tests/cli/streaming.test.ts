import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtinFramework } from "../../src/framework/builtin.js";
import type { AssessmentReport } from "../../src/model/report.js";
import { assessFile } from "../../src/node/files.js";
import { formatReport } from "../../src/report/format.js";
import { formatGithubAll } from "../../src/report/github-annotations.js";
import { formatJunitAll } from "../../src/report/junit.js";
import { formatSarifAll } from "../../src/report/sarif.js";
import { CLI } from "../hostile/run-cli.js";

// Over several files every format is written a piece at a time (a JSON array as `[`, items, `]`; a
// JUnit document suite by suite; SARIF and GitHub annotations, which choose what to keep within
// GitHub's limits, at the end), and the pieces add up, byte for byte, to the
// document the whole-set formatters make (each validated by its consumer in tests/report/). Ctrl-C
// stops a run cleanly: exit 130, and no output file, whole or partial.

const FILES = ["examples/maternity-unit.md", "examples/minor-injuries-overnight.yaml", "examples/stroke-hasu.yaml"];
const NOW = new Date();
const dir = mkdtempSync(join(tmpdir(), "senate-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function senate(args: string[]) {
  // The library side assesses each example alone, so the CLI leaves stroke-hasu's reviews beside it aside too.
  const alone = args[0] === "assess" ? ["--no-companions"] : [];
  const r = spawnSync(process.execPath, [CLI, ...args, ...alone], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function reportsFor(frameworks: string[]): AssessmentReport[] {
  return FILES.flatMap((file) =>
    frameworks.map((framework) => {
      const r = assessFile(file, { now: NOW, framework });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return r.value;
    }),
  );
}

describe("several files, written as they are assessed", () => {
  const london = reportsFor(["london-2020"]);
  const framework = builtinFramework("london-2020")?.framework;
  if (!framework) throw new Error("no london-2020");
  const frameworks = [framework];
  const expected: [string, string[], string][] = [
    ["json", ["--format", "json"], `${JSON.stringify(london, null, 2)}\n`],
    ["ndjson", ["--ndjson"], london.map((r) => `${JSON.stringify(r)}\n`).join("")],
    // The CLI adds the run for invalid files, present even when empty.
    ["sarif", ["--format", "sarif"], formatSarifAll(london, frameworks, { validation: true })],
    ["junit", ["--format", "junit"], formatJunitAll(london)],
    ["github", ["--format", "github"], formatGithubAll(london)],
    ["markdown", ["--format", "markdown"], london.map((r) => formatReport(r, "markdown", { framework })).join("\n")],
  ];
  it.each(expected)("%s: the same bytes as the whole-set formatter", (_name, args, whole) => {
    const r = senate(["assess", ...FILES, ...args, "--fail-on", "never"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(whole);
    // One JSON document (json, sarif) is exactly what JSON.stringify makes of the whole, as before streaming.
    if (args.includes("json") || args.includes("sarif")) expect(`${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`).toBe(r.stdout);
  });

  it("several frameworks: one JSON array and one SARIF log over every file and framework", () => {
    const both = reportsFor(["london-2020", "west-midlands"]);
    const args = ["assess", ...FILES, "--framework", "london-2020,west-midlands", "--fail-on", "never"];
    expect(senate([...args, "--format", "json"]).stdout).toBe(`${JSON.stringify(both, null, 2)}\n`);
    const sarif = JSON.parse(senate([...args, "--format", "sarif"]).stdout);
    const ids = (runs: { properties: { framework: { id: string } } }[]) => runs.map((run) => run.properties.framework.id);
    expect(ids(sarif.runs.slice(0, -1))).toEqual(["london-2020", "west-midlands"]);
    expect(sarif.runs.at(-1).automationDetails.id).toBe("senate/validation/");
  });

  it("text: each report, then one summary row per file", () => {
    const r = senate(["assess", ...FILES, "--fail-on", "never"]);
    const reports = london.map((report) => formatReport(report, "text")).join("\n");
    expect(r.stdout.startsWith(`${reports}\nSummary of 3 files, 3 assessed\n`)).toBe(true);
    expect(r.stdout.trimEnd().split("\n").slice(-3)).toHaveLength(3);
  });

  it("an invalid file in the middle: the array holds the others", () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, 'schemaVersion: "1"\n');
    const r = senate(["assess", FILES[0] as string, bad, FILES[1] as string, "--format", "json", "--fail-on", "never"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).map((x: AssessmentReport) => x.proposal.id)).toEqual(london.slice(0, 2).map((x) => x.proposal.id));
    expect(r.stderr).toMatch(/bad\.yaml:1:1 {2}missing_field/);
  });

  it("diff over arrays of reports: one JSON array, as JSON.stringify writes it", () => {
    const base = join(dir, "base.json");
    writeFileSync(base, senate(["assess", ...FILES, "--format", "json", "--fail-on", "never"]).stdout);
    const r = senate(["diff", base, base, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const diffs = JSON.parse(r.stdout);
    expect(diffs).toHaveLength(3);
    expect(r.stdout).toBe(`${JSON.stringify(diffs, null, 2)}\n`);
  });

  it("html holds one report, so several are refused before any work", () => {
    const r = senate(["assess", ...FILES, "--format", "html"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("senate assess: --format html makes one page per report: assess one file against one framework at a time\n");
  });
});

describe("Ctrl-C", () => {
  const OLD = "the previous report\n";
  const inputs = Array.from({ length: 1500 }, (_, i) => `p${i}.yaml`);
  for (const name of inputs) copyFileSync("examples/minor-injuries-overnight.yaml", join(dir, name));

  /** Starts a run, sends SIGINT once `ready` holds (polled), and resolves with how it ended. */
  function interrupt(args: string[], ready: (stdout: string) => boolean): Promise<{ code: number | null; signal: string | null; stderr: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString("utf8");
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
      });
      const poll = setInterval(() => {
        if (!ready(stdout)) return;
        clearInterval(poll);
        child.kill("SIGINT");
      }, 20);
      child.on("exit", (code, signal) => {
        clearInterval(poll);
        done({ code, signal, stderr });
      });
    });
  }

  it("stops assess part-way: exit 130, the old report as it was, no temporary file", async () => {
    writeFileSync(join(dir, "out.json"), OLD);
    const before = readdirSync(dir).sort();
    const growing = () => readdirSync(dir).some((f) => f.endsWith(".tmp"));
    const r = await interrupt(["assess", ...inputs, "--format", "json", "--fail-on", "never", "--output", "out.json"], growing);
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toBe("senate assess: stopped by SIGINT; out.json not written\n");
    expect(readFileSync(join(dir, "out.json"), "utf8")).toBe(OLD);
    expect(readdirSync(dir).sort()).toEqual(before);
  }, 60_000);

  it("stops validate part-way: exit 130", async () => {
    const r = await interrupt(["validate", ...inputs], (stdout) => stdout.includes(": valid\n"));
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toBe("senate validate: stopped by SIGINT\n");
  }, 60_000);
});
