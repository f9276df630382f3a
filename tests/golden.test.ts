import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatReport } from "../src/report/format.js";
import { exampleReport } from "./helpers/examples.js";

// Golden reports: one per example and format. Review changes by eye, then run `npx vitest run -u`.
const examples = readdirSync("examples").filter((f) => /\.(ya?ml|md)$/.test(f) && !/\.(reviews|waivers)\./.test(f));

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
