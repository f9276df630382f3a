import { beforeAll, describe, expect, it } from "vitest";
import type { AssessmentReport } from "../../src/model/report.js";
import { formatJunit, formatJunitAll } from "../../src/report/junit.js";
import { junitSchemaErrors, xpathValues } from "../helpers/xmllint.js";
import { criteriaOf, EXAMPLE_NAMES, exampleReport, hostileReport, shown } from "./fixtures.js";

// JUnit output is read back by libxml2 (tests/helpers/xmllint.ts): validated against the Ant schema
// vendored in tests/vendor/, and queried with XPath as a CI system would read it.

const hostile = hostileReport();
const documents: Record<string, string> = Object.fromEntries([
  ...EXAMPLE_NAMES.map((name) => [name, formatJunit(exampleReport(name))]),
  ["hostile", formatJunit(hostile)],
]);
let schemaErrors: Record<string, string> = {};
// One xmllint run validates every document.
beforeAll(async () => {
  schemaErrors = await junitSchemaErrors(documents);
});

const testcase = (id: string) => `//testcase[starts-with(@name, "${id} ")]`;

/** What the tests read about one criterion's test case. */
function caseQueries(id: string) {
  const at = testcase(id);
  return {
    count: `count(${at})`,
    name: `${at}/@name`,
    classname: `${at}/@classname`,
    failureType: `${at}/failure/@type`,
    failure: `${at}/failure`,
    skipped: `${at}/skipped/@message`,
    children: `count(${at}/*)`,
  };
}
type CaseField = keyof ReturnType<typeof caseQueries>;

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
  const xml = documents[name]!;

  it("validates against the Ant JUnit schema and is identical run to run", () => {
    expect(schemaErrors[name]).toBe("");
    expect(formatJunit(report)).toBe(xml);
  });

  it("has a suite per principle whose counts match the report", () => {
    const suites = [...xml.matchAll(/<testsuite [^>]*>/g)].map((m) => m[0]);
    expect(suites).toHaveLength(report.principles.length);
    report.principles.forEach((p, i) => {
      const tag = suites[i]!;
      const failures = p.criteria.filter((c) => isOpenFailure(report, c.id, c.status)).length;
      expect(attr(tag, "name")).toBe(`${report.proposal.id}: ${p.id} ${p.title}`);
      expect(attr(tag, "id")).toBe(String(i));
      expect(attr(tag, "tests")).toBe(String(p.criteria.length));
      expect(attr(tag, "failures")).toBe(String(failures));
      expect(attr(tag, "errors")).toBe("0");
      expect(attr(tag, "skipped")).toBe(String(p.criteria.filter((c) => c.status !== "met").length - failures));
      expect(attr(tag, "timestamp")).toBe("1970-01-01T00:00:00");
    });
  });

  it("has a test case per criterion, failing exactly the open gaps with their severity", async () => {
    const criteria = criteriaOf(report);
    const perCase = criteria.flatMap((c) => Object.entries(caseQueries(c.id)).map(([field, query]) => [`${c.id} ${field}`, query]));
    const read = await xpathValues(xml, {
      testcases: "count(//testcase)",
      failures: "count(//failure)",
      skipped: "count(//skipped)",
      ...Object.fromEntries(perCase),
    });
    expect(read.testcases).toBe(String(criteria.length));
    expect(read.failures).toBe(String(criteria.filter((c) => isOpenFailure(report, c.id, c.status)).length));
    expect(read.skipped).toBe(String(criteria.filter((c) => c.status !== "met" && !isOpenFailure(report, c.id, c.status)).length));
    for (const c of criteria) {
      const at = (field: CaseField) => read[`${c.id} ${field}`];
      expect(at("count")).toBe("1");
      expect(at("name")).toBe(`${c.id} ${c.title}`);
      expect(at("classname")).toBe(`${report.proposal.id}.london-2020.${c.principle}`);
      if (isOpenFailure(report, c.id, c.status)) {
        expect(at("failureType")).toBe(c.severity);
        const text = at("failure")!;
        const gap = report.gaps.find((g) => g.criterion === c.id)!;
        for (const m of gap.missing) expect(text).toContain(m);
        expect(text).toContain(`Recommendation: ${gap.recommendation}`);
        if (gap.location) expect(text).toContain(`${gap.location.file}:${gap.location.line}:${gap.location.column}`);
      }
      if (c.status === "needs-review") expect(at("skipped")).toBe(`awaiting review: ${c.reason}`);
      if (c.status === "not-applicable") expect(at("skipped")).toBe(`not applicable: ${c.reason}`);
      if (c.status === "met") expect(at("children")).toBe("0");
    }
  });
});

