import { describe, expect, it } from "vitest";
import { formatGithubSummary } from "../../src/report/github.js";
import { formatGithub } from "../../src/report/github-annotations.js";
import type { AssessmentReport, Gap } from "../../src/model/report.js";
import { EXAMPLE_NAMES, exampleReport, HOSTILE, HOSTILE_FILE, hostileReport, shown } from "./fixtures.js";

const COMMAND = { critical: "error", major: "warning", minor: "notice" } as const;
// What the runner would read back: the inverse of the workflow-command escaping.
const unescapeCommand = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");

/** Splits a workflow command into its name, properties and message, as the runner does. */
function parse(line: string): { name: string; props: Record<string, string>; message: string } {
  const match = line.match(/^::(\w+)(?: ([^:]*))?::(.*)$/);
  if (!match) throw new Error(`not a workflow command: ${line.slice(0, 200)}`);
  const props = Object.fromEntries(
    (match[2] ?? "")
      .split(",")
      .filter(Boolean)
      .map((p) => [p.slice(0, p.indexOf("=")), unescapeCommand(p.slice(p.indexOf("=") + 1))]),
  );
  return { name: match[1]!, props, message: unescapeCommand(match[3]!) };
}

/** How many annotations a report gets: GitHub shows 10 of each kind a step, and one notice is the closing one. */
function expectedLines(report: AssessmentReport): number {
  const n = (kind: string) => report.gaps.filter((g) => (g.waived ? "notice" : COMMAND[g.severity]) === kind).length;
  return Math.min(n("error"), 10) + Math.min(n("warning"), 10) + Math.min(n("notice"), 9) + 1;
}

/** The annotation of a gap, found by its title. */
function lineFor(lines: string[], gap: Gap): string | undefined {
  const title = shown(`${gap.waived ? "Waived: " : ""}${gap.criterion} ${gap.title}`);
  return lines.slice(0, -1).find((l) => parse(l).props.title === title);
}

describe.each(EXAMPLE_NAMES)("GitHub annotations for %s", (name) => {
  const report = exampleReport(name);
  const out = formatGithub(report);
  const lines = out.split("\n");

  it("writes a command per gap, within GitHub's 10 of each kind, then a final notice, each on one line", () => {
    expect(out.endsWith("\n")).toBe(true);
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(expectedLines(report));
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice)( [a-z]+=[^,:\r\n]*(,[a-z]+=[^,:\r\n]*)*)?::[^\r\n]*$/);
    expect(formatGithub(report)).toBe(out);
  });

  it("annotates each gap at its file, line and column with a level from its severity", () => {
    const shownGaps = report.gaps.filter((g) => lineFor(lines, g) !== undefined);
    expect(shownGaps).toHaveLength(expectedLines(report) - 1);
    shownGaps.forEach((gap) => {
      const { name: command, props, message } = parse(lineFor(lines, gap)!);
      const expected = gap.waived ? "notice" : COMMAND[gap.severity];
      expect(command).toBe(expected);
      expect(props.file).toBe(report.proposal.file);
      expect(props.line).toBe(gap.location ? String(gap.location.line) : undefined);
      expect(props.col).toBe(gap.location ? String(gap.location.column) : undefined);
      expect(props.title).toBe(`${gap.waived ? "Waived: " : ""}${gap.criterion} ${gap.title}`);
      expect(message.split("\n")).toEqual([...gap.missing, `Recommendation: ${gap.recommendation}`, ...(gap.pointer ? [`At ${gap.pointer}`] : [])]);
    });
  });

  it("ends with the overall rating", () => {
    const last = parse(lines.at(-1)!);
    expect(last.name).toBe("notice");
    expect(last.message.startsWith(`${report.proposal.id}: ${report.summary.rating}`)).toBe(true);
    expect(last.message).toContain(report.summary.ratingReason);
  });

  it("summarises rating, score, coverage, principles and gaps in Markdown", () => {
    const md = formatGithubSummary(report);
    expect(formatGithubSummary(report)).toBe(md);
    expect(md).toMatch(/^## Senate assessment: /);
    const score = report.summary.score === null ? "not rated" : `${Math.round(report.summary.score * 100)}%`;
    expect(md).toContain(`**Score:** ${score}`);
    expect(md).toContain(`**Coverage:** ${Math.round(report.summary.coverage * 100)}%`);
    for (const p of report.principles) expect(md).toContain(`| ${p.id} `);
    const gapRows = md.split("\n").filter((l) => /^\| (critical|major|minor) \|/.test(l));
    expect(gapRows).toHaveLength(report.gaps.length);
    report.gaps.forEach((g, i) => {
      expect(gapRows[i]).toContain(`| ${g.severity} | ${g.criterion} `);
    });
    expect(md).toContain(`### Gaps (${report.gaps.length})`);
  });
});

