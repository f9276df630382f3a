import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // tests/shared needs the source texts in ../shared/seeds: `npm run test:shared`, which .ci/run calls.
    exclude: ["tests/browser/**", "tests/shared/**"],
    setupFiles: ["tests/setup/fast-check.ts"],
    typecheck: { enabled: true, include: ["tests/**/*.test-d.ts"] },
    // Only to stop a real hang: no test asserts wall time, and the machines are shared and noisy.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
