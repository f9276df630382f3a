import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { elementNames, hazards, renderGfm } from "../helpers/sinks.js";
import { edit, FRAMEWORK, PROPOSAL } from "./documents.js";
import { runCli } from "./run-cli.js";

// Text from documents and file names reaches every output the built CLI writes; none of it may drive a
// terminal, reorder a line, issue a GitHub workflow command, or plant a link or an image. One case per
// way it got through in v0.2 (issue 16, causes 8 and 16, and the bidi and autolink findings).

const root = mkdtempSync(join(tmpdir(), "senate-sinks-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder holding `files`; the CLI runs in it. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, "case-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The test proposal with another title (a YAML double-quoted scalar, so escapes such as \e work). */
const titled = (title: string) => edit(PROPOSAL, "title: Test proposal", `title: "${title}"`);

const FORGED = "::error file=p.yaml,line=1::forged annotation";
/** LF, CR, ESC, an OSC 8 hyperlink, a C1 CSI, and a right-to-left override. */
const CONTROLS = "Plan\\n::warning::second line\\rthird \\e]8;;https://evil.example\\a link \\e]8;;\\a \\x9b31m red \\u202Eevil";

describe("text sinks in the built CLI", () => {
  it("text report: a title starting ::error is not a workflow command", () => {
    const run = runCli(["assess", "p.yaml", "--fail-on", "never"], { cwd: folder({ "p.yaml": titled(FORGED) }) });
    expect(run.status, run.stderr).toBe(0);
    expect(hazards(run.stdout)).toEqual([]);
    expect(run.stdout.split("\n")[0]).toContain("error file=p.yaml,line=1::forged annotation");
  });

  it.each(["text", "markdown"])("combined %s summary: LF, CR, ESC, OSC and C1 in a title are escaped", (format) => {
    const args = ["assess", "p.yaml", "--framework", "london-2020,west-midlands", "--format", format, "--fail-on", "never"];
    const run = runCli(args, { cwd: folder({ "p.yaml": titled(CONTROLS) }) });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Combined summary: /);
    expect(hazards(run.stdout)).toEqual([]);
  });

  it("validate: a file named ::error::x.yaml, or with a line break in its name, cannot issue a command", () => {
    const names = ["::error::x.yaml", "ok\n::warning::y.yaml"];
    const dir = folder(Object.fromEntries(names.map((n) => [n, PROPOSAL])));
    const run = runCli(["validate", ...names], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(2);
    expect(hazards(run.stdout)).toEqual([]);
    expect(run.stdout).toContain("error::x.yaml: valid");
  });

  it("summary table: every row's file name is escaped", () => {
    const names = ["::error::x.yaml", "ok\r::warning::y.yaml"];
    const dir = folder(Object.fromEntries(names.map((n) => [n, PROPOSAL])));
    const run = runCli(["assess", ...names, "--fail-on", "never"], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Summary of 2 files");
    expect(hazards(run.stdout)).toEqual([]);
  });

  it.each(["text", "markdown", "html", "json"])("%s report: bidi controls from a document are shown, not applied", (format) => {
    const title = "abc \\u202Edcba\\u202C \\u2066isolate\\u2069 \\u200Fmark";
    const run = runCli(["assess", "p.yaml", "--format", format, "--fail-on", "never"], { cwd: folder({ "p.yaml": titled(title) }) });
    expect(run.status, run.stderr).toBe(0);
    expect(hazards(run.stdout)).toEqual([]);
    if (format === "json") expect(JSON.parse(run.stdout).proposal.title).toBe("abc \u202Edcba\u202C \u2066isolate\u2069 \u200Fmark");
    else expect(run.stdout).toContain("\\u202e");
  });

  it("markdown report: bare URLs from a document are not made links", () => {
    const title = "See https://evil.example/phish and www.evil.example/x";
    const run = runCli(["assess", "p.yaml", "--format", "markdown", "--fail-on", "never"], { cwd: folder({ "p.yaml": titled(title) }) });
    expect(run.status, run.stderr).toBe(0);
    const html = renderGfm(run.stdout);
    expect(html).toContain("https://evil.example/phish");
    expect(elementNames(html).has("a")).toBe(false);
  });

  it("diff: a warning that names a hostile report file, or a hostile id inside it, cannot issue a command", () => {
    const dir = folder({ "p.yaml": PROPOSAL });
    const report = runCli(["assess", "p.yaml", "--format", "json", "--fail-on", "never"], { cwd: dir });
    const other = { ...JSON.parse(report.stdout), proposal: { ...JSON.parse(report.stdout).proposal, id: "X\n::error::id" } };
    writeFileSync(join(dir, "::error::old.json"), JSON.stringify(other));
    writeFileSync(join(dir, "new.json"), report.stdout);
    const run = runCli(["diff", "::error::old.json", "new.json"], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^senate diff: warning: baseline .*error::old\.json is for/);
    expect(hazards(run.stderr)).toEqual([]);
    expect(hazards(run.stdout)).toEqual([]);
  });

  it("SARIF help.markdown: framework text cannot carry HTML, javascript: links or remote images", () => {
    const fw = edit(
      edit(
        FRAMEWORK,
        "guidance: Write one in /caseForChange/summary.",
        "guidance: '<img src=https://evil.example/t.png onerror=alert(1)> [click](javascript:alert(1)) ![t](https://evil.example/t.png) https://evil.example/x'",
      ),
      "recommendation: Write a summary.",
      "recommendation: '<script>alert(2)</script> &#x202E; <https://evil.example/y>'",
    );
    const run = runCli(["assess", "p.yaml", "--framework", "fw.yaml", "--format", "sarif", "--fail-on", "never"], {
      cwd: folder({ "p.yaml": PROPOSAL, "fw.yaml": fw }),
    });
    expect(run.status, run.stderr).toBe(0);
    const help = JSON.parse(run.stdout).runs[0].tool.driver.rules[0].help.markdown as string;
    const html = renderGfm(help);
    expect([...elementNames(html)].sort()).toEqual(["code", "p", "strong"]);
    expect(html).not.toContain("\u202E");
    expect(html).toContain("javascript:alert(1)");
  });
});