describe("JUnit with hostile text", () => {
  const report = hostile;
  const xml = documents.hostile!;
  const reviewed = report.principles[0]!.criteria.find((x) => x.status === "needs-review")!;
  const waived = report.gaps.find((g) => g.waived)!;
  let read: Record<"message" | "timestamp" | "waivedFailures" | "waivedSkip", string>;
  beforeAll(async () => {
    read = await xpathValues(xml, {
      message: `${testcase(reviewed.id)}/skipped/@message`,
      timestamp: "//testsuite[1]/@timestamp",
      waivedFailures: `count(${testcase(waived.criterion)}/failure)`,
      waivedSkip: `${testcase(waived.criterion)}/skipped/@message`,
    });
  });

  it("still validates against the schema", () => {
    expect(schemaErrors.hostile).toBe("");
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
    expect(read.message).toBe(shown(xmlChars(`awaiting review: ${reviewed.reason}`)));
    expect(read.message).toContain("c::d\r\nnext line\n::error::injected");
  });

  it("derives the timestamp from generatedAt, without a time zone", () => {
    expect(read.timestamp).toBe("2026-01-01T12:34:56");
  });

  it("reports a waived gap as skipped, not failed", () => {
    expect(read.waivedFailures).toBe("0");
    expect(read.waivedSkip).toMatch(/^waived: /);
  });
});

describe("the schema check itself", () => {
  const good = documents[EXAMPLE_NAMES[0]!]!;
  const broken = {
    // The Ant schema requires a hostname on every suite.
    noHostname: good.replace(/ hostname="[^"]*"/, ""),
    // Counts are integers.
    wordCount: good.replace(/ tests="\d+"/, ' tests="many"'),
    // Not even well-formed: cut off mid-document.
    truncated: good.slice(0, Math.floor(good.length / 2)),
  };

  it("rejects documents a JUnit consumer would reject, saying why, and still passes the good one", async () => {
    expect(broken.noHostname).not.toBe(good);
    expect(broken.wordCount).not.toBe(good);
    const errors = await junitSchemaErrors({ good, ...broken });
    expect(errors.good).toBe("");
    expect(errors.noHostname).toMatch(/hostname/);
    expect(errors.wordCount).toMatch(/tests.*many|many.*tests/);
    expect(errors.truncated).toMatch(/parser error/);
  });
});

describe("JUnit over several proposals", () => {
  const reports = EXAMPLE_NAMES.map(exampleReport);
  // The same proposal twice, as two files sharing an id would give.
  const twice = [...reports, { ...reports[0]!, proposal: { ...reports[0]!.proposal, file: "copy/of-it.yaml" } }];
  const xml = formatJunitAll(twice);

  it("validates, and no two test cases share a class name and name, nor two suites a name", async () => {
    expect((await junitSchemaErrors({ xml })).xml).toBe("");
    const cases = [...xml.matchAll(/<testcase [^>]*>/g)].map((m) => `${attr(m[0], "classname")} ${attr(m[0], "name")}`);
    expect(cases).toHaveLength(twice.reduce((n, r) => n + criteriaOf(r).length, 0));
    expect(new Set(cases).size).toBe(cases.length);
    const suites = [...xml.matchAll(/<testsuite [^>]*>/g)].map((m) => attr(m[0], "name"));
    expect(new Set(suites).size).toBe(suites.length);
    expect(xml).toContain(`classname="${reports[0]!.proposal.id} (copy/of-it.yaml #2).london-2020.`);
  });
});
