import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The built-in frameworks' schema fragments run Ajv's standalone code (src/generated/fragments.ts):
// assessing with them never loads Ajv. A fragment of the caller's own still does, on first use.
const TRACE =
  "data:text/javascript,import M from 'node:module'; const load = M._load; M._load = function (id, ...rest) { if (/^ajv(\\/|$)/.test(id)) process.stderr.write('LOADED ' + id + '\\n'); return load.call(this, id, ...rest); };";

function senate(args: string[]) {
  return spawnSync(process.execPath, ["--import", TRACE, "dist/cli.js", ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

describe("Ajv at run time", () => {
  it.each(["london-2020", "nhse-service-change", "west-midlands"])("is not loaded to assess with the built-in %s", (framework) => {
    const r = senate(["assess", "examples/stroke-hasu.yaml", "--framework", framework, "--format", "json", "--fail-on", "never"]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).framework.id).toBe(framework);
    expect(r.stderr).not.toMatch(/LOADED ajv/);
  });

  it("is loaded for a fragment a user's framework brings", () => {
    const r = senate([
      "assess",
      "examples/stroke-hasu.yaml",
      "--framework",
      "examples/frameworks/riverside-stroke-network.yaml",
      "--format",
      "json",
      "--fail-on",
      "never",
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/LOADED ajv/);
  });
});
