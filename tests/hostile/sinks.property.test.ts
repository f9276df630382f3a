import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { formatOutline } from "../../src/cli/frameworks-format.js";
import { run } from "../../src/cli/run.js";
import {
  type AssessmentReport,
  assessFile,
  BUILTIN_CROSSWALKS,
  builtinFramework,
  combineReports,
  diffReports,
  FORMATS,
  type Framework,
  formatCombinedMarkdown,
  formatCombinedText,
  formatDiffs,
  formatGithubSummary,
  formatReport,
} from "../../src/index.js";
import { exampleReport, NOW } from "../helpers/examples.js";
import { elementNames, hazards, renderGfm } from "../helpers/sinks.js";
import { PROPOSAL } from "./documents.js";

// Random control, bidi and workflow-command sequences, sent through titles, file names and free text
// into every output: each report format, the combined summary, diffs, framework outlines, and the
// CLI's validate lines and summary table. None may come out raw: no control or bidi character, no line
// that opens a workflow command (outside the github format's own commands), no link or image that a
// document planted in rendered Markdown; and JSON still carries every string exactly.

const FRAGMENTS = [
  "::error::forged",
  "::warning file=a.yaml,line=1::forged",
  "\n::notice::forged",
  "\r::error::forged",
  "\r\n",
  "  ::error::indented",
  "\u00a0::error::nbsp",
  "\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007",
  "\u001b[31m",
  "\u009b31m",
  "\u0085",
  "\u2028",
  "\u2029",
  ..."\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
  "##[error]forged",
  "##[stop-commands]token",
  "https://evil.example/p",
  "www.evil.example",
  "<img src=https://evil.example/i.png onerror=alert(1)>",
  "[l](javascript:alert(1))",
  "![i](https://evil.example/i.png)",
  "&#x202e;",
  "\t",
  "\u0000",
  "\u007f",
  "|",
  "`",
  ":",
  "#",
];

/** Text made of hostile fragments and arbitrary code points. */
const hostileText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(""));

const texts = fc.record({ title: hostileText, file: hostileText, text: hostileText });
type Texts = { title: string; file: string; text: string };

const CLEAN = exampleReport("outpatient-virtual.yaml");
const LONDON = builtinFramework("london-2020")!;
const WM = (() => {
  const r = assessFile("examples/outpatient-virtual.yaml", { framework: "west-midlands", now: NOW });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
})();

/** A real report with hostile text in every title, file name and piece of free text. */
function poisoned(base: AssessmentReport, t: Texts): AssessmentReport {
  const r = structuredClone(base);
  r.proposal.title = t.title;
  r.proposal.file = t.file;
  r.framework.title = t.title;
  r.inputs = r.inputs.map((i) => (i.role === "proposal" ? { ...i, file: t.file } : i));
  r.summary.ratingReason = t.text;
  for (const p of r.principles) {
    Object.assign(p, { title: t.title, wording: t.text, ratingReason: t.text, strengths: [t.text] });
    p.working.explanation = t.text;
    for (const c of p.criteria) Object.assign(c, { title: t.title, reason: t.text, question: t.text, recommendation: t.text });
  }
  for (const g of r.gaps) {
    Object.assign(g, { title: t.title, missing: [t.text, "and"], recommendation: t.text, pointer: `/responses/${t.text}` });
    if (g.location) g.location = { ...g.location, file: t.file };
  }
  r.disagreements = [{ criterion: "LDN-1.1", reviewer: t.title, reviewerRating: "met", machineStatus: "not-met", message: t.text }];
  r.waivers = r.waivers.map((w) => ({ ...w, waiver: { ...w.waiver, justification: t.text, approver: t.title }, note: t.text }));
  return r;
}

/** London 2020 with hostile text in every title, wording, question, guidance and recommendation. */
function poisonedFramework(t: Texts): Framework {
  const f = structuredClone(LONDON.framework);
  Object.assign(f, { title: t.title, publisher: t.text });
  f.source = { ...f.source, title: t.title };
  for (const p of f.principles) {
    Object.assign(p, { title: t.title, wording: t.text });
    for (const c of p.criteria) Object.assign(c, { title: t.title, question: t.text, guidance: t.text, recommendation: t.text });
  }
  return f;
}

const GITHUB_LINE = /^::(error|warning|notice)( [^\r\n]*)?::[^\r\n]*$/;
const cleanTags = (markdown: string) => elementNames(renderGfm(markdown));
const MARKDOWN_TAGS = new Set([...cleanTags(formatReport(CLEAN, "markdown")), ...cleanTags(formatGithubSummary(CLEAN)), "br"]);
const HTML_TAGS = elementNames(formatReport(CLEAN, "html"));

function expectNoHazards(name: string, output: string, options?: { commandsAllowed?: boolean }): void {
  expect(hazards(output, options), name).toEqual([]);
}

function expectInertMarkdown(name: string, markdown: string): void {
  expectNoHazards(name, markdown);
  const tags = [...elementNames(renderGfm(markdown))].filter((t) => !MARKDOWN_TAGS.has(t));
  expect(tags, `${name}: elements a document planted`).toEqual([]);
}

