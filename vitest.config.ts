import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/browser/**"],
    typecheck: { enabled: true, include: ["tests/**/*.test-d.ts"] },
    testTimeout: 30000,
  },
});
