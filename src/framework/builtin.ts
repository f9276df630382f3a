import type { BuiltinCriterionIds, BuiltinFrameworkId } from "../generated/frameworks.js";
import DATA from "../generated/frameworks.json" with { type: "json" };
import type { Crosswalk } from "../model/crosswalk.js";
import type { Framework } from "../model/framework.js";
import type { LoadedFramework } from "../model/typed-ids.js";

// The built-in frameworks and crosswalks are data (src/generated/frameworks.json, written by
// `npm run generate` from principles/), validated and hashed when generated, so none is checked or hashed
// at run time.
const BUILTIN = DATA as unknown as { frameworks: Record<BuiltinFrameworkId, LoadedFramework>; crosswalks: Crosswalk[] };

/** The built-in frameworks by id, validated when generated. */
export const BUILTIN_FRAMEWORKS = Object.fromEntries(Object.entries(BUILTIN.frameworks).map(([id, f]) => [id, f.framework])) as Record<
  BuiltinFrameworkId,
  Framework
>;

/** Crosswalks between the built-in frameworks, validated when generated. */
export const BUILTIN_CROSSWALKS: Crosswalk[] = BUILTIN.crosswalks;

/** Ids of the frameworks that ship with the package. */
export const BUILTIN_FRAMEWORK_IDS = Object.keys(BUILTIN.frameworks).sort() as BuiltinFrameworkId[];

/** True when `id` names a built-in framework. */
export function isBuiltinFramework(id: string): id is BuiltinFrameworkId {
  return Object.hasOwn(BUILTIN.frameworks, id);
}

/**
 * A built-in framework by id, with its hash. A built-in id always finds one, typed with its criterion
 * ids (so reviews, waivers and gaps written against it are checked by the compiler); any other string may not.
 */
export function builtinFramework<K extends BuiltinFrameworkId>(id: K): LoadedFramework<BuiltinCriterionIds[K]>;
export function builtinFramework(id: string): LoadedFramework | undefined;
export function builtinFramework(id: string): LoadedFramework | undefined {
  return isBuiltinFramework(id) ? BUILTIN.frameworks[id] : undefined;
}
