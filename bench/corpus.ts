// Generated corpora: the strong example proposal (examples/stroke-hasu.yaml), scaled to a target size
// by a seeded random generator, so every run writes the same bytes. Lists grow or shrink by
// repeating or dropping items; long texts grow or shrink by whole sentences. Every file is checked
// with parseProposal before it is used: a corpus that does not validate would measure nothing.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, isScalar, parse, visit } from "yaml";
import { parseProposal } from "../src/proposal/parse.js";

/** A small, fast, seeded generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Lists whose items carry ids that must stay unique, or that other lists cite: never repeated. */
const KEEP = new Set(["/evidence", "/options/items"]);

function scaleText(text: string, factor: number, random: () => number): string {
  const sentences = text.split(/(?<=[.;:])\s+/);
  if (factor <= 1) {
    const words = text.split(/\s+/);
    return words.slice(0, Math.max(12, Math.round(words.length * factor))).join(" ");
  }
  const out = [...sentences];
  while (out.join(" ").length < text.length * factor) out.push(sentences[Math.floor(random() * sentences.length)] as string);
  return out.join(" ");
}

function scale(value: Json, factor: number, random: () => number, path: string): Json {
  if (typeof value === "string") return value.length > 200 ? scaleText(value, factor, random) : value;
  if (Array.isArray(value)) {
    const items = value.map((item, i) => scale(item, factor, random, `${path}/${i}`));
    if (KEEP.has(path) || items.length === 0) return items;
    // Citation lists (`evidence: [E1, E2]`) shrink but never grow: the register has only so many ids.
    const length = Math.max(1, Math.round(items.length * (path.endsWith("/evidence") ? Math.min(1, factor) : factor)));
    return Array.from({ length }, (_, i) => structuredClone(items[i % items.length]) as Json);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scale(v, factor, random, `${path}/${k}`)]));
  }
  return value;
}

/** Writes data as YAML a person might write, like the examples: block style, long prose folded (`>-`), dates quoted. */
function toYaml(data: Json): string {
  const doc = new Document(data);
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== "string") return;
      // Quoted dates keep ajv-cli (js-yaml's YAML 1.1 schema turns a bare 2025-06-20 into a Date) comparable.
      if (/^\d{4}-\d{2}-\d{2}/.test(node.value)) node.type = "QUOTE_DOUBLE";
      else if (node.value.length > 90) node.type = "BLOCK_FOLDED";
    },
  });
  return doc.toString({ lineWidth: 100 });
}

/** Every evidence id cited outside the register. */
function cited(value: Json, path = "", ids = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    if (path.endsWith("/evidence") && path !== "/evidence") for (const id of value) ids.add(String(id));
    else for (const [i, v] of value.entries()) cited(v, `${path}/${i}`, ids);
  } else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) cited(v, `${path}/${k}`, ids);
  return ids;
}

/** Optional sections, least central first: a small proposal leaves these out. */
const OPTIONAL = [
  "beds",
  "sustainability",
  "selfCare",
  "mentalHealth",
  "workforce",
  "finance",
  "quality",
  "outcomes",
  "equality",
  "engagement",
  "pathway",
  "population",
  "options",
];

/** The template proposal, scaled by `factor` with the given seed, as YAML text. */
export function proposalText(factor: number, seed: number): string {
  const template = parse(readFileSync("examples/stroke-hasu.yaml", "utf8")) as Record<string, Json>;
  // Below a fifth of the template, whole sections go too (a sense-check proposal is short).
  const drop = OPTIONAL.slice(0, Math.max(0, Math.round(OPTIONAL.length * (1 - factor * 5))));
  for (const section of drop) delete template[section];
  const responses = Object.entries(template.responses as Record<string, Json>);
  template.responses = Object.fromEntries(responses.slice(0, Math.max(2, Math.round(responses.length * Math.min(1, factor * 5)))));
  const data = scale(template, factor, rng(seed), "") as Record<string, Json>;
  const ids = cited(data);
  data.evidence = (data.evidence as { id: string }[]).filter((e) => ids.has(e.id));
  return toYaml(data);
}

/** The scale factor whose proposal is closest to `bytes` long (bisection on the factor). */
export function factorFor(bytes: number, seed = 1): number {
  let lo = 0.01;
  let hi = 64;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (proposalText(mid, seed).length < bytes) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Throws unless the text is a valid proposal, naming the first issue. */
export function assertValid(text: string, name: string): void {
  const parsed = parseProposal(text, { filename: name });
  if (!parsed.ok) throw new Error(`bench corpus ${name} is not a valid proposal: ${JSON.stringify(parsed.issues[0])}`);
}

/** A corpus size: a name and its target length in bytes. */
export interface Size {
  name: "small" | "typical" | "large";
  bytes: number;
}

export const SIZES: Size[] = [
  { name: "small", bytes: 5_000 },
  { name: "typical", bytes: 20_000 },
  { name: "large", bytes: 500_000 },
];

/** One proposal per size (validated), written to `dir`; returns the paths and their byte lengths. */
export function writeSizes(dir: string): Record<Size["name"], { path: string; bytes: number; factor: number }> {
  mkdirSync(dir, { recursive: true });
  const out = {} as Record<Size["name"], { path: string; bytes: number; factor: number }>;
  for (const size of SIZES) {
    const factor = factorFor(size.bytes);
    const text = proposalText(factor, 1);
    assertValid(text, size.name);
    const path = join(dir, `${size.name}.yaml`);
    writeFileSync(path, text);
    out[size.name] = { path, bytes: Buffer.byteLength(text), factor };
  }
  return out;
}

/**
 * A batch of `count` distinct typical proposals in `dir`: a few seeded variants, each file with its
 * own proposal id (so no two files are byte-identical). Returns the file paths.
 */
export function writeBatch(dir: string, count: number, factor: number): string[] {
  mkdirSync(dir, { recursive: true });
  const variants = Array.from({ length: 8 }, (_, v) => proposalText(factor, 100 + v));
  for (const [v, text] of variants.entries()) assertValid(text, `variant ${v}`);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = (variants[i % variants.length] as string).replace("id: NRV-STROKE-2025", `id: BENCH-${String(i).padStart(5, "0")}`);
    const path = join(dir, `p${String(i).padStart(5, "0")}.yaml`);
    writeFileSync(path, text);
    files.push(path);
  }
  return files;
}
