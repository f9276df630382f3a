import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as core from "../../src/index.js";
import { ASSESS_SCRIPT, bundleCore, CORE_INPUT, type CoreOutput } from "../helpers/core-bundle.js";

// The core entry in a real browser (issue 15): the browser bundle of dist/index.js loads in Chromium and
// runs the same assessment as Node, report for report. tests/core/neutral.test.ts does it in a worker.

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
});
afterAll(async () => {
  await browser?.close();
});

describe("the core in Chromium", () => {
  it("loads, parses, assesses and formats exactly as in Node", async () => {
    const { code } = await bundleCore();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.setContent("<!doctype html><title>core</title>");
    await page.addScriptTag({ content: code });
    const output = await page.evaluate(
      ([script, input]) => {
        const run = new Function(`return ${script}`)() as (senate: unknown, input: unknown) => unknown;
        return run((globalThis as unknown as { senate: unknown }).senate, input);
      },
      [ASSESS_SCRIPT, CORE_INPUT] as const,
    );
    expect(errors).toEqual([]);
    const expected = new Function(`return ${ASSESS_SCRIPT}`)()(core, CORE_INPUT) as CoreOutput;
    expect(output).toEqual(expected);
    await page.close();
  });
});
