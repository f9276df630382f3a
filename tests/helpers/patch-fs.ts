import { createRequire, syncBuiltinESMExports } from "node:module";
import { afterEach } from "vitest";

// Replaces node:fs functions for the code under test (its ESM imports included), each until the
// test that patched it ends: how a test makes a disk fill up or a rename fail on cue.

const require = createRequire(import.meta.url);
const fs = require("node:fs") as Record<string, unknown>;
const saved: [string, unknown][] = [];

afterEach(() => {
  for (const [name, original] of saved.splice(0).reverse()) fs[name] = original;
  syncBuiltinESMExports();
});

/** Replaces `fs[name]` with what `replacement` makes of the original. */
export function patchFs(name: string, replacement: (original: (...args: never[]) => unknown) => (...args: never[]) => unknown): void {
  const original = fs[name] as (...args: never[]) => unknown;
  saved.push([name, original]);
  fs[name] = replacement(original);
  syncBuiltinESMExports();
}
