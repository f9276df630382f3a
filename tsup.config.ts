import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: false,
    clean: true,
    target: "node20",
    platform: "node",
    // `import.meta.url` (src/source/require.ts loads `yaml` and Ajv on first use) in the CommonJS build.
    shims: true,
  },
  {
    // The CLI is one file: its own code with zod and js-yaml bundled in and minified, so start-up
    // reads and compiles a single module instead of resolving hundreds. `yaml` and Ajv stay outside
    // and are required on first use (src/source/require.ts); the published package depends on them.
    entry: { cli: "src/cli/main.ts" },
    splitting: false,
    format: ["esm"],
    dts: false,
    clean: false,
    target: "node20",
    platform: "node",
    noExternal: ["zod", "js-yaml"],
    minify: true,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
