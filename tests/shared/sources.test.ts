import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinFramework } from "../../src/framework/builtin.js";

// The built-in frameworks quote two source texts that are not ours to publish. They live beside the
// repository, in ../shared/seeds, only where our own CI lays them out, so these checks are their own
// suite (`npm run test:shared`, which .ci/run calls) rather than part of `npm test`. Here a missing
// text is a failure, never a skip.
const SEEDS = process.env.SENATE_SHARED_SEEDS ?? "../shared/seeds";
const LONDON_SOURCE = `${SEEDS}/000_7d23b244e860d8cb.txt`;
const WEST_MIDLANDS_SOURCE = `${SEEDS}/004_8fdbe49e84f8e95c.txt`;

function source(path: string): string {
  if (!existsSync(path))
    throw new Error(`${path} is missing: this suite needs the source texts beside the repository (set SENATE_SHARED_SEEDS to their folder)`);
  return normalise(readFileSync(path, "utf8"));
}

/** Runs of spaces and dashes as one space, curly apostrophes as straight ones: the YAML folds lines. */
function normalise(text: string): string {
  return text
    .replace(/[\s\u2013\u2014-]+/g, " ")
    .replace(/\u2019/g, "'")
    .trim();
}

describe("london-2020 against its source", () => {
  const fw = builtinFramework("london-2020").framework;
  it("quotes each principle's wording from the source text, word for word", () => {
    const text = source(LONDON_SOURCE);
    expect(fw.principles).toHaveLength(8);
    for (const p of fw.principles) expect(text, p.id).toContain(normalise(p.wording).replace(/\.$/, ""));
  });
});

describe("west-midlands against its source", () => {
  const fw = builtinFramework("west-midlands").framework;
  it("takes its five principle titles from the values the source names, in the source's order", () => {
    const text = source(WEST_MIDLANDS_SOURCE);
    const values = "Integrity, Inclusivity, Objectivity, Evidence Based and Transparency";
    expect(text).toContain(values);
    expect(fw.principles.map((p) => normalise(p.title))).toEqual(values.replace(" and ", ", ").split(", "));
    for (const p of fw.principles) expect(normalise(p.wording).startsWith(normalise(p.title)), p.id).toBe(true);
  });

  it("quotes the senate's vision in its description, word for word", () => {
    const text = source(WEST_MIDLANDS_SOURCE);
    const quoted = /"([^"]+)"/.exec(normalise(fw.description ?? ""))?.[1] ?? "";
    expect(quoted.length).toBeGreaterThan(100);
    expect(text).toContain(quoted);
  });
});
