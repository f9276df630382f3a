import { readdirSync, readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BUILTIN_FRAMEWORKS } from "../src/framework/builtin.js";
import { jsonSchemaFor, PUBLISHED, type SchemaName } from "../src/model/json-schema.js";
import { Proposal } from "../src/model/proposal.js";
import { assessFile } from "../src/node/files.js";
import { BAD_PROPOSALS } from "./fixtures/bad-proposals.js";

const NAMES = Object.keys(PUBLISHED) as SchemaName[];
const published = (name: SchemaName) => JSON.parse(readFileSync(`schemas/${name}.schema.json`, "utf8")) as Record<string, unknown>;
const strictAjv = () => new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });

/** The structured part of an example: the whole file, or a Markdown file's front matter plus its responses. */
function exampleData(file: string): unknown {
  const text = readFileSync(`examples/${file}`, "utf8");
  return file.endsWith(".md") ? parse(text.split(/^---$/m)[1] ?? "") : parse(text);
}

const examples = readdirSync("examples").filter((f) => /\.(ya?ml|md)$/.test(f) && !/\.(reviews|waivers)\./.test(f));

describe("published JSON Schemas", () => {
  it.each(NAMES)("%s.schema.json is what the zod model generates", (name) => {
    expect(published(name)).toEqual(jsonSchemaFor(name));
  });

  it.each(NAMES)("%s.schema.json compiles in strict Ajv (draft-07)", (name) => {
    expect(() => strictAjv().compile(published(name))).not.toThrow();
  });

  it("agree with zod on every proposal in the corpus, valid and invalid", () => {
    const validate = strictAjv().compile(published("proposal"));
    const corpus: { name: string; data: unknown }[] = examples.map((f) => ({ name: f, data: exampleData(f) }));
    for (const c of BAD_PROPOSALS) {
      if (c.schemaInvalid && typeof c.text === "string") corpus.push({ name: c.name, data: parse(c.text) });
    }
    expect(corpus.length).toBeGreaterThan(12);
    for (const { name, data } of corpus) {
      expect(validate(data), `${name}: ${JSON.stringify(validate.errors)}`).toBe(Proposal.safeParse(data).success);
    }
    expect(corpus.filter((c) => Proposal.safeParse(c.data).success).length).toBe(examples.length);
  });

  it("agree with zod on the built-in frameworks and the example reviews and waivers", () => {
    for (const fw of Object.values(BUILTIN_FRAMEWORKS)) expect(strictAjv().validate(published("framework"), fw)).toBe(true);
    for (const file of readdirSync("examples").filter((f) => /\.(reviews|waivers)\.yaml$/.test(f))) {
      const name = file.includes(".reviews.") ? "reviews" : "waivers";
      const data = parse(readFileSync(`examples/${file}`, "utf8"));
      expect(strictAjv().validate(published(name), data)).toBe(PUBLISHED[name].safeParse(data).success);
      expect(PUBLISHED[name].safeParse(data).success).toBe(true);
    }
    const broken = { schemaVersion: "1", framework: "london-2020", reviews: [{ criterion: "LDN-1", rating: "good" }] };
    expect(strictAjv().validate(published("reviews"), broken)).toBe(false);
    expect(PUBLISHED.reviews.safeParse(broken).success).toBe(false);
  });

  it("accept every example's report", () => {
    const validate = strictAjv().compile(published("report"));
    for (const file of examples) {
      const report = assessFile(`examples/${file}`, { now: new Date("2026-01-01T00:00:00Z") });
      expect(report.ok).toBe(true);
      if (report.ok) expect(validate(JSON.parse(JSON.stringify(report.value))), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("give editors a $schema line and completion data", () => {
    const schema = published("proposal") as { properties: Record<string, { description?: string }> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["metadata", "equality", "sustainability", "responses"]));
    for (const file of examples) expect(readFileSync(`examples/${file}`, "utf8")).toMatch(/\$schema: \.\.\/schemas\/proposal\.schema\.json/);
  });
});
