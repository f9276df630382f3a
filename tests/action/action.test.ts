import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildProgramme } from "../programme/build.js";
import { runComposite } from "./workflow.js";

// The repository's GitHub Action (action.yml), its steps run in a simulated workflow on a programme
// repository: the built package stands in for the npm install (input `package`), and the upload step
// is checked for what it would be given.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const sarifValid = ajv.compile(JSON.parse(readFileSync("tests/vendor/sarif-schema-2.1.0.json", "utf8")));
const CLI = resolve("dist/cli.js");

describe("action.yml", () => {
  it("is a composite action whose inputs reach scripts only through env", () => {
    const action = parse(readFileSync("action.yml", "utf8"));
    expect(action.runs.using).toBe("composite");
    for (const step of action.runs.steps) if (step.run) expect(step.run).not.toMatch(/\$\{\{/);
    const upload = action.runs.steps.find((s: { uses?: string }) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(upload.uses).toBe("github/codeql-action/upload-sarif@v4");
  });

  it("assesses a programme from its config, hands SARIF to the upload, and writes the summary and the gate", () => {
    const { root, proposals } = buildProgramme();
    const baseline = spawnSync(process.execPath, [CLI, "assess", "--format", "json", "--output", "reports/baseline.json", "--fail-on", "never"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(baseline.status, baseline.stderr).toBe(0);
    const run = runComposite("action.yml", root, { package: process.cwd(), args: "--baseline reports/baseline.json", sarif: "out/senate.sarif" });
    const [install, sarif, upload, gate] = run.runs;
    expect(install?.code, install?.stderr).toBe(0);
    expect(install?.outputs.cli).toBe(CLI);
    expect(sarif?.code, sarif?.stderr).toBe(0);
    expect(upload).toMatchObject({
      uses: "github/codeql-action/upload-sarif@v4",
      skipped: false,
      with: { sarif_file: "out/senate.sarif", category: "senate" },
    });
    const log = JSON.parse(readFileSync(join(root, "out/senate.sarif"), "utf8"));
    expect(sarifValid(log), JSON.stringify(sarifValid.errors?.slice(0, 3))).toBe(true);
    const uris = new Set(
      log.runs.flatMap((r: { results: { locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }) =>
        r.results.flatMap((x) => x.locations?.map((l) => l.physicalLocation.artifactLocation.uri) ?? []),
      ),
    );
    for (const p of proposals) expect([...uris].some((u) => String(u).endsWith(p))).toBe(true);
    expect(gate?.code, gate?.stderr).toBe(0); // nothing changed since the baseline
    expect(gate?.outputs["exit-code"]).toBe("0");
    expect(gate?.stdout).toMatch(/^::(error|warning|notice) /m);
    expect(run.summary.match(/^#+ /gm)?.length).toBeGreaterThanOrEqual(proposals.length);
  });

  it("fails the install step with an annotation when the package folder is not built", () => {
    const { root } = buildProgramme();
    const run = runComposite("action.yml", root, { package: root });
    expect(run.runs[0]?.code).toBe(1);
    expect(run.runs[0]?.stdout).toMatch(/^::error title=senate-principles::.* has no dist\/cli\.js/m);
    expect(run.runs.slice(1).every((r) => r.skipped)).toBe(true);
  });
});
