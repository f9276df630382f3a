import { BUILTIN_FRAMEWORKS, type BuiltinFrameworkId } from "../generated/frameworks.js";
import { frameworkHash, type LoadedFramework } from "./load.js";

/** Ids of the frameworks that ship with the package. */
export const BUILTIN_FRAMEWORK_IDS = Object.keys(BUILTIN_FRAMEWORKS).sort() as BuiltinFrameworkId[];

const cache = new Map<string, LoadedFramework>();

/** True when `id` names a built-in framework. */
export function isBuiltinFramework(id: string): id is BuiltinFrameworkId {
  return Object.hasOwn(BUILTIN_FRAMEWORKS, id);
}

/** A built-in framework by id (validated when it was generated), or undefined. */
export function builtinFramework(id: string): LoadedFramework | undefined {
  if (!isBuiltinFramework(id)) return undefined;
  let loaded = cache.get(id);
  if (!loaded) {
    const framework = BUILTIN_FRAMEWORKS[id];
    loaded = { framework, sha256: frameworkHash(framework) };
    cache.set(id, loaded);
  }
  return loaded;
}
