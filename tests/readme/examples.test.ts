import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Every TypeScript example in the README compiles against the package as built (dist and its types),
// imported by its published name from a project of its own, with strict settings (issue 15). A README
// that shows an export the package no longer has, or a call its types reject, fails here.

const ROOT = resolve(".");
const BLOCKS = [...readFileSync("README.md", "utf8").matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
const project = mkdtempSync(join(tmpdir(), "senate-readme-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

function typecheck(files: string[]): { status: number | null; output: string } {
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true, types: ["node"] },
      files,
    }),
  );
  const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", project], { encoding: "utf8" });
  return { status: tsc.status, output: tsc.stdout + tsc.stderr };
}

describe("the README's TypeScript examples", () => {
  it("are there to check", () => {
    expect(BLOCKS.length).toBeGreaterThanOrEqual(2);
  });

  it("type-check against the built package, as a user's project imports it", () => {
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "readme-examples", private: true, type: "module" }));
    const modules = join(project, "node_modules");
    mkdirSync(modules);
    symlinkSync(ROOT, join(modules, "senate-principles"), "dir");
    symlinkSync(join(ROOT, "node_modules/zod"), join(modules, "zod"), "dir");
    symlinkSync(join(ROOT, "node_modules/@types"), join(modules, "@types"), "dir");
    const files = BLOCKS.map((block, i) => {
      // Each block is a module of its own, so two examples may use the same names.
      writeFileSync(join(project, `example-${i + 1}.ts`), `${block}\nexport {};\n`);
      return `example-${i + 1}.ts`;
    });
    const result = typecheck(files);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  }, 120_000);

  it("fail when an example uses what the package does not export (the check is real)", () => {
    writeFileSync(join(project, "wrong.ts"), 'import { formatSarif } from "senate-principles";\nexport { formatSarif };\n');
    const result = typecheck(["wrong.ts"]);
    expect(result.output).toMatch(/TS(2305|2724).*no exported member named .formatSarif./);
  }, 120_000);
});
