import { describe, expect, it } from "vitest";
import type { AssessmentReport } from "../../src/model/report.js";
import { formatHtml } from "../../src/report/html.js";
import { ratingWord, statusWord } from "../../src/report/words.js";
import { EXAMPLES, exampleReport } from "../helpers/examples.js";

/** The example assessed with its reviews and waivers files, when it has them. */
function reportFor(_name: string, file: string): AssessmentReport {
  return exampleReport(file.replace(/^examples\//, ""));
}

/** The same escaping the page uses, so expectations can be written in plain text. */
const escaped = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Every start tag in the document. Report text is escaped, so a `<` in it never starts one. */
const tags = (html: string) => [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s[^>]*)?)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attrs: m[2] ?? "" }));
const attributes = (attrs: string) => [...attrs.matchAll(/\s([^\s=/>]+)(?:\s*=\s*"([^"]*)")?/g)].map((m) => ({ name: m[1]!.toLowerCase(), value: m[2] ?? "" }));

/** Anything that would make the page fetch from elsewhere. */
function externalReferences(html: string): string[] {
  const found: string[] = [];
  for (const tag of tags(html)) {
    if (tag.name === "script" || (tag.name === "link" && /stylesheet|preload|icon|import/i.test(tag.attrs))) found.push(`<${tag.name}${tag.attrs}>`);
    for (const a of attributes(tag.attrs)) {
      if (/^(src|srcset|href|xlink:href|action|formaction|poster|data|background)$/.test(a.name) && !a.value.startsWith("#"))
        found.push(`${a.name}="${a.value}"`);
    }
  }
  for (const m of html.matchAll(/url\(\s*["']?(?!data:)[^)]*\)|@import[^;]*/gi)) found.push(m[0]);
  return found;
}

describe.each(EXAMPLES)("HTML report for $name", ({ name, file }) => {
  const report = reportFor(name, file);
  const html = formatHtml(report);

  it("is one HTML5 document in British English with a meaningful title", () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain(`<title>${escaped(report.proposal.title)}: clinical senate assessment`);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    for (const landmark of ["<header", "<nav", "<main", "<footer"]) expect(html).toContain(landmark);
    expect(html).toContain('href="#main"');
  });

  it("loads nothing from anywhere", () => {
    expect(externalReferences(html)).toEqual([]);
  });

  it("has headings that never skip a level", () => {
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });

  it("shows every principle, every gap and every rating in words", () => {
    for (const p of report.principles) {
      expect(html).toContain(`id="principle-${p.id}"`);
      expect(html).toContain(`<h2 id="principle-${p.id}-heading">${escaped(p.id)} ${escaped(p.title)}</h2>`);
      expect(html).toContain(`<blockquote><p>${escaped(p.wording)}</p></blockquote>`);
      expect(html).toContain(`>${ratingWord(p.rating)}</strong>`);
      for (const c of p.criteria) expect(html).toMatch(new RegExp(`<th scope="row"[^>]*>${escaped(c.id)}</th>`));
    }
    for (const gap of report.gaps) {
      expect(html).toContain(`id="gap-${gap.fingerprint}"`);
      // Shown in sentence case, so compare from the second character on.
      for (const m of gap.missing) expect(html).toContain(escaped(m.slice(1)));
      if (gap.location) expect(html).toContain(`${escaped(gap.location.file ?? "")}:${gap.location.line}:${gap.location.column}`);
    }
    expect(html).toContain(`Overall rating: <strong class="tag tag-${report.summary.rating}">${ratingWord(report.summary.rating)}</strong>`);
    for (const [status, n] of Object.entries(report.summary.counts)) {
      expect(html).toMatch(new RegExp(`${statusWord(status as keyof typeof report.summary.counts)}</span></th><td[^>]*>${n}</td>`));
    }
  });

  it("shows provenance", () => {
    expect(html).toContain(report.framework.sha256);
    for (const input of report.inputs) expect(html).toContain(input.sha256);
    expect(html).toContain(escaped(`${report.tool.name} ${report.tool.version}`));
  });

  it("is deterministic", () => {
    expect(formatHtml(structuredClone(report))).toBe(html);
  });
});

const PAYLOAD = `<script>alert(1)</script>"'&<img src=https://evil.example/x.png onerror=alert(2)>" onmouseover="alert(3)`;
// Enumerations and numbers are checked by the model; every other string may come from an untrusted document.
const ENUMS = new Set(["rating", "status", "severity", "decidedBy", "mode", "kind", "role", "reviewerRating", "machineStatus", "name"]);

function poison<T>(value: T, key = ""): T {
  if (typeof value === "string") return (ENUMS.has(key) ? value : `${value}${PAYLOAD}`) as T;
  if (Array.isArray(value)) return value.map((v) => poison(v, key)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)])) as T;
  return value;
}

describe("hostile report text", () => {
  const clean = reportFor(EXAMPLES[EXAMPLES.length - 1]!.name, EXAMPLES[EXAMPLES.length - 1]!.file);
  const hostile = poison({
    ...clean,
    waivers: [
      {
        waiver: { criterion: "LDN-1.1", kind: "accepted" as const, justification: "j", approver: "a", expires: "2026-12-31", pointer: "/population" },
        applied: true,
        note: "n",
      },
    ],
    disagreements: [{ criterion: "LDN-1.1", reviewer: "r", reviewerRating: "met" as const, machineStatus: "not-met" as const, message: "m" }],
    generatedAt: "2026-01-01T00:00:00Z",
  });
  const html = formatHtml(hostile);
  const baseline = formatHtml({ ...clean, waivers: hostile.waivers, disagreements: hostile.disagreements, generatedAt: "x" });

  it("comes out inert: no script, no new element or attribute, no remote reference", () => {
    expect(html).not.toMatch(/<script|<img|alert\(1\)<\/script>/i);
    expect(html).not.toContain(`"'&`);
    expect(html).toContain(escaped(PAYLOAD));
    const names = (doc: string) => new Set(tags(doc).flatMap((t) => [t.name, ...attributes(t.attrs).map((a) => `@${a.name}`)]));
    expect([...names(html)].filter((n) => !names(baseline).has(n))).toEqual([]);
    expect(externalReferences(html)).toEqual([]);
  });

  it("escapes the title, headings and messages", () => {
    expect(html).toContain(`<title>${escaped(hostile.proposal.title)}`);
    expect(html).toContain(`<h1>${escaped(hostile.proposal.title)}</h1>`);
    expect(html).toContain(escaped(hostile.gaps[0]!.missing[0]!));
    expect(html).toContain(escaped(hostile.disagreements[0]!.message));
  });
});