describe("GitHub output with hostile text", () => {
  const report = hostileReport();
  const lines = formatGithub(report).trimEnd().split("\n");

  it("escapes data and properties exactly", () => {
    const gap = report.gaps.find((g) => g.location && !g.waived)!;
    const line = lineFor(lines, gap)!;
    const file = 'plans/North%2C East%3A "A&B" 100%25/plan #1.yaml';
    expect(line.startsWith(`::${COMMAND[gap.severity]} file=${file},line=${gap.location!.line},col=${gap.location!.column},title=${gap.criterion} `)).toBe(
      true,
    );
    expect(line).toContain(`,title=${gap.criterion} `);
    expect(line).toContain(" — Say \"yes\" & 'no' <b>bold</b> ]]> 100%25 done%2C a%3Ab c%3A%3Ad%0D%0Anext line%0A%3A%3Aerror%3A%3Ainjected");
    const message = line.slice(line.indexOf("::", 2) + 2);
    expect(message.startsWith("Say \"yes\" & 'no' <b>bold</b> ]]> 100%25 done, a:b c::d%0D%0Anext line%0A::error::injected")).toBe(true);
    expect(message).toContain("%0Asecond, with: colon%0ARecommendation: Say");
  });

  it("keeps every command on one line, so text cannot inject another command", () => {
    expect(lines).toHaveLength(expectedLines(report));
    expect(lines.filter((l) => l.startsWith("::error::injected"))).toEqual([]);
    for (const line of lines) expect(line).not.toMatch(/[\r]/);
  });

  it("round-trips the text through the runner's unescaping, hidden characters shown as escapes", () => {
    const parsed = parse(lineFor(lines, report.gaps[0]!)!);
    expect(parsed.props.file).toBe(HOSTILE_FILE);
    expect(parsed.props.title).toBe(shown(`${report.gaps[0]!.criterion} ${report.gaps[0]!.title}`));
    expect(parsed.message.split("\n")[0]).toBe(shown(HOSTILE.split("\n")[0]!));
    expect(parsed.message).toContain(shown(HOSTILE));
  });

  it("marks a waived gap as a notice titled Waived", () => {
    const line = lineFor(lines, report.gaps.find((g) => g.waived)!)!;
    expect(parse(line).name).toBe("notice");
    expect(parse(line).props.title).toMatch(/^Waived: /);
  });

  it("keeps the Markdown summary's tables intact", () => {
    const md = formatGithubSummary(report);
    expect(md).not.toContain("<b>");
    expect(md).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(md).toContain("\\| \\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\\\");
    const lines = md.split("\n");
    // A row has as many unescaped pipes as its table's header, or the text has broken out of its cell.
    const pipes = (row: string) => row.replace(/\\\|/g, "").split("|").length;
    const principleRows = lines.filter((l) => /^\| LDN-\d+ /.test(l));
    const gapRows = lines.filter((l) => /^\| (critical|major|minor) \|/.test(l));
    expect(principleRows).toHaveLength(report.principles.length);
    expect(gapRows).toHaveLength(report.gaps.length);
    for (const row of principleRows) expect(pipes(row)).toBe(pipes(lines.find((l) => l.startsWith("| Principle |"))!));
    for (const row of gapRows) expect(pipes(row)).toBe(pipes(lines.find((l) => l.startsWith("| Severity |"))!));
    expect(md).toContain("done, a:b c::d<br>next line<br>");
  });
});