describe("no hostile text survives raw into any sink", () => {
  it("every report format", () => {
    fc.assert(
      fc.property(texts, (t) => {
        const report = poisoned(CLEAN, t);
        const framework = poisonedFramework(t);
        for (const format of FORMATS) {
          const out = formatReport(report, format, { framework });
          if (format === "github") {
            expectNoHazards(format, out, { commandsAllowed: true });
            // A line per gap, within GitHub's 10 errors, 10 warnings and 9 notices (one kept for the closing notice), then that notice.
            const kind = (g: (typeof report.gaps)[number]) => (g.waived ? "minor" : g.severity);
            const n = (k: string, cap: number) => Math.min(report.gaps.filter((g) => kind(g) === k).length, cap);
            expect(out.trimEnd().split("\n")).toHaveLength(n("critical", 10) + n("major", 10) + n("minor", 9) + 1);
            for (const line of out.trimEnd().split("\n")) expect(line).toMatch(GITHUB_LINE);
          } else if (format === "markdown") expectInertMarkdown(format, out);
          else expectNoHazards(format, out);
          if (format === "json") expect(JSON.parse(out)).toEqual(report);
          if (format === "html") expect([...elementNames(out)].filter((e) => !HTML_TAGS.has(e))).toEqual([]);
          if (format === "sarif") {
            // Every rule's help holds the same hostile guidance and recommendation: one is enough to render.
            const rules = JSON.parse(out).runs[0].tool.driver.rules as { help: { markdown: string } }[];
            expectInertMarkdown("sarif help.markdown", rules[0]!.help.markdown);
          }
        }
        expectInertMarkdown("github job summary", formatGithubSummary(report));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("the combined summary, diffs and framework outlines", () => {
    fc.assert(
      fc.property(texts, (t) => {
        const combined = combineReports([poisoned(CLEAN, t), poisoned(WM, t)], BUILTIN_CROSSWALKS[0]);
        expectNoHazards("combined text", formatCombinedText(combined));
        expectInertMarkdown("combined markdown", formatCombinedMarkdown(combined));
        const diff = diffReports(CLEAN, poisoned(CLEAN, t));
        expectNoHazards("diff text", formatDiffs([diff], "text"));
        expectInertMarkdown("diff markdown", formatDiffs([diff], "markdown"));
        expect(JSON.parse(formatDiffs([diff], "json")).proposal.title).toBe(t.title);
        expectNoHazards("diff json", formatDiffs([diff], "json"));
        const loaded = { framework: poisonedFramework(t), sha256: LONDON.sha256 };
        expectNoHazards("outline text", formatOutline(loaded, "text"));
        expectInertMarkdown("outline markdown", formatOutline(loaded, "markdown"));
        expectNoHazards("outline json", formatOutline(loaded, "json"));
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe("no hostile file name or title survives raw into the CLI's lines", () => {
  const root = mkdtempSync(join(tmpdir(), "senate-sink-names-"));
  const home = process.cwd();
  afterAll(() => {
    process.chdir(home);
    rmSync(root, { recursive: true, force: true });
  });
  const ENV = { isTTY: false, noColor: true, now: NOW };

  /** A name the file system takes: no slash or NUL, not a dot name or an option, well under 255 bytes. */
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the one character a file name cannot hold
  const fileName = (raw: string) => `f${raw.replace(/[/\u0000]/g, "_")}`.slice(0, 60);
  const base = parseYaml(PROPOSAL) as { metadata: Record<string, unknown> };
  /** The proposal as JSON with every character outside printable ASCII escaped, so any title reads back exactly. */
  const proposalJson = (title: string) =>
    JSON.stringify({ ...base, metadata: { ...base.metadata, title } }).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

  it("validate's lines, the summary table, the combined summary and the problem lines", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(texts, async (t) => {
        const dir = join(root, String(n++));
        mkdirSync(dir);
        const names = [`${fileName(t.file)}.json`, `${fileName(t.text)}2.json`];
        // A title may not be empty; any other text is a valid title.
        for (const name of names) writeFileSync(join(dir, name), proposalJson(t.title || "T"));
        writeFileSync(join(dir, `${fileName(t.title)}bad.yaml`), "a: [\n");
        process.chdir(dir);
        try {
          const runs = [
            await run(["validate", ...names], ENV),
            await run(["assess", ...names, "--fail-on", "never"], ENV),
            await run(["assess", names[0]!, "--framework", "london-2020,west-midlands", "--fail-on", "never"], ENV),
            await run(["assess", names[0]!, "--framework", "london-2020,west-midlands", "--format", "markdown", "--fail-on", "never"], ENV),
            await run(["validate", `${fileName(t.title)}bad.yaml`], ENV),
          ];
          for (const [i, r] of runs.entries()) {
            expectNoHazards(`run ${i} stdout`, r.stdout ?? "");
            expectNoHazards(`run ${i} stderr`, r.stderr ?? "");
          }
          expect(runs[0]!.code, runs[0]!.stderr).toBe(0);
        } finally {
          process.chdir(home);
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
