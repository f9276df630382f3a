// Run after every npm install that changes package-lock.json. The registry this project installs from serves
// only the linux-x64 builds of packages with per-platform binaries (biome, rollup, esbuild), so npm cannot
// record the other platforms' optional packages, and `npm ci` then refuses the lock as out of sync. This adds
// a bare optional entry for each one; npm ci skips or tolerates them, and installs what this machine needs.
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue;
    lock.packages[key] = { version: spec.replace(/^[\^~=]/, ""), optional: true, ...(entry.dev ? { dev: true } : {}) };
    added++;
  }
}
if (process.argv.includes("--check")) {
  if (added > 0) {
    console.error(`package-lock.json lacks ${added} optional platform entries: run npm run lock:fix and commit it`);
    process.exit(1);
  }
} else {
  writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`added ${added} entries`);
}
