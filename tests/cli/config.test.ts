import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_MKFIFO, mkfifo } from "../helpers/fifo.js";

// The configuration file, companion files beside each proposal, and output paths, against the built CLI
// in a project folder of its own (no .git above it, so the search stays in the folder).
const CLI = resolve("dist/cli.js");

function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "senate-config-"));
  mkdirSync(join(dir, "proposals", "north"), { recursive: true });
  copyFileSync("examples/stroke-hasu.yaml", join(dir, "proposals", "north", "stroke.yaml"));
  copyFileSync("examples/minor-injuries-overnight.yaml", join(dir, "proposals", "minor.yaml"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function senate(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ratingOf = (stdout: string, file: string) => new RegExp(`^${file.replace(/[./]/g, "\\$&")} +(\\w+)`, "m").exec(stdout)?.[1];

describe("configuration file", () => {
  it("senate.config.yaml gives the inputs, gate and format; flags override it; senate config prints the merge", () => {
    const dir = project({ "senate.config.yaml": "inputs: [proposals]\nfailOn: never\nthresholds: { green: 0.9 }\nignores: [minor.yaml]\n" });
    const r = senate(dir, ["assess"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Reconfiguring hyper-acute stroke care/);
    expect(r.stdout).not.toMatch(/Minor injuries/i);
    expect(senate(dir, ["assess", "--fail-on", "red", "proposals/minor.yaml"]).code).toBe(1);
    const printed = JSON.parse(senate(dir, ["config", "--format", "json"]).stdout);
    expect(printed).toMatchObject({ configFile: "senate.config.yaml", inputs: ["proposals"], failOn: "never", format: "json", thresholds: { green: 0.9 } });
    expect(JSON.parse(senate(dir, ["assess", "--print-config"]).stdout)).toMatchObject({ ignores: ["minor.yaml"] });
  });

  it("problems are located lines, exit 2, nothing run", () => {
    const dir = project({ "senate.config.yaml": "inputs: [proposals]\nfailOn: purple\nthresholds:\n  green: 2\nformats: [sarif]\n" });
    const r = senate(dir, ["assess"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(
        /^senate\.config\.yaml:2:9 {2}invalid_value {2}expected one of red, amber, never, e\.g\. failOn: "red"; got "purple" \(at \/failOn\)$/,
      ),
      expect.stringMatching(/^senate\.config\.yaml:4:10 {2}invalid_value {2}expected a number of at most 1, .*got number 2 \(at \/thresholds\/green\)$/),
      expect.stringMatching(/^senate\.config\.yaml:5:1 {2}unknown_field {2}unknown field "formats"/),
    ]);
  });

  it("a senate key in package.json, and a JavaScript module, are found the same way", () => {
    const pkg = project({ "package.json": JSON.stringify({ name: "programme", senate: { inputs: ["proposals/north"], failOn: "amber" } }, null, 2) });
    expect(JSON.parse(senate(pkg, ["config"]).stdout)).toMatchObject({ configFile: "package.json", inputs: ["proposals/north"] });
    const bad = project({ "package.json": '{\n  "senate": { "frameworks": 7 }\n}\n' });
    expect(senate(bad, ["config"]).stderr).toMatch(/^package\.json:2:29 {2}invalid_value .*\(at \/frameworks\)\n$/);
    const mjs = project({ "senate.config.mjs": 'export default { inputs: ["proposals/minor.yaml"], format: "markdown" };\n' });
    expect(senate(mjs, ["assess", "--fail-on", "never"]).stdout).toMatch(/^# Assessment: /);
    const throws = project({ "senate.config.mjs": 'throw new Error("no config today");\n' });
    expect(senate(throws, ["assess"]).stderr).toMatch(/^senate\.config\.mjs:1:1 {2}read_failed {2}cannot load: no config today\n$/);
  });

  it("a config in a folder above is found (up to the repository root), its paths relative to itself", () => {
    const dir = project({ ".git/HEAD": "ref: main\n", "senate.config.json": '{ "inputs": ["proposals/north"], "failOn": "never" }' });
    mkdirSync(join(dir, "docs"));
    const printed = JSON.parse(senate(join(dir, "docs"), ["config"]).stdout);
    expect(printed).toMatchObject({ configFile: "../senate.config.json", inputs: ["../proposals/north"] });
    expect(senate(dir, ["config", "--no-config"]).stdout).not.toMatch(/configFile/);
  });

  it(".senateignore and --ignore-pattern skip files in globs and folders", () => {
    const dir = project({ ".senateignore": "# drafts\nnorth/\n" });
    expect(senate(dir, ["validate", "proposals"]).stdout).toBe("proposals/minor.yaml: valid\n");
    expect(senate(dir, ["validate", "proposals", "--ignore-pattern", "minor.*"]).stderr).toMatch(/no proposal files .* in folder "proposals"/);
    expect(senate(dir, ["validate", "proposals/**/*.{yaml,md}", "--no-config"]).stdout).toBe("proposals/minor.yaml: valid\n");
  });
});

describe("configuration that is not a file", () => {
  it.skipIf(!HAVE_MKFIFO)("a named pipe as senate.config.yaml or .senateignore is refused, never waited on", () => {
    const dir = project();
    mkfifo(join(dir, "senate.config.yaml"));
    expect(senate(dir, ["config"]).stderr).toMatch(/^senate\.config\.yaml {2}read_failed {2}not a regular file/);
    const other = project();
    mkfifo(join(other, ".senateignore"));
    expect(senate(other, ["validate", "proposals"]).stderr).toMatch(/^\.senateignore {2}read_failed/);
  });
});

describe("companion files", () => {
  it("X.reviews.yaml beside X.yaml pairs with it and is never a proposal; the config can name others", () => {
    const dir = project({ "proposals/north/stroke.reviews.yaml": readFileSync("examples/stroke-hasu.reviews.yaml", "utf8") });
    const r = senate(dir, ["assess", "proposals/**/*.yaml", "--fail-on", "never"]);
    expect(r.stdout).toMatch(/Summary of 2 files, 2 assessed/);
    expect(ratingOf(r.stdout, "proposals/north/stroke.yaml")).toBe("Green");
    expect(ratingOf(senate(dir, ["assess", "proposals", "--no-companions", "--fail-on", "never"]).stdout, "proposals/north/stroke.yaml")).toBe("Amber");
    const moved = project({ "panel/stroke.yaml": readFileSync("examples/stroke-hasu.reviews.yaml", "utf8") });
    writeFileSync(join(moved, "senate.config.yaml"), "proposals:\n  proposals/north/stroke.yaml: { reviews: panel/stroke.yaml }\n");
    expect(ratingOf(senate(moved, ["assess", "proposals", "--fail-on", "never"]).stdout, "proposals/north/stroke.yaml")).toBe("Green");
  });

  it("one --reviews file over several proposals is refused with a hint", () => {
    const dir = project();
    const r = senate(dir, ["assess", "proposals", "--reviews", join(resolve("examples"), "stroke-hasu.reviews.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--reviews names one file, but this run assesses 2 proposals; put each proposal's reviews beside it as <name>\.reviews\.yaml/);
  });
});

describe("output paths", () => {
  it("--output creates missing folders and takes the format from the extension", () => {
    const dir = project();
    for (const [file, check] of [
      ["reports/a/x.sarif", (t: string) => expect(JSON.parse(t).version).toBe("2.1.0")],
      ["reports/b/x.xml", (t: string) => expect(t).toMatch(/^<\?xml .*\n<testsuites>/)],
      ["reports/c/x.md", (t: string) => expect(t).toMatch(/^# Assessment: /)],
      ["reports/d/x.json", (t: string) => expect(JSON.parse(t).schemaVersion).toBe("2")],
      ["reports/e/x.html", (t: string) => expect(t).toMatch(/^<!doctype html>/i)],
    ] as const) {
      const r = senate(dir, ["assess", "proposals/minor.yaml", "--output", file, "--fail-on", "never"]);
      expect(r.code, r.stderr).toBe(0);
      check(readFileSync(join(dir, file), "utf8"));
    }
    expect(readFileSync(join(dir, "reports/a/x.sarif"), "utf8")).not.toMatch(/Rating/);
    senate(dir, ["assess", "proposals/minor.yaml", "--output", "reports/f/x.sarif", "--format", "markdown", "--fail-on", "never"]);
    expect(readFileSync(join(dir, "reports/f/x.sarif"), "utf8")).toMatch(/^# Assessment/); // --format wins
    expect(existsSync(join(dir, "reports/g"))).toBe(false);
  });
});
