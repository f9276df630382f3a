import { createRequire } from "node:module";

// The CLI's stand-in for src/source/require.ts (swapped in by tsup.config.ts): ESM cannot load a
// module synchronously on demand, so `yaml`, Ajv and re2js are required through Node's CommonJS loader
// the first time a run needs them, never at start-up.
const nodeRequire = createRequire(import.meta.url);

/** A getter that requires `id` on its first call and returns the same module after. */
export function lazyRequire<T>(id: "ajv" | "re2js" | "yaml"): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= nodeRequire(id) as T;
    return loaded;
  };
}
