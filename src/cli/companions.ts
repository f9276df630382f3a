import { resolve } from "node:path";
import { type Companions, companionBeside } from "../node/pipeline.js";
import type { Settings } from "./settings.js";

// A proposal's reviews and waivers: those the configuration lists for it, else `X.reviews.yaml` and
// `X.waivers.yaml` (or .yml, .json) beside `X.yaml` (node/pipeline.ts). Globs and folders never take
// these as proposals (see glob.ts), so a folder of proposals with their companions is assessed as a programme.

export type { Companions } from "../node/pipeline.js";

const KINDS = ["reviews", "waivers"] as const;

/** Finds each proposal's companions: the configuration's entry first, then the files beside it. */
export function companionFinder(settings: Pick<Settings, "proposals">, cwd = process.cwd()): (file: string) => Companions {
  const listed = new Map(Object.entries(settings.proposals).map(([path, pair]) => [resolve(cwd, path), pair]));
  return (file) => {
    if (file === "-") return {};
    const entry = listed.get(resolve(cwd, file)) ?? {};
    const out: Companions = {};
    for (const kind of KINDS) {
      const path = entry[kind] ?? companionBeside(file, kind);
      if (path !== undefined) out[kind] = path;
    }
    return out;
  };
}
