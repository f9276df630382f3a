import { spawn } from "node:child_process";
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { patchFs } from "../helpers/patch-fs.js";
import { FRAMEWORK, PROPOSAL, REVIEWS, WAIVERS } from "../hostile/documents.js";
import { CLI, runCli } from "../hostile/run-cli.js";
import { makeDir } from "./sandbox.js";

// Nothing is lost: --output is written atomically (a temporary file, then a rename), so a failed write
// leaves the old file whole and no temporary file behind; it is never an input; and when any input
// fails, no output is written at all.

const OLD = "the previous report, which must survive\n";
const ENV = { isTTY: false, noColor: true, now: new Date("2026-01-01T00:00:00Z") };

/** A folder holding a valid proposal (p.yaml), companions, and an existing output file (out.json). */
function folder(): { dir: string; at: (name: string) => string } {
  const dir = makeDir("senate-output-");
  made.push(dir);
  const files = { "p.yaml": PROPOSAL, "r.yaml": REVIEWS, "w.yaml": WAIVERS, "fw.yaml": FRAMEWORK, "out.json": OLD };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, at: (name) => join(dir, name) };
}

const listing = (dir: string) => readdirSync(dir).sort();
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("--output is written atomically", () => {
  it("a write that fails half-way leaves the old file whole and no temporary file", async () => {
    const { dir, at } = folder();
    const before = listing(dir);
    patchFs("writeSync", (original) => (fd: number, data: string) => {
      (original as (fd: number, data: string) => number)(fd, String(data).slice(0, 100));
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    });
    const result = await run(["assess", at("p.yaml"), "--format", "json", "--output", at("out.json"), "--fail-on", "never"], ENV);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write .*out\.json.*ENOSPC/);
    expect(readFileSync(at("out.json"), "utf8")).toBe(OLD);
    expect(listing(dir)).toEqual(before);
  });

  it("a rename that fails leaves the old file whole and no temporary file", async () => {
    const { dir, at } = folder();
    const before = listing(dir);
    const fail = () => () => {
      throw Object.assign(new Error("EXDEV: cross-device link not permitted"), { code: "EXDEV" });
    };
    patchFs("renameSync", fail);
    patchFs("linkSync", fail);
    const result = await run(["assess", at("p.yaml"), "--format", "json", "--output", at("out.json"), "--fail-on", "never"], ENV);
    expect(result.code).toBe(2);
    expect(readFileSync(at("out.json"), "utf8")).toBe(OLD);
    expect(listing(dir)).toEqual(before);
  });

  it("an output path that is a folder is refused; the folder is untouched and no temporary file is left", () => {
    const { dir, at } = folder();
    mkdirSync(at("report"));
    writeFileSync(join(at("report"), "keep.txt"), OLD);
    const before = listing(dir);
    const r = runCli(["assess", "p.yaml", "--output", "report", "--fail-on", "never"], { cwd: dir });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^senate assess: cannot write report/m);
    expect(listing(dir)).toEqual(before);
    expect(listing(at("report"))).toEqual(["keep.txt"]);
  });

  it("a complete report replaces the old file in one step", () => {
    const { dir, at } = folder();
    const r = runCli(["assess", "p.yaml", "--format", "json", "--output", "out.json", "--fail-on", "never"], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(at("out.json"), "utf8"))).toMatchObject({ schemaVersion: "2" });
    expect(listing(dir)).toEqual(["fw.yaml", "out.json", "p.yaml", "r.yaml", "w.yaml"]);
  });

  it("a process killed at any moment leaves either the old file or the whole new one", async () => {
    const { dir, at } = folder();
    const inputs = Array.from({ length: 40 }, (_, i) => `p${i}.yaml`);
    for (const name of inputs) writeFileSync(at(name), readFileSync("examples/stroke-hasu.yaml"));
    for (const delay of [150, 300, 450, 600, 900, 1200]) {
      writeFileSync(at("out.json"), OLD);
      const child = spawn(process.execPath, [CLI, "assess", ...inputs, "--format", "json", "--output", "out.json", "--fail-on", "never"], { cwd: dir });
      const exited = new Promise((done) => child.on("exit", done));
      setTimeout(() => child.kill("SIGKILL"), delay);
      await exited;
      const text = readFileSync(at("out.json"), "utf8");
      if (text !== OLD) expect(JSON.parse(text), `after ${delay} ms`).toHaveLength(inputs.length);
    }
  }, 60_000);
});

