import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Settings } from "./settings.js";

// A proposal's reviews and waivers: those the configuration lists for it, else `X.reviews.yaml` and
// `X.waivers.yaml` (or .yml, .json) beside `X.yaml`. Globs and folders never take these as proposals
// (see glob.ts), so a folder of proposals with their companions is assessed as a programme.

/** The reviews and waivers files that go with one proposal. */
export interface Companions {
  reviews?: string;
  waivers?: string;
}

const KINDS = ["reviews", "waivers"] as const;
const EXTENSIONS = ["yaml", "yml", "json"];

/** The companion of `file` of one kind, beside it, if there is one. */
function beside(file: string, kind: (typeof KINDS)[number]): string | undefined {
  const stem = file.replace(/\.(ya?ml|json|md|markdown)$/i, "");
  return EXTENSIONS.map((ext) => `${stem}.${kind}.${ext}`).find((p) => existsSync(p));
}

/** Finds each proposal's companions: the configuration's entry first, then the files beside it. */
export function companionFinder(settings: Pick<Settings, "proposals">, cwd = process.cwd()): (file: string) => Companions {
  const listed = new Map(Object.entries(settings.proposals).map(([path, pair]) => [resolve(cwd, path), pair]));
  return (file) => {
    if (file === "-") return {};
    const entry = listed.get(resolve(cwd, file)) ?? {};
    const out: Companions = {};
    for (const kind of KINDS) {
      const path = entry[kind] ?? beside(file, kind);
      if (path !== undefined) out[kind] = path;
    }
    return out;
  };
}
