import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MESSAGES, type MessageCode } from "../src/checks/messages.js";
import { BUILTIN_CHECKS, BUILTIN_KINDS } from "../src/checks/registry.js";

// Every built-in check kind is one definition (src/checks/<kind>.ts): its parameters, the codes it
// can find, a paragraph of documentation and its runner. docs/checks.md is written by hand, so these
// tests hold it to the definitions: every kind and every code a definition declares is documented there.
const DOCS = readFileSync("docs/checks.md", "utf8");

/** The parameters a check's schema takes, besides `kind` and `message` (every rule's, for `consistent`). */
function parameters(schema: z.ZodType): string[] {
  const shapes = schema instanceof z.ZodDiscriminatedUnion ? schema.options : [schema];
  const names = shapes.flatMap((s) => Object.keys((s as z.ZodObject).shape));
  return [...new Set(names)].filter((n) => n !== "kind" && n !== "message");
}

/** Every `kind` a JSON Schema fixes with a `const`. */
function constKinds(node: unknown, into = new Set<string>()): Set<string> {
  if (typeof node !== "object" || node === null) return into;
  const kind = (node as { properties?: { kind?: { const?: unknown } } }).properties?.kind?.const;
  if (typeof kind === "string") into.add(kind);
  for (const v of Object.values(node)) constKinds(v, into);
  return into;
}

describe("built-in check definitions", () => {
  it("are one per kind, and are every kind the published framework schema allows", () => {
    const kinds = BUILTIN_CHECKS.map((d) => d.kind);
    expect(BUILTIN_KINDS).toEqual(kinds);
    expect([...new Set(kinds)].sort()).toEqual([...constKinds(JSON.parse(readFileSync("schemas/framework.schema.json", "utf8")))].sort());
  });

  it.each(BUILTIN_CHECKS.map((d) => ({ kind: d.kind, d })))("$kind: a paragraph naming every parameter, and codes with wording", ({ d }) => {
    expect(d.doc.length).toBeGreaterThan(40);
    expect(d.doc).not.toMatch(/\n\s*\n/);
    for (const name of parameters(d.params)) expect(d.doc, `${d.kind} doc names ${name}`).toMatch(new RegExp(`\`${name}[\`:]`));
    expect(d.codes.length).toBeGreaterThan(0);
    expect(new Set(d.codes).size).toBe(d.codes.length);
    for (const code of d.codes) expect(MESSAGES).toHaveProperty(code);
  });

  it("declare between them every code the catalogue words, but the registry's own", () => {
    const declared = new Set<string>(BUILTIN_CHECKS.flatMap((d) => d.codes));
    const worded = Object.keys(MESSAGES) as MessageCode[];
    expect(worded.filter((c) => !declared.has(c))).toEqual(["not_registered"]);
  });
});

describe("docs/checks.md", () => {
  it.each(BUILTIN_KINDS)("documents the kind %s in the table of kinds", (kind) => {
    expect(DOCS).toMatch(new RegExp(`^\\| \`${kind}\` +\\|`, "m"));
  });

  it("documents every code a definition declares", () => {
    const codes = [...new Set(BUILTIN_CHECKS.flatMap((d) => d.codes)), "not_registered"];
    expect(codes.filter((c) => !DOCS.includes(`\`${c}\``))).toEqual([]);
  });
});
