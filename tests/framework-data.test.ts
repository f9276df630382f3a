import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILTIN_KINDS } from "../src/checks/registry.js";
import { BUILTIN_FRAMEWORK_IDS, builtinFramework } from "../src/framework/builtin.js";
import { frameworkHash, loadFramework } from "../src/framework/load.js";
import { pointerExists } from "../src/framework/schema-walk.js";
import { allChecks, pointersRead } from "../src/framework/walk.js";
import { Proposal } from "../src/model/proposal.js";

const files = readdirSync("principles").filter((f) => f.endsWith(".yaml"));

describe.each(files)("principles/%s", (file) => {
  const text = readFileSync(`principles/${file}`, "utf8");
  const loaded = loadFramework(text, { filename: `principles/${file}` });

  it("loads: valid against the framework schema and every framework rule", () => {
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
  });

  if (!loaded.ok) return;
  const fw = loaded.value.framework;
  const criteria = fw.principles.flatMap((p) => p.criteria);

  it("has unique principle and criterion ids, each criterion under its principle", () => {
    const ids = [...fw.principles.map((p) => p.id), ...criteria.map((c) => c.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of fw.principles) for (const c of p.criteria) expect(c.id.startsWith(`${p.id}.`)).toBe(true);
  });

  it("uses only known check kinds, reading only places a proposal has", () => {
    for (const { check } of allChecks(fw)) {
      expect(BUILTIN_KINDS).toContain(check.kind);
      for (const { pointer } of pointersRead(check)) expect(pointerExists(Proposal, pointer), pointer).toBe(true);
    }
  });

  it("gives every machine-decided criterion a check, and a review criterion none", () => {
    for (const c of criteria) {
      if (c.mode === "review") expect(c.checks, c.id).toEqual([]);
      else expect(c.checks.length, c.id).toBeGreaterThan(0);
    }
  });

  it("cites its source and says what it adds", () => {
    expect(fw.source.quoted.length).toBeGreaterThan(20);
    expect(fw.source.added.length).toBeGreaterThan(20);
  });

  it("is the same framework the package ships", () => {
    expect(builtinFramework(fw.id)?.sha256).toBe(loaded.value.sha256);
  });
});

describe("london-2020", () => {
  const fw = builtinFramework("london-2020")?.framework;
  it("holds the eight principles in the source's order, with 3 to 7 criteria each and at least 24 in all", () => {
    expect(fw?.principles.map((p) => p.id)).toEqual(["LDN-1", "LDN-2", "LDN-3", "LDN-4", "LDN-5", "LDN-6", "LDN-7", "LDN-8"]);
    for (const p of fw?.principles ?? []) expect(p.criteria.length).toBeGreaterThanOrEqual(3);
    for (const p of fw?.principles ?? []) expect(p.criteria.length).toBeLessThanOrEqual(7);
    expect(fw?.principles.flatMap((p) => p.criteria).length).toBeGreaterThanOrEqual(24);
  });

  it("is listed among the built-ins", () => {
    expect(BUILTIN_FRAMEWORK_IDS).toContain("london-2020");
  });
});

describe("framework rules reject bad frameworks with a location", () => {
  const base = readFileSync("principles/london-2020.yaml", "utf8");
  it.each([
    { name: "unknown pointer", from: "path: /population/description", to: "path: /population/descripton", code: "unknown_pointer" },
    { name: "duplicate criterion id", from: "id: LDN-1.2", to: "id: LDN-1.1", code: "duplicate_id" },
    { name: "unknown check kind", from: "kind: present", to: "kind: presnt", code: "invalid_value" },
  ])("$name", ({ from, to, code }) => {
    const result = loadFramework(base.replace(from, to), { filename: "fw.yaml" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.code).toBe(code);
    expect(result.issues[0]?.line).toBeGreaterThan(1);
  });
});

describe("built-in data as generated", () => {
  it("carries each framework's hash precomputed, the hash its principles/ file loads with", () => {
    for (const id of BUILTIN_FRAMEWORK_IDS) {
      const built = builtinFramework(id);
      const loaded = loadFramework(readFileSync(`principles/${id}.yaml`, "utf8"), { filename: `${id}.yaml` });
      expect(loaded.ok && loaded.value.sha256, id).toBe(built.sha256);
      expect(built.sha256).toBe(frameworkHash(built.framework));
      expect(built.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("keeps the generated TypeScript to the id types: no data", () => {
    const ts = readFileSync("src/generated/frameworks.ts", "utf8");
    expect(ts).not.toMatch(/^export (const|let|function)/m);
    expect(ts.split("\n").length).toBeLessThan(60);
  });
});
