import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessFile } from "../src/node/files.js";
import { formatReport } from "../src/report/format.js";

// Golden reports: one per example and format. Review changes by eye, then run `npx vitest run -u`.
const NOW = new Date("2026-01-01T00:00:00Z");
const examples = readdirSync("examples").filter((f) => /\.(ya?ml|md)$/.test(f) && !/\.(reviews|waivers)\./.test(f));

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

describe.each(examples)("examples/%s", (file) => {
  const report = exampleReport(file);
  const stem = file.replace(/\.(ya?ml|md)$/, "");

  it.each([
    ["json", "json"],
    ["markdown", "md"],
    ["text", "txt"],
  ] as const)("%s report matches its golden file", async (format, ext) => {
    await expect(formatReport(report, format)).toMatchFileSnapshot(`golden/${stem}.${ext}`);
  });

  it("is byte-identical when assessed again", () => {
    expect(JSON.stringify(exampleReport(file))).toBe(JSON.stringify(report));
  });
});
