import { defineConfig } from "vitest/config";

// The checks against the source texts in ../shared/seeds, which only our CI lays beside the clone.
export default defineConfig({
  test: {
    include: ["tests/shared/**/*.test.ts"],
    testTimeout: 120_000,
  },
});
