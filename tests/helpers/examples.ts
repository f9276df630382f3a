import { existsSync, readdirSync } from "node:fs";
import { assessFile } from "../../src/node/files.js";

/** The fixed instant tests judge waiver expiry against. */
export const NOW = new Date("2026-01-01T00:00:00Z");

/** The example assessed with its companion reviews and waivers files, when it has them. */
export function exampleReport(file: string) {
  const stem = `examples/${file.replace(/\.(ya?ml|md)$/, "")}`;
  const reviews = `${stem}.reviews.yaml`;
  const waivers = `${stem}.waivers.yaml`;
  const result = assessFile(`examples/${file}`, {
    now: NOW,
    ...(existsSync(reviews) ? { reviews } : {}),
    ...(existsSync(waivers) ? { waivers } : {}),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** Every proposal in examples/ (not its reviews or waivers), as its name and path. */
export const EXAMPLES = readdirSync("examples")
  .filter((f) => /\.(ya?ml|json|md)$/.test(f) && !/\.(reviews|waivers)\.ya?ml$/.test(f))
  .sort()
  .map((file) => ({ name: file.replace(/\.[^.]+$/, ""), file: `examples/${file}` }));
