import { createRequire } from "node:module";

// ESM cannot load a module synchronously on demand, so heavy dependencies that only some calls need
// (`yaml` for the full parse, Ajv for schema checks) are required through Node's CommonJS loader
// the first time they are used. `import.meta.url` is shimmed in the CommonJS build (tsup `shims`).
const nodeRequire = createRequire(import.meta.url);

/** A getter that requires `id` on its first call and returns the same module after. */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= nodeRequire(id) as T;
    return loaded;
  };
}
