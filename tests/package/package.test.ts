import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { publint } from "publint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDir } from "../security/sandbox.js";

// The package as users get it, offline and fast (scripts/package-check.sh does the slow, online part:
// npm pack, attw, a real install, TypeScript consumers). Here: publint on what `npm pack` would
// publish; package.json's promises; and the packed files installed beside only the runtime
// dependencies, used from ESM, CommonJS and the senate bin, so nothing a user lacks is needed.

const ROOT = resolve(".");
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  name: string;
  version: string;
  exports: Record<string, unknown>;
  sideEffects: unknown;
  engines?: { node?: string };
  bin?: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
  files: string[];
};

/** The files `npm pack` would publish, from npm itself. */
function packedFiles(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", "--loglevel=error"], { cwd: ROOT, encoding: "utf8" });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path).sort() ?? [];
}

let files: string[] = [];
beforeAll(() => {
  files = packedFiles();
}, 60_000);

describe("the published package", () => {
  it("publint finds no error, warning or suggestion", async () => {
    const { messages } = await publint({ pkgDir: ROOT, level: "suggestion", strict: true, pack: "npm" });
    expect(messages).toEqual([]);
  }, 60_000);

  it("holds only what users need: dist, schemas, principles (with their changelog), docs, README, CHANGELOG, licence and package.json", () => {
    const allowed =
      /^(package\.json|README\.md|CHANGELOG\.md|LICEN[CS]E(\.md|\.txt)?|dist\/.+\.(c?js|d\.c?ts)|schemas\/.+\.schema\.json|principles\/(.+\.(ya?ml|json)|CHANGELOG\.md)|docs\/.+\.md)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    for (const need of [
      "dist/index.js",
      "dist/index.cjs",
      "dist/index.d.ts",
      "dist/index.d.cts",
      "dist/node.js",
      "dist/node.cjs",
      "dist/node.d.ts",
      "dist/node.d.cts",
      "dist/cli.js",
      "principles/london-2020.yaml",
      "docs/criteria/london-2020.md",
    ]) {
      expect(files).toContain(need);
    }
    for (const schema of ["proposal", "report", "framework", "reviews", "waivers"]) expect(files).toContain(`schemas/${schema}.schema.json`);
  });

  it("exports the schemas, is free of side effects, says which Node it needs, and has the senate bin", () => {
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining([".", "./node", "./schemas/*.json", "./package.json"]));
    expect(pkg.peerDependencies).toEqual({ zod: "^4.0.0" });
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines?.node).toMatch(/^>=20(\.\d+)*$/);
    expect(pkg.bin).toEqual({ senate: "./dist/cli.js" });
    const cli = readFileSync("dist/cli.js", "utf8");
    expect(cli.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync("dist/cli.js").mode & 0o111, "dist/cli.js is executable").not.toBe(0);
  });

  it("justifies every runtime dependency in the README", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.split(/^## /m).find((s) => s.startsWith("Runtime dependencies")) ?? "";
    for (const dep of Object.keys(pkg.dependencies)) expect(section, `README, Runtime dependencies: ${dep}`).toContain(`\`${dep}\``);
  });
});

describe("installed with nothing but its runtime dependencies", () => {
  const project = makeDir("senate-installed-");
  const modules = join(project, "node_modules");
  const example = resolve("examples/stroke-hasu.yaml");

  beforeAll(() => {
    // The packed files, as npm would unpack them, and the runtime dependencies from the lock file.
    const target = join(modules, pkg.name);
    for (const file of files) {
      mkdirSync(dirname(join(target, file)), { recursive: true });
      cpSync(file, join(target, file));
    }
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean }>;
    };
    for (const [path, entry] of Object.entries(lock.packages)) {
      // A peer dependency (zod) is the user's to install; it is linked as a user's project would have it.
      const peer = Object.hasOwn(pkg.peerDependencies ?? {}, path.replace(/^node_modules\//, ""));
      if (!/^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) || ((entry.dev || entry.devOptional || entry.optional) && !peer)) continue;
      mkdirSync(dirname(join(project, path)), { recursive: true });
      symlinkSync(resolve(path), join(project, path));
    }
    mkdirSync(join(modules, ".bin"), { recursive: true });
    symlinkSync(join(target, "dist/cli.js"), join(modules, ".bin/senate"));
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const node = (file: string, text: string) => {
    writeFileSync(join(project, file), text);
    const r = spawnSync(process.execPath, [file], { cwd: project, encoding: "utf8", env: { ...process.env, NODE_PATH: "" } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    return r.stdout.trim();
  };

  /** Calls that need every lazily loaded dependency: a duplicate key (the full YAML parse) and schema checks (Ajv). */
  const exercise = `
const text = readFileSync(${JSON.stringify(example)}, "utf8");
const parsed = parseProposal(text, { filename: "stroke-hasu.yaml" });
const report = parsed.ok && assess(parsed.value, builtinFramework("london-2020"), { now: new Date("2026-01-01") });
const dup = parseProposal('schemaVersion: "1"\\nschemaVersion: "1"\\n', { filename: "dup.yaml" });
const fw = loadFramework(readFileSync(${JSON.stringify(resolve("principles/london-2020.yaml"))}, "utf8"), { filename: "london-2020.yaml" });
console.log([report.ok && report.value.summary.rating, !dup.ok && dup.issues[0].code, fw.ok, schema.type].join(" "));
`;

  it("from ESM, with the schemas as JSON modules", () => {
    const out = node(
      "esm.mjs",
      `import { readFileSync } from "node:fs";\nimport { assess, builtinFramework, loadFramework, parseProposal } from "${pkg.name}";\nimport schema from "${pkg.name}/schemas/proposal.schema.json" with { type: "json" };\n${exercise}`,
    );
    expect(out).toBe("amber duplicate_key true object");
  });

  it("from CommonJS", () => {
    const out = node(
      "cjs.cjs",
      `const { readFileSync } = require("node:fs");\nconst { assess, builtinFramework, loadFramework, parseProposal } = require("${pkg.name}");\nconst schema = require("${pkg.name}/schemas/report.schema.json");\n${exercise}`,
    );
    expect(out).toBe("amber duplicate_key true object");
  });

  it("through the senate bin", () => {
    const senate = (...args: string[]) => spawnSync(join(modules, ".bin/senate"), args, { cwd: project, encoding: "utf8" });
    expect(senate("--version").stdout.trim()).toBe(pkg.version);
    const assessed = senate("assess", example, "--format", "json", "--fail-on", "never");
    expect(assessed.stderr).toBe("");
    expect(JSON.parse(assessed.stdout)).toMatchObject({ schemaVersion: "2", framework: { id: "london-2020" } });
    const dup = join(project, "dup.yaml");
    writeFileSync(dup, 'schemaVersion: "1"\nschemaVersion: "1"\n');
    expect(senate("validate", dup).stderr).toMatch(/dup\.yaml:2:1 {2}duplicate_key/);
    expect(existsSync(join(modules, "vitest")), "a development dependency is not installed").toBe(false);
  });
});