describe("--output is never an input", () => {
  it.each([
    ["the proposal", ["assess", "p.yaml", "--output", "p.yaml"], "p.yaml"],
    ["the proposal, spelt another way", ["assess", "p.yaml", "--output", "./sub/../p.yaml"], "p.yaml"],
    ["the proposal, by absolute path", ["assess", "p.yaml", "--output", "ABS/p.yaml"], "p.yaml"],
    ["the reviews file", ["assess", "p.yaml", "--reviews", "r.yaml", "--output", "r.yaml"], "r.yaml"],
    ["the waivers file", ["assess", "p.yaml", "--waivers", "w.yaml", "--output", "w.yaml"], "w.yaml"],
    ["the framework file", ["assess", "p.yaml", "--framework", "fw.yaml", "--output", "fw.yaml"], "fw.yaml"],
  ])("%s is refused and left as it was", (_name, args, input) => {
    const { dir, at } = folder();
    mkdirSync(at("sub"));
    const before = readFileSync(at(input), "utf8");
    const r = runCli(
      args.map((a) => a.replace("ABS", dir)),
      { cwd: dir },
    );
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/is also an input/);
    expect(r.stdout).toBe("");
    expect(readFileSync(at(input), "utf8")).toBe(before);
  });

  it.each([
    ["a symbolic link", (from: string, to: string) => symlinkSync(from, to)],
    ["a hard link", (from: string, to: string) => linkSync(from, to)],
  ])("an output that is %s to the proposal never changes the proposal", (_name, makeLink) => {
    const { at } = folder();
    makeLink(at("p.yaml"), at("alias.yaml"));
    const r = runCli(["assess", at("p.yaml"), "--format", "json", "--output", at("alias.yaml"), "--fail-on", "never"]);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readFileSync(at("p.yaml"), "utf8")).toBe(PROPOSAL);
  });
});

describe("when any input fails, no output is written", () => {
  it.each([
    ["a later proposal", ["p.yaml", "bad.yaml"]],
    ["an earlier proposal", ["bad.yaml", "p.yaml"]],
    ["a missing proposal", ["p.yaml", "missing.yaml"]],
  ])("%s fails: the old output is left as it was", (_name, proposals) => {
    const { dir, at } = folder();
    writeFileSync(at("bad.yaml"), `${PROPOSAL}oops: 1\n`);
    const r = runCli(["assess", ...proposals, "--format", "json", "--output", "out.json", "--fail-on", "never"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/(bad|missing)\.yaml/);
    expect(readFileSync(at("out.json"), "utf8")).toBe(OLD);
  });

  it("a later proposal fails: no output file is created", () => {
    const { dir, at } = folder();
    writeFileSync(at("bad.yaml"), `${PROPOSAL}oops: 1\n`);
    const r = runCli(["assess", "p.yaml", "bad.yaml", "--format", "markdown", "--output", "new.md", "--fail-on", "never"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(listing(dir)).not.toContain("new.md");
  });

  it("a bad reviews file: no output file is created", () => {
    const { dir, at } = folder();
    writeFileSync(at("r.yaml"), `${REVIEWS}oops: 1\n`);
    const r = runCli(["assess", "p.yaml", "--reviews", "r.yaml", "--output", "new.txt"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(listing(dir)).not.toContain("new.txt");
  });
});
