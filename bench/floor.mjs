// The floor: a bare Node process that reads the same files and parses them, nothing else.
//   node bench/floor.mjs <yaml|js-yaml|none> <file or directory>...
// `yaml` is the YAML 1.2 parser the library falls back to; `js-yaml` (load, default schema) is the
// fastest parser installed but reads YAML 1.1 types (timestamps, merge keys); `none` only reads.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const [parser, ...targets] = process.argv.slice(2);
const parse =
  parser === "yaml" ? (await import("yaml")).parse : parser === "js-yaml" ? (await import("js-yaml")).load : (/** @type {string} */ text) => text.length;
let values = 0;
for (const target of targets) {
  const files = statSync(target).isDirectory() ? readdirSync(target).map((f) => join(target, f)) : [target];
  for (const file of files) if (parse(readFileSync(file, "utf8")) !== undefined) values++;
}
if (values === 0) process.exitCode = 1;
