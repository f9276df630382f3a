import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assessFile } from "../../src/node/index.js";
import { EXAMPLES, exampleReport } from "../helpers/examples.js";

// The library's assessFile and `senate assess` go one way, through src/node/pipeline.ts (issue 15,
// item 5): for the same proposal and companions they give the same report, and they read the
// companions under the same limits. Against the built binary (npm test builds first).

const CLI = "dist/cli.js";

function senate(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [join(process.cwd(), CLI), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A report as its JSON consumer sees it; the report has no per-run field (no --timestamp, no generatedAt). */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

const dir = mkdtempSync(join(tmpdir(), "senate-pipeline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the library and the CLI give the same report", () => {
  it.each(EXAMPLES.map((e) => [e.name, e.file] as const))("%s, with the companions beside it", (_name, file) => {
    const cli = senate(["assess", file, "--format", "json", "--now", "2026-01-01", "--fail-on", "never"]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(asJson(exampleReport(file.replace(/^examples\//, ""))));
  });

  it("every example in one run: the CLI pairs each with its own companions, as named to the library", () => {
    const cli = senate(["assess", "examples/*.{yaml,md}", "--format", "json", "--now", "2026-01-01", "--fail-on", "never"]);
    expect(cli.code, cli.stderr).toBe(0);
    const reports = JSON.parse(cli.stdout) as { inputs: { role: string }[] }[];
    expect(reports.flatMap((r) => r.inputs.map((i) => i.role))).toEqual(expect.arrayContaining(["reviews", "waivers"]));
    expect(reports).toEqual(EXAMPLES.map((e) => asJson(exampleReport(e.file.replace(/^examples\//, "")))));
  });

  it("a proposal with reviews and waivers beside it as .yml, named in the library and found by the CLI", () => {
    copyFileSync("examples/outpatient-virtual.yaml", join(dir, "virtual.yaml"));
    copyFileSync("examples/outpatient-virtual.waivers.yaml", join(dir, "virtual.waivers.yml"));
    // The stroke panel's reviews, as if written for this proposal: the same criteria of the same framework.
    const reviews = readFileSync("examples/stroke-hasu.reviews.yaml", "utf8").replace("proposal: NRV-STROKE-2025", "proposal: STH-OPFU-2025");
    writeFileSync(join(dir, "virtual.reviews.yml"), reviews.replace(/^\$schema: .*\n/m, ""));
    const cli = senate(["assess", "virtual.yaml", "--format", "json", "--now", "2026-01-01", "--fail-on", "never"], dir);
    const lib = assessFile(join(dir, "virtual.yaml"), {
      reviews: join(dir, "virtual.reviews.yml"),
      waivers: join(dir, "virtual.waivers.yml"),
      now: new Date("2026-01-01T00:00:00Z"),
    });
    expect(lib.ok, JSON.stringify(lib.ok ? [] : lib.issues)).toBe(true);
    // The library was given absolute paths; the CLI names the files as found, relative to its folder.
    const libReport = JSON.parse(JSON.stringify(lib.ok ? lib.value : {}).replaceAll(`${dir}/`, "")) as { inputs: { role: string }[] };
    expect(libReport.inputs.map((i) => i.role)).toEqual(expect.arrayContaining(["reviews", "waivers"]));
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(libReport);
  });
});

// Before the one pipeline, assessFile parsed reviews and waivers under the default limits whatever the
// caller passed, while the CLI applied --max-* to them: an alias the caller forbade went through.
describe("companions are read under the caller's limits, in the library as in the CLI", () => {
  const REVIEWS = [
    'schemaVersion: "1"',
    "framework: london-2020",
    "proposal: NRV-STROKE-2025",
    "reviews:",
    "  - criterion: LDN-1.1",
    "    rating: met",
    "    rationale: &why The needs analysis covers incidence and growth, and matches the registry data.",
    "    reviewer: Dr A. Okafor (fictional)",
    "    date: 2025-12-12",
    "  - criterion: LDN-1.2",
    "    rating: met",
    "    rationale: *why",
    "    reviewer: Dr A. Okafor (fictional)",
    "    date: 2025-12-12",
    "",
  ].join("\n");
  const LINE = "p.reviews.yaml:12:16  alias_limit  aliases expand past the limit of 0 (maxAliases); write the values out";

  it("an alias in a reviews file, with aliases forbidden, is the same located issue in both", () => {
    copyFileSync("examples/stroke-hasu.yaml", join(dir, "p.yaml"));
    writeFileSync(join(dir, "p.reviews.yaml"), REVIEWS);
    const cli = senate(["assess", "p.yaml", "--max-aliases", "0", "--now", "2026-01-01"], dir);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toBe(`${LINE}\n`);
    const lib = assessFile(join(dir, "p.yaml"), { reviews: join(dir, "p.reviews.yaml"), limits: { maxAliases: 0 }, now: new Date("2026-01-01") });
    expect(lib.ok).toBe(false);
    const issues = lib.ok ? [] : lib.issues;
    expect(issues.map((i) => `${i.file?.replace(`${dir}/`, "")}:${i.line}:${i.column}  ${i.code}  ${i.message}`)).toEqual([LINE]);
  });

  it("with aliases allowed, both accept the same file", () => {
    copyFileSync("examples/stroke-hasu.yaml", join(dir, "p.yaml"));
    writeFileSync(join(dir, "p.reviews.yaml"), REVIEWS);
    const cli = senate(["assess", "p.yaml", "--now", "2026-01-01", "--fail-on", "never"], dir);
    expect(cli.code, cli.stderr).toBe(0);
    expect(assessFile(join(dir, "p.yaml"), { reviews: join(dir, "p.reviews.yaml"), now: new Date("2026-01-01") }).ok).toBe(true);
  });
});
