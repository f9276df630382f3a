import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinFramework } from "../src/framework/builtin.js";
import { loadFramework } from "../src/framework/load.js";
import { assessFile, loadFrameworkFile } from "../src/node/files.js";
import { NOW } from "./helpers/examples.js";

const TAILORED = "examples/frameworks/riverside-stroke-network.yaml";
const dir = mkdtempSync(join(tmpdir(), "senate-tailor-"));

function write(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `schemaVersion: "1"\nid: ${name.replace(/\.yaml$/, "")}\nversion: 1.0.0\ntitle: T\npublisher: P\n${body}`);
  return path;
}

describe("tailored frameworks", () => {
  const loaded = loadFrameworkFile(TAILORED);

  it("load as a new framework with their own id, version and hash, recording the base", () => {
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
    if (!loaded.ok) return;
    const base = builtinFramework("london-2020");
    expect(loaded.value.framework).toMatchObject({ id: "riverside-stroke-network", version: "1.0.0", thresholds: { green: 0.9, amber: 0.6 } });
    expect(loaded.value.framework.basedOn).toEqual({ id: "london-2020", version: base?.framework.version, sha256: base?.sha256 });
    expect(loaded.value.sha256).not.toBe(base?.sha256);
    const criteria = loaded.value.framework.principles.flatMap((p) => p.criteria);
    expect(criteria.find((c) => c.id === "LDN-6.5")?.weight).toBe(4);
    expect(criteria.find((c) => c.id === "LDN-3.8")?.severity).toBe("critical");
    expect(criteria.map((c) => c.id)).toContain("LDN-6.90");
  });

  it("change an example's rating as their overrides say", () => {
    const base = assessFile("examples/maternity-unit.md", { now: NOW });
    const tailored = assessFile("examples/maternity-unit.md", { now: NOW, framework: TAILORED });
    if (!base.ok || !tailored.ok) throw new Error("assessment failed");
    expect(base.value.summary.rating).toBe("amber");
    // As the README says: LDN-1 scores 50%, above london-2020's amber threshold (0.5) but below the tailored one (0.6).
    const principle = (r: typeof base, id: string) => r.ok && r.value.principles.find((p) => p.id === id);
    expect(principle(base, "LDN-1")).toMatchObject({ score: 0.5, rating: "amber" });
    expect(principle(tailored, "LDN-1")).toMatchObject({ score: 0.5, rating: "red" });
    const criterion = (id: string) => tailored.value.principles.flatMap((p) => p.criteria).find((c) => c.id === id);
    expect(criterion("LDN-8.3")).toMatchObject({ status: "not-applicable", decidedBy: "framework" });
    expect(tailored.value.principles.find((p) => p.id === "LDN-6")?.weight).toBe(2);
    expect(tailored.value.framework.basedOn?.id).toBe("london-2020");
  });

  it("accept reviews written for the framework they extend", () => {
    const r = assessFile("examples/stroke-hasu.yaml", { now: NOW, framework: TAILORED, reviews: "examples/stroke-hasu.reviews.yaml" });
    expect(r.ok).toBe(true);
  });

  it.each([
    { name: "an unknown criterion", body: "extends: london-2020\ntailor:\n  criteria:\n    LDN-3.6: { weight: 2 }\n", code: "unknown_criterion", line: 9 },
    { name: "an unknown principle", body: "extends: london-2020\ntailor:\n  principles:\n    LDN-9: { weight: 2 }\n", code: "unknown_criterion", line: 9 },
    { name: "a bad override", body: "extends: london-2020\ntailor:\n  criteria:\n    LDN-3.7: { weight: -1 }\n", code: "invalid_value", line: 9 },
    { name: "an unknown built-in", body: "extends: paris-2030\n", code: "unknown_framework", line: 6 },
    {
      name: "an added id that exists",
      body: "extends: london-2020\ntailor:\n  add:\n    - principle: LDN-1\n      criteria:\n        - { id: LDN-1.1, title: t, question: q, guidance: g, severity: minor, mode: review, recommendation: r }\n",
      code: "duplicate_id",
      line: 11,
    },
  ])("report $name with its location", ({ name, body, code, line }) => {
    const path = write(`bad-${name.replace(/\W+/g, "-")}.yaml`, body);
    const r = loadFrameworkFile(path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code, file: path, line });
  });

  it("report a framework that extends itself, and a longer cycle, at the extends that closes it", () => {
    const self = write("self.yaml", "extends: ./self.yaml\n");
    const selfResult = loadFrameworkFile(self);
    expect(selfResult.ok).toBe(false);
    if (!selfResult.ok) expect(selfResult.issues[0]).toMatchObject({ file: self, line: 6, message: expect.stringContaining("cycle") });
    write("a.yaml", "extends: ./b.yaml\n");
    const b = write("b.yaml", "extends: ./a.yaml\n");
    const cycle = loadFrameworkFile(join(dir, "a.yaml"));
    expect(cycle.ok).toBe(false);
    if (!cycle.ok) expect(cycle.issues[0]).toMatchObject({ file: b, line: 6, message: expect.stringMatching(/cycle .*a\.yaml -> .*b\.yaml -> .*a\.yaml/) });
  });

  it("resolve only built-in ids without the Node helpers (the core reads no files)", () => {
    const r = loadFramework('schemaVersion: "1"\nid: x\nversion: 1.0.0\ntitle: T\npublisher: P\nextends: ./other.yaml\n', { filename: "x.yaml" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "unknown_framework", line: 6 });
  });
});
