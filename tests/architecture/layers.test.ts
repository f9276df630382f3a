import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

// The house has one direction (issue 15): a folder imports only from the folders below it in LAYERS,
// and no files import each other in a loop. Read from the import lines of src, so a new import that
// points up or closes a circle fails here with the files that do it.

/** Folders of src, lowest first. A folder may import from its own layer's files and from any lower layer. */
const LAYERS: string[][] = [
  ["version.ts", "generated", "model"],
  ["source"],
  ["proposal"],
  ["checks"],
  ["framework"],
  ["assess"],
  ["report", "init", "import"],
  ["node"],
  ["cli", "index.ts"],
];

// No exceptions: checks/schema.ts compiles fragments through checks/fragment-compile.ts (issue 15, item 2).
const ALLOWED_UPWARD = new Set<string>();

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every relative import and re-export of a file, as paths from the project root (.js written, .ts meant). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["'](\.[^"']+)["']|^\s*import\s+["'](\.[^"']+)["']/gm)];
  return found.map((m) => normalize(join(dirname(file), (m[1] ?? m[2] ?? "").replace(/\.js$/, ".ts"))));
}

/** Generated files that belong to a higher layer than generated/: Ajv's standalone code runs with the checks' runtime. */
const PLACED: Record<string, string> = { "generated/fragments.ts": "checks" };

function layerOf(file: string): number {
  const path = relative("src", file).replace(/\\/g, "/");
  const top = PLACED[path] ?? path.split("/")[0] ?? "";
  const layer = LAYERS.findIndex((names) => names.includes(top));
  if (layer < 0) throw new Error(`${file}: src/${top} is in no layer; add it to LAYERS`);
  return layer;
}

const FILES = sources("src").map(normalize);
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f).filter((to) => !to.endsWith(".json"))]));

/** Every import loop, each once, as the files in order (Tarjan's strongly connected components). */
function cycles(): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of GRAPH.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w !== undefined) component.push(w);
      } while (w !== v && w !== undefined);
      if (component.length > 1 || (GRAPH.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const f of FILES) if (!index.has(f)) visit(f);
  return out;
}

describe("the import graph of src", () => {
  it("reads every import of a file that exists", () => {
    const missing = [...GRAPH].flatMap(([from, tos]) => tos.filter((to) => !FILES.includes(to)).map((to) => `${from} -> ${to}`));
    expect(missing).toEqual([]);
    expect([...GRAPH.values()].flat().length).toBeGreaterThan(FILES.length);
  });

  it("has no import that points up a layer", () => {
    const upward = [...GRAPH].flatMap(([from, tos]) => tos.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${from} -> ${to}`));
    expect(upward.filter((edge) => !ALLOWED_UPWARD.has(edge))).toEqual([]);
  });

  it("has no import cycle", () => {
    expect(cycles()).toEqual([]);
  });

  it("finds a cycle and an upward import when there is one", () => {
    GRAPH.set("src/model/common.ts", [...(GRAPH.get("src/model/common.ts") ?? []), "src/model/issue.ts"]);
    GRAPH.set("src/model/issue.ts", [...(GRAPH.get("src/model/issue.ts") ?? []), "src/model/common.ts"]);
    try {
      expect(cycles()).toContainEqual(["src/model/common.ts", "src/model/issue.ts"]);
      expect(layerOf("src/cli/main.ts")).toBeGreaterThan(layerOf("src/model/common.ts"));
    } finally {
      GRAPH.set("src/model/common.ts", importsOf("src/model/common.ts"));
      GRAPH.set("src/model/issue.ts", importsOf("src/model/issue.ts"));
    }
  });
});
