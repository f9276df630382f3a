import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILTIN_FRAMEWORKS } from "../../src/framework/builtin.js";

// Figures and sample output the README states, held to what the tool does: a count, a line number or an
// error message that drifts from the code fails here rather than misleading a reader.

const README = readFileSync("README.md", "utf8");
const CLI = resolve("dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "senate-readme-facts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function senate(args: string[], cwd = resolve(".")): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** The README's text with line breaks inside a paragraph read as spaces. */
const flat = README.replace(/\n(?!\n)/g, " ");

describe("the README's facts", () => {
  it("gives each built-in framework's number of criteria", () => {
    for (const [id, fw] of Object.entries(BUILTIN_FRAMEWORKS)) {
      const row = README.split("\n").find((line) => line.startsWith(`| \`${id}\` |`));
      expect(row, id).toBeDefined();
      const count = fw.principles.reduce((n, p) => n + p.criteria.length, 0);
      expect(row?.trim().endsWith(`| ${count} |`), `${id}: ${row}`).toBe(true);
    }
  });

  it("shows what senate validate lists for the maternity example, line for line", () => {
    const block = /```text\n(examples\/maternity-unit\.md: valid\n[\s\S]*?)```/.exec(README)?.[1] ?? "";
    const shown = block.split("\n").filter((line) => line.trim() !== "" && line.trim() !== "...");
    expect(shown.length).toBeGreaterThanOrEqual(3);
    const run = senate(["validate", "examples/maternity-unit.md"]);
    expect(run.status).toBe(0);
    for (const line of shown) expect(run.out.split("\n"), line).toContain(line);
  });

  it("quotes a configuration error as the tool prints it", () => {
    const quoted = /`(senate\.config\.yaml:\d+:\d+ {2}invalid_value {2}[^`]+)`/.exec(flat)?.[1];
    expect(quoted).toBeDefined();
    writeFileSync(join(dir, "senate.config.yaml"), "failOn: purple\n");
    writeFileSync(join(dir, "p.yaml"), readFileSync("examples/stroke-hasu.yaml"));
    const run = senate(["assess", "p.yaml"], dir);
    expect(run.status).toBe(2);
    expect(run.out).toContain(quoted);
  });
});
