import { defineConfig } from "vitest/config";

// Real-browser checks of the HTML report (axe, screenshots, print). Needs Chromium at /usr/bin/chromium;
// run with `npx vitest run -c vitest.browser.config.ts`. Kept out of `npm test`, which must not need a browser.
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.browser.test.ts"],
    testTimeout: 120000,
    hookTimeout: 120000,
    // One browser is enough; files share nothing but the machine.
    fileParallelism: false,
  },
});
