import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILTIN_KINDS } from "../../src/checks/registry.js";
import type { CriterionResult } from "../../src/model/report.js";
import { assessFile, readProposalFile } from "../../src/node/files.js";
import { CORPUS } from "./manifest.js";
import { BUILTIN_FRAMEWORKS, CORPUS_NOW, type CorpusDocument, type Trap } from "./types.js";

// Every trap in the adversarial corpus is flagged at the criteria the manifest names, with the status
// it names (never met), by a failing check that points at the trap; and in the untrapped document each
// document was derived from, none of those criteria is flagged, so it is the trap that flags them.

const DIR = "tests/adversarial/documents";

const reports = new Map<string, Map<string, CriterionResult>>();

/** Every criterion result of a file across the given frameworks, by id (ids are unique across frameworks). */
function criteria(file: string, frameworks: readonly string[]): Map<string, CriterionResult> {
  const key = `${file} ${frameworks.join(",")}`;
  const cached = reports.get(key);
  if (cached) return cached;
  const found = new Map<string, CriterionResult>();
  for (const framework of frameworks) {
    const report = assessFile(file, { now: CORPUS_NOW, framework });
    if (!report.ok) throw new Error(report.issues.map((i) => `${i.code} ${i.pointer} ${i.message}`).join("\n"));
    for (const principle of report.value.principles) for (const c of principle.criteria) found.set(c.id, c);
  }
  reports.set(key, found);
  return found;
}

/** A failing check points at the trap (or a section holding it), or quotes it, and says what the manifest says. */
function flaggedBy(result: CriterionResult, trap: Trap) {
  return result.checks.filter(
    (k) =>
      !k.pass &&
      (k.message.includes(trap.at) || (k.pointer !== "" && (trap.at === k.pointer || trap.at.startsWith(`${k.pointer}/`)))) &&
      (trap.message === undefined || k.message.includes(trap.message)),
  );
}

const frameworksOf = (doc: CorpusDocument) => doc.frameworks ?? BUILTIN_FRAMEWORKS;
const skipReason = (trap: Trap, doc: CorpusDocument) => trap.awaits ?? doc.awaits;

describe.each(CORPUS.map((doc) => ({ name: doc.file, doc })))("$name", ({ doc }) => {
  const file = `${DIR}/${doc.file}`;

  for (const trap of doc.traps) {
    const waiting = skipReason(trap, doc);
    const title = `${trap.what}: ${Object.entries(trap.flags)
      .map(([id, status]) => `${id} ${status}`)
      .join(", ")}`;
    if (waiting !== undefined) {
      it.skip(`${title} (awaits the ${waiting} rule)`, () => {});
      continue;
    }
    it(title, () => {
      const found = criteria(file, frameworksOf(doc));
      for (const [id, status] of Object.entries(trap.flags)) {
        const result = found.get(id);
        expect(result, `${id} is assessed`).toBeDefined();
        expect(result?.status, id).toBe(status);
        expect(
          flaggedBy(result as CriterionResult, trap).map((k) => k.message),
          `${id}: ${JSON.stringify(result?.checks)}`,
        ).not.toEqual([]);
      }
    });
  }

  const live = doc.awaits === undefined ? doc.traps.filter((t) => t.awaits === undefined) : [];
  if (live.length > 0) {
    it(`is the trap: none of these criteria is flagged in ${doc.base}`, () => {
      const base = criteria(doc.base, frameworksOf(doc));
      for (const id of new Set(live.flatMap((t) => Object.keys(t.flags)))) {
        expect(["not-met", "partially-met"], `${id} in ${doc.base}`).not.toContain(base.get(id)?.status);
        expect(base.get(id), id).toBeDefined();
      }
    });
  }

  if (doc.rejects) {
    const rejects = doc.rejects;
    it("is rejected when read, with every trap located at its line and column", () => {
      const read = readProposalFile(file);
      expect(read.ok).toBe(false);
      const issues = read.ok ? [] : read.issues;
      for (const reject of rejects) {
        const issue = issues.find((i) => i.pointer === reject.at && i.code === reject.code);
        expect(issue, `${reject.code} at ${reject.at} in ${JSON.stringify(issues)}`).toBeDefined();
        expect(issue?.line).toBeGreaterThan(0);
        expect(issue?.column).toBeGreaterThan(0);
      }
    });
  }
});

describe("the corpus", () => {
  const traps = CORPUS.flatMap((doc) => doc.traps.map((trap) => ({ doc, trap })));
  const live = traps.filter(({ doc, trap }) => skipReason(trap, doc) === undefined);

  it("holds at least 25 documents, every one of them in the manifest", () => {
    const files = readdirSync(DIR).sort();
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(CORPUS.map((d) => d.file).sort()).toEqual(files);
    expect(new Set(files.map((f) => f.replace(/^.*\./, "")))).toEqual(new Set(["yaml", "json", "md"]));
  });

  it("reads a non-answer with every built-in check kind that reads values", () => {
    const combinators = new Set(["all", "any", "not"]);
    const kinds = new Set(live.map(({ trap }) => trap.kind));
    expect(BUILTIN_KINDS.filter((k) => !combinators.has(k) && !kinds.has(k))).toEqual([]);
  });

  it("hides non-answers in text, list items, names and table cells", () => {
    expect([...new Set(live.map(({ trap }) => trap.shape).filter(Boolean))].sort()).toEqual(["choice", "list-item", "name", "table-cell", "text"]);
  });

  it.each(["'TBC'", "'TBD'", "'N/A'", "'Not currently measured'", "'See appendix 4", "'[insert", "'<", "'XX", "'Lorem ipsum", "'-'", "'?'", "'...'"])(
    "quotes the non-answer %s in a flagged message",
    (phrase) => {
      expect(live.some(({ trap }) => trap.message?.includes(phrase))).toBe(true);
    },
  );

  it("covers every category, and every trap names a criterion", () => {
    const categories = new Set([...traps.map(({ trap }) => trap.category), ...CORPUS.flatMap((d) => (d.rejects ?? []).map((r) => r.category))]);
    expect([...categories].sort()).toEqual([
      "citation",
      "existing-services-beds",
      "implausible-figure",
      "impossible-date",
      "init-placeholder",
      "non-answer",
      "remote-only-access",
    ]);
    for (const { trap } of traps) expect(Object.keys(trap.flags).length, trap.what).toBeGreaterThan(0);
  });
});
