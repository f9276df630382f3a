// The peers a user could run instead, installed on demand into a temporary folder (they are not
// dependencies of the package).

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spectralRuleset } from "./spectral-ruleset.js";

/** Where the peers are, with their versions; undefined when they could not be installed. */
export interface Peers {
  ajv: string;
  spectral: string;
  ruleset: string;
  versions: { ajvCli: string; spectral: string; jsYamlInAjvCli: string };
  rules: number;
}

function version(dir: string, name: string): string {
  const file = join(dir, "node_modules", name, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : "?";
}

/** Installs ajv-cli and Spectral into `dir` (or reuses SENATE_BENCH_PEERS), and writes the Spectral ruleset. */
export function installPeers(dir: string): Peers | { error: string } {
  const root = process.env.SENATE_BENCH_PEERS ?? dir;
  const ajv = join(root, "node_modules/ajv-cli/dist/index.js");
  const spectral = join(root, "node_modules/@stoplight/spectral-cli/dist/index.js");
  if (!existsSync(ajv) || !existsSync(spectral)) {
    mkdirSync(root, { recursive: true });
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const install = spawnSync(npm, ["install", "--prefix", root, "--no-audit", "--no-fund", "--loglevel=error", "ajv-cli@5", "@stoplight/spectral-cli@6"], {
      encoding: "utf8",
      timeout: 180_000,
    });
    if (install.status !== 0) return { error: `npm install of the peers failed: ${(install.stderr || install.error?.message || "").trim().split("\n").pop()}` };
  }
  const rulesetObject = spectralRuleset();
  const ruleset = join(dir, "spectral-ruleset.json");
  mkdirSync(dir, { recursive: true });
  writeFileSync(ruleset, JSON.stringify(rulesetObject, null, 2));
  return {
    ajv,
    spectral,
    ruleset,
    rules: Object.keys(rulesetObject.rules).length,
    versions: { ajvCli: version(root, "ajv-cli"), spectral: version(root, "@stoplight/spectral-cli"), jsYamlInAjvCli: version(root, "js-yaml") },
  };
}
