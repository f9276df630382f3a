import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { AssessmentReport } from "../../src/model/report.js";
import { formatJunit } from "../../src/report/junit.js";
import { criteriaOf, EXAMPLE_NAMES, exampleReport, hostileReport, shown } from "./fixtures.js";

const XSD = fileURLToPath(new URL("../../../shared/vendor-schemas/JUnit.xsd", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "senate-junit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs xmllint against the Ant schema; returns its complaints, or "" when the file validates. */
function schemaErrors(xml: string, name: string): string {
  const file = join(dir, `${name.replace(/[^A-Za-z0-9.-]/g, "_")}.xml`);
  writeFileSync(file, xml, "utf8");
  try {
    execFileSync("xmllint", ["--schema", XSD, file, "--noout"], { stdio: "pipe" });
    return "";
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    return e.stderr?.toString() || e.message;
  }
}

/** The value of an XPath expression, as xmllint reads the document (it appends one newline, dropped here). */
function xpath(xml: string, expression: string): string {
  const file = join(dir, "xpath.xml");
  writeFileSync(file, xml, "utf8");
  return execFileSync("xmllint", ["--xpath", expression, file], { encoding: "utf8" }).replace(/\n$/, "");
}

/** Drops what XML 1.0 forbids (controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF), independently of the formatter. */
function xmlChars(text: string): string {
  const allowed = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
  return [...text].filter((ch) => allowed(ch.codePointAt(0)!)).join("");
}

function attr(tag: string, name: string): string | undefined {
  return tag.match(new RegExp(` ${name}="([^"]*)"`))?.[1];
}

function isOpenFailure(report: AssessmentReport, id: string, status: string): boolean {
  return (status === "not-met" || status === "partially-met") && !report.gaps.find((g) => g.criterion === id)?.waived;
}

describe.each(EXAMPLE_NAMES)("JUnit for %s", (name) => {
  const report = exampleReport(name);
  const xml = formatJunit(report);

  it("validates against the Ant JUnit schema and is identical run to run", () => {
    expect(schemaErrors(xml, name)).toBe("");
    expect(formatJunit(report)).toBe(xml);
  });

  it("has a suite per principle whose counts match the report", () => {
    const suites = [...xml.matchAll(/<testsuite [^>]*>/g)].map((m) => m[0]);
    expect(suites).toHaveLength(report.principles.length);
    report.principles.forEach((p, i) => {
      const tag = suites[i]!;
      const failures = p.criteria.filter((c) => isOpenFailure(report, c.id, c.status)).length;
      expect(attr(tag, "name")).toBe(`${p.id} ${p.title}`);
      expect(attr(tag, "id")).toBe(String(i));
      expect(attr(tag, "tests")).toBe(String(p.criteria.length));
      expect(attr(tag, "failures")).toBe(String(failures));
      expect(attr(tag, "errors")).toBe("0");
      expect(attr(tag, "skipped")).toBe(String(p.criteria.filter((c) => c.status !== "met").length - failures));
      expect(attr(tag, "timestamp")).toBe("1970-01-01T00:00:00");
    });
  });

  it("has a test case per criterion, failing exactly the open gaps with their severity", () => {
    const criteria = criteriaOf(report);
    expect(xpath(xml, "count(//testcase)")).toBe(String(criteria.length));
    expect(xpath(xml, "count(//failure)")).toBe(String(criteria.filter((c) => isOpenFailure(report, c.id, c.status)).length));
    expect(xpath(xml, "count(//skipped)")).toBe(String(criteria.filter((c) => c.status !== "met" && !isOpenFailure(report, c.id, c.status)).length));
    for (const c of criteria) {
      const at = `//testcase[starts-with(@name, "${c.id} ")]`;
      expect(xpath(xml, `count(${at})`)).toBe("1");
      expect(xpath(xml, `string(${at}/@name)`)).toBe(`${c.id} ${c.title}`);
      expect(xpath(xml, `string(${at}/@classname)`)).toBe(`london-2020.${c.principle}`);
      if (isOpenFailure(report, c.id, c.status)) {
        expect(xpath(xml, `string(${at}/failure/@type)`)).toBe(c.severity);
        const text = xpath(xml, `string(${at}/failure)`);
        const gap = report.gaps.find((g) => g.criterion === c.id)!;
        for (const m of gap.missing) expect(text).toContain(m);
        expect(text).toContain(`Recommendation: ${gap.recommendation}`);
        if (gap.location) expect(text).toContain(`${gap.location.file}:${gap.location.line}:${gap.location.column}`);
      }
      if (c.status === "needs-review") expect(xpath(xml, `string(${at}/skipped/@message)`)).toBe(`awaiting review: ${c.reason}`);
      if (c.status === "not-applicable") expect(xpath(xml, `string(${at}/skipped/@message)`)).toBe(`not applicable: ${c.reason}`);
      if (c.status === "met") expect(xpath(xml, `count(${at}/*)`)).toBe("0");
    }
  });
});

describe("JUnit with hostile text", () => {
  const report = hostileReport();
  const xml = formatJunit(report);

  it("still validates against the schema", () => {
    expect(schemaErrors(xml, "hostile")).toBe("");
  });

  it("escapes markup and drops the characters XML 1.0 forbids, keeping everything else", () => {
    expect(xmlChars(xml)).toBe(xml);
    expect(xml).not.toContain("<b>");
    expect(xml).not.toContain("]]>");
    expect(xml).toContain("&lt;b&gt;bold&lt;/b&gt; ]]&gt; 100% done");
    expect(xml).toContain("&quot;yes&quot; &amp; &apos;no&apos;");
    expect(xml).toContain("lonesurrogate 🏥 café");
    // A CR survives as a reference; a raw one would be read back as LF.
    expect(xml).toContain("&#13;");
    expect(xml).not.toContain("\r");
  });

  it("round-trips the text a parser reads back, newlines included", () => {
    const c = report.principles[0]!.criteria.find((x) => x.status === "needs-review")!;
    const message = xpath(xml, `string(//testcase[starts-with(@name, "${c.id} ")]/skipped/@message)`);
    expect(message).toBe(shown(xmlChars(`awaiting review: ${c.reason}`)));
    expect(message).toContain("c::d\r\nnext line\n::error::injected");
  });

  it("derives the timestamp from generatedAt, without a time zone", () => {
    expect(xpath(xml, "string(//testsuite[1]/@timestamp)")).toBe("2026-01-01T12:34:56");
  });

  it("reports a waived gap as skipped, not failed", () => {
    const gap = report.gaps.find((g) => g.waived)!;
    const at = `//testcase[starts-with(@name, "${gap.criterion} ")]`;
    expect(xpath(xml, `count(${at}/failure)`)).toBe("0");
    expect(xpath(xml, `string(${at}/skipped/@message)`)).toMatch(/^waived: /);
  });
});
