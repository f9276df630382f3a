// Holds the tool to what clinical senate panels found (tests/calibration/README.md). The corpus was encoded
// first and the assertions written after; a failure here means a rule is wrong for proposals in general, and
// the fix belongs in the framework or the scoring, never in a case file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { builtinFramework } from "../../src/index.js";
import { computeFigures } from "./figures.js";
import { CASES_DIR, runCalibration } from "./harness.js";
import { HOLLOW_CASES, KNOWN_MET_IN_GAP, PRINCIPLE_SECTIONS } from "./known-disagreements.js";
import { PRINCIPLES, type PrincipleId, SECTIONS } from "./panel.js";

const cases = runCalibration();

/** True when the case's sources leave some section it would need unknown. */
function incomplete(slug: string): boolean {
  return (bySlug.get(slug)?.panel.sections?.unknown ?? []).length > 0;
}

/** True when the sources leave unknown a section the principle reads. */
function unknownFor(slug: string, principle: PrincipleId): boolean {
  const unknown = bySlug.get(slug)?.panel.sections?.unknown ?? [];
  return PRINCIPLE_SECTIONS[principle].some((s) => unknown.includes(s));
}
const figures = computeFigures(cases);
const bySlug = new Map(cases.map((c) => [c.slug, c]));

describe("the calibration corpus", () => {
  it("has at least eight published reviews, with every kind of verdict, and the four constructed cases", () => {
    const published = cases.filter((c) => c.panel.kind === "published");
    expect(published.length).toBeGreaterThanOrEqual(8);
    const verdicts = new Set(published.map((c) => c.panel.verdict));
    expect(verdicts).toContain("supported");
    expect(verdicts).toContain("supported-with-recommendations");
    expect(verdicts.has("significant-concerns") || verdicts.has("not-supported")).toBe(true);
    for (const slug of ["constructed-near-perfect", "constructed-template", "constructed-weak", "constructed-adversarial"]) {
      expect(bySlug.get(slug)?.panel.kind, slug).toBe("constructed");
    }
  });

  it("names only london-2020 criteria, each under its own principle", () => {
    const known = new Set<string>(builtinFramework("london-2020").framework.principles.flatMap((p) => p.criteria.map((c) => c.id)));
    const wrong = cases.flatMap((c) =>
      PRINCIPLES.flatMap((p) => (c.panel.findings[p].criteria ?? []).filter((id) => !known.has(id) || !id.startsWith(`${p}.`)).map((id) => `${c.slug} ${id}`)),
    );
    expect(wrong).toEqual([]);
  });

  it("accounts for every section of each published proposal, and encodes exactly the sections it says it does", () => {
    const wrong = cases
      .filter((c) => c.panel.kind === "published")
      .flatMap((c) => {
        const { encoded = [], unknown = [], reportedMissing = [] } = c.panel.sections ?? {};
        const named = [...encoded, ...unknown, ...reportedMissing];
        const proposal = parse(readFileSync(join(CASES_DIR, `${c.slug}.yaml`), "utf8")) as Record<string, unknown>;
        return SECTIONS.flatMap((section) => {
          const count = named.filter((n) => n === section).length;
          if (count !== 1) return [`${c.slug} ${section}: named ${count} times`];
          const present = proposal[section] !== undefined;
          return present === encoded.includes(section)
            ? []
            : [`${c.slug} ${section}: ${present ? "present but not listed as encoded" : "listed as encoded but absent"}`];
        });
      });
    expect(wrong).toEqual([]);
  });
});

describe("the tool against the panels", () => {
  it("flags at least 90% of the gaps panels found, at the same principle", () => {
    const missed = figures.panelGaps.filter((g) => !g.flagged).map((g) => `${g.slug} ${g.principle}`);
    expect(figures.gapAgreement.share, `gaps the tool misses: ${missed.join(", ")}`).toBeGreaterThanOrEqual(0.9);
  });

  it("never reports met a criterion a panel named in a gap, except the known disagreements", () => {
    expect(figures.metNamed.map((m) => `${m.slug} ${m.criterion}`)).toEqual(KNOWN_MET_IN_GAP.map((k) => `${k.case} ${k.criterion}`));
  });

  it("never rates red a principle a panel commended, unless its sections are unknown from the sources", () => {
    // A published case whose sources do not describe what a principle reads cannot show the panel's grounds
    // for commending it; there the tool sees missing material, as it would in any proposal without it.
    const unexplained = figures.commendedRed.filter((c) => !unknownFor(c.slug, c.principle));
    expect(unexplained.map((c) => `${c.slug} ${c.principle}`)).toEqual([]);
  });

  it("never rates an unreviewed proposal green", () => {
    expect(figures.green).toEqual([]);
  });

  it("rates the untouched init template red", () => {
    expect(bySlug.get("constructed-template")?.report.summary.rating).toBe("red");
  });

  it("orders overall scores as the panels' verdicts do (ties allowed), but for incomplete encodings and hollow proposals", () => {
    const explained = (slug: string) => incomplete(slug) || HOLLOW_CASES.includes(slug);
    const unexplained = figures.order.discordant.filter((d) => !explained(d.better) && !explained(d.worse));
    expect(unexplained.map((d) => `${d.better} scored below ${d.worse}`)).toEqual([]);
  });
});
