import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assess } from "../../src/assess/assess.js";
import { builtinFramework } from "../../src/framework/builtin.js";
import { loadFramework } from "../../src/framework/load.js";
import { NOW } from "../helpers/examples.js";
import { proposal } from "../helpers/proposal.js";

// A criterion whose meaning changes gets a new id; `succeeds` records which retired id it replaces, so a
// reviews or waivers file written before the change is told what to name instead of only "unknown".

const review = { rating: "met" as const, rationale: "Seen by the panel.", reviewer: "Dr A Reviewer", date: "2025-11-01" };

describe("retired criteria", () => {
  it("every retired id of a built-in framework names its successor, and no id is succeeded twice", () => {
    const versions = JSON.parse(readFileSync("principles/versions.json", "utf8")) as Record<string, Record<string, { meaning: Record<string, string> }>>;
    for (const [id, history] of Object.entries(versions)) {
      const framework = builtinFramework(id)?.framework;
      if (!framework) throw new Error(`no built-in ${id}`);
      const live = new Set(framework.principles.flatMap((p) => p.criteria.map((c) => c.id)));
      const ever = new Set(Object.values(history).flatMap((record) => Object.keys(record.meaning)));
      const retired = [...ever].filter((c) => !live.has(c)).sort();
      const succeeded = framework.principles.flatMap((p) => p.criteria.flatMap((c) => c.succeeds ?? [])).sort();
      expect(succeeded, id).toEqual(retired);
    }
  });

  it("a review naming a retired id is told which criterion succeeds it, at its line", () => {
    const r = assess(proposal(), builtinFramework("london-2020"), {
      now: NOW,
      reviews: { schemaVersion: "1", framework: "london-2020", reviews: [{ criterion: "LDN-3.6" as "LDN-3.9", ...review }] },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: "unknown_criterion",
        pointer: "/reviews/0/criterion",
        message: "criterion LDN-3.6 is not in london-2020; it was retired, and LDN-3.9 succeeds it: name LDN-3.9 instead",
      }),
    ]);
  });

  it("a waiver or a tailored framework naming a retired id is told the same; an id never used gets no hint", () => {
    const waiver = { criterion: "NHSE-5.1", kind: "accepted", justification: "Agreed with the ICB.", approver: "ICB board", expires: "2027-06-30" };
    const r = assess(proposal(), builtinFramework("nhse-service-change"), {
      now: NOW,
      waivers: { schemaVersion: "1", framework: "nhse-service-change", waivers: [waiver, { ...waiver, criterion: "NHSE-9.9" }] } as never,
    });
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual([
      "waiver names criterion NHSE-5.1, which is not in nhse-service-change; it was retired, and NHSE-5.4 succeeds it: name NHSE-5.4 instead",
      "waiver names criterion NHSE-9.9, which is not in nhse-service-change",
    ]);
    const tailored = loadFramework(
      'schemaVersion: "1"\nid: t\nversion: 1.0.0\ntitle: T\npublisher: P\nextends: west-midlands\ntailor:\n  criteria:\n    WM-4.2: { weight: 2 }\n',
    );
    expect(tailored.ok ? [] : tailored.issues.map((i) => i.message)).toEqual([
      "criterion WM-4.2 is not in west-midlands 3.0.1; it was retired, and WM-4.5 succeeds it: name WM-4.5 instead",
    ]);
  });

  it("a framework may succeed only retired ids, each once", () => {
    const base = readFileSync("principles/london-2020.yaml", "utf8");
    const live = loadFramework(base.replace("succeeds: [LDN-3.6]", "succeeds: [LDN-3.7]"), { filename: "fw.yaml" });
    expect(live.ok ? [] : live.issues.map((i) => [i.code, i.message])).toEqual([
      ["invalid_value", "LDN-3.9 succeeds LDN-3.7, which is still a criterion; only a retired id can be succeeded"],
    ]);
    const twice = loadFramework(base.replace("succeeds: [LDN-3.6]", "succeeds: [LDN-3.3]"), { filename: "fw.yaml" });
    expect(twice.ok ? [] : twice.issues.map((i) => i.code)).toEqual(["duplicate_id"]);
  });
});
