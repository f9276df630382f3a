import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinFramework } from "../src/framework/builtin.js";
import { checkRelease, versionRecord } from "../src/framework/versioning.js";
import type { Framework } from "../src/model/framework.js";

// The versioning contract for frameworks, as the README states it.
const base = builtinFramework("london-2020")?.framework as Framework;
const met = { "stroke-hasu.yaml": ["LDN-1.4", "LDN-3.1"] };
const history = { "1.0.0": versionRecord(base, met) };

function changed(edit: (fw: Framework) => void): Framework {
  const fw = structuredClone(base);
  edit(fw);
  return fw;
}

const addCriterion = (fw: Framework) => {
  fw.principles[0]?.criteria.push({
    ...(fw.principles[0]?.criteria[0] as Framework["principles"][0]["criteria"][0]),
    id: "LDN-1.9",
    question: "A new question?",
  });
};

describe("framework versioning contract", () => {
  it.each([
    {
      name: "a wording change is a patch",
      edit: (fw: Framework) => void Object.assign(fw.principles[0]?.criteria[0] ?? {}, { guidance: "Clearer guidance." }),
      version: "1.0.1",
      ok: true,
    },
    {
      name: "a wording change with no bump is refused",
      edit: (fw: Framework) => void Object.assign(fw.principles[0]?.criteria[0] ?? {}, { guidance: "Clearer guidance." }),
      version: "1.0.0",
      ok: false,
    },
    { name: "an added criterion needs a minor", edit: addCriterion, version: "1.0.1", ok: false },
    { name: "an added criterion in a minor is fine", edit: addCriterion, version: "1.1.0", ok: true },
    {
      name: "a new weight needs a major",
      edit: (fw: Framework) => void Object.assign(fw.principles[0]?.criteria[0] ?? {}, { weight: 3 }),
      version: "1.1.0",
      ok: false,
    },
    {
      name: "a new weight in a major is fine",
      edit: (fw: Framework) => void Object.assign(fw.principles[0]?.criteria[0] ?? {}, { weight: 3 }),
      version: "2.0.0",
      ok: true,
    },
    {
      name: "new thresholds need a major",
      edit: (fw: Framework) => void Object.assign(fw, { thresholds: { green: 0.9, amber: 0.5 } }),
      version: "1.1.0",
      ok: false,
    },
    { name: "a removed criterion needs a major", edit: (fw: Framework) => void fw.principles[0]?.criteria.pop(), version: "1.1.0", ok: false },
    {
      name: "a changed meaning under the same id is refused even in a major",
      edit: (fw: Framework) => void Object.assign(fw.principles[0]?.criteria[0] ?? {}, { question: "Another question?" }),
      version: "2.0.0",
      ok: false,
    },
  ])("$name", ({ edit, version, ok }) => {
    const problems = checkRelease(history, version, versionRecord(changed(edit), met));
    expect(problems.length === 0, problems.join("\n")).toBe(ok);
  });

  it("refuses a minor that turns a met criterion unmet on a shipped example", () => {
    const problems = checkRelease(history, "1.1.0", versionRecord(changed(addCriterion), { "stroke-hasu.yaml": ["LDN-1.4"] }));
    expect(problems.join("\n")).toMatch(/LDN-3.1 on stroke-hasu.yaml.*needs a major/);
  });

  it("never lets a removed id come back with another meaning", () => {
    const removed = changed((fw) => void fw.principles[0]?.criteria.pop());
    const later = { ...history, "2.0.0": versionRecord(removed, met) };
    const back = changed((fw) => {
      const last = fw.principles[0]?.criteria.at(-1);
      if (last) last.question = "Reused id, new meaning?";
    });
    expect(checkRelease(later, "3.0.0", versionRecord(back, met)).join("\n")).toMatch(/means something different from version 1.0.0/);
  });

  it("records every built-in framework's current release", () => {
    const recorded = JSON.parse(readFileSync("principles/versions.json", "utf8")) as Record<string, Record<string, unknown>>;
    const fw = builtinFramework("london-2020")?.framework;
    expect(recorded["london-2020"]?.[fw?.version ?? ""]).toBeDefined();
  });
});
