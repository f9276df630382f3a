import * as ajv from "ajv";
import * as re2js from "re2js";
import * as yaml from "yaml";

// The heavy dependencies that only some calls need (`yaml` for the full parse, Ajv for schema checks,
// re2js for patterns), reached through one getter each. In the library they are plain imports, so the
// core loads in any runtime that runs ES modules. The CLI build swaps this file for
// src/cli/lazy-require.ts, which requires each on first use, so a run that needs none starts faster.
const MODULES = { ajv, re2js, yaml };

/** A getter for one of the heavy dependencies, by package name. */
export function lazyRequire<T>(id: keyof typeof MODULES): () => T {
  return () => MODULES[id] as T;
}
