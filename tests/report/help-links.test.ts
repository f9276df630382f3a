import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILTIN_FRAMEWORKS } from "../../src/framework/builtin.js";
import type { AssessmentReport } from "../../src/model/report.js";
import { assessFile } from "../../src/node/files.js";
import { PROJECT_URI, sarifLog } from "../../src/report/sarif.js";
import { NOW } from "../helpers/examples.js";

// Every help link in a SARIF log leads to a page the package ships, at an anchor the page has:
// docs/criteria/<framework>.md for criteria (written by npm run generate), the README for input errors.

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const frameworks = Object.values(BUILTIN_FRAMEWORKS);

/** The anchors GitHub gives a Markdown page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, text] of markdown.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const slug = text!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M} _-]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

/** Whether package.json's `files` ships a repository path. */
function shipped(path: string): boolean {
  return (pkg.files as string[]).some((f) => path === f || path.startsWith(`${f}/`));
}

describe("SARIF help links", () => {
  const log = sarifLog({ frameworks, validation: true });
  for (const fw of frameworks) {
    const r = assessFile("examples/minor-injuries-overnight.yaml", { now: NOW, framework: fw.id });
    if (r.ok) log.add(r.value as AssessmentReport);
  }
  log.invalid([{ code: "syntax_error", message: "bad", pointer: "", file: "x.yaml", line: 1, column: 1 }]);
  const sarif = JSON.parse(log.text());
  const links: string[] = sarif.runs.flatMap((run: { tool: { driver: { rules: { helpUri?: string }[] } } }) =>
    run.tool.driver.rules.map((rule) => rule.helpUri),
  );

  it("come from package.json's repository, which names the project's homepage and issues too", () => {
    expect(pkg.repository.url).toBe("git+https://github.com/nhs-senate/senate-principles.git");
    expect(PROJECT_URI).toBe("https://github.com/nhs-senate/senate-principles");
    expect(pkg.homepage.startsWith(PROJECT_URI)).toBe(true);
    expect(pkg.bugs.url.startsWith(PROJECT_URI)).toBe(true);
  });

  it("every rule has one, and each resolves to an anchor of a page the package ships", () => {
    const criteria = frameworks.reduce((n, f) => n + f.principles.reduce((m, p) => m + p.criteria.length, 0), 0);
    expect(links).toHaveLength(criteria + 1);
    for (const link of links) {
      expect(link.startsWith(`${PROJECT_URI}/blob/main/`), link).toBe(true);
      const [path, anchor] = link.slice(`${PROJECT_URI}/blob/main/`.length).split("#") as [string, string];
      expect(existsSync(path), path).toBe(true);
      expect(shipped(path), `${path} is not in package.json files`).toBe(true);
      expect(anchors(readFileSync(path, "utf8")).has(anchor), `${link}: no such anchor`).toBe(true);
    }
  });

  it("a tailored framework's inherited criteria link to the base framework's page; the criteria it adds have none", () => {
    const tailored = sarifLog({ frameworks: [] });
    const r = assessFile("examples/maternity-unit.md", { now: NOW, framework: "examples/frameworks/riverside-stroke-network.yaml" });
    if (!r.ok) throw new Error("the tailored framework does not assess");
    tailored.add(r.value as AssessmentReport);
    const rules: { id: string; helpUri?: string }[] = JSON.parse(tailored.text()).runs[0].tool.driver.rules;
    const base = new Set(BUILTIN_FRAMEWORKS["london-2020"].principles.flatMap((p) => p.criteria.map((c) => c.id)));
    const added = rules.filter((rule) => !base.has(rule.id));
    expect(added.map((rule) => rule.id)).toContain("LDN-6.90");
    for (const rule of added) expect(rule.helpUri, rule.id).toBeUndefined();
    const inherited = rules.filter((rule) => base.has(rule.id));
    expect(inherited.length).toBe(base.size);
    for (const rule of inherited) {
      expect(rule.helpUri, rule.id).toBe(`${PROJECT_URI}/blob/main/docs/criteria/london-2020.md#${rule.id.toLowerCase().replace(/\./g, "")}`);
      expect(anchors(readFileSync("docs/criteria/london-2020.md", "utf8")).has(rule.helpUri?.split("#")[1] ?? "")).toBe(true);
    }
  });

  it("each framework's page has a section per criterion, with its severity and weight", () => {
    for (const fw of frameworks) {
      const page = readFileSync(`docs/criteria/${fw.id}.md`, "utf8");
      for (const c of fw.principles.flatMap((p) => p.criteria)) {
        const section = page.slice(page.indexOf(`### ${c.id}\n`));
        expect(section.startsWith(`### ${c.id}\n`), c.id).toBe(true);
        expect(section).toContain(`**Severity:** ${c.severity} · **Weight:** ${c.weight}`);
      }
    }
  });
});
