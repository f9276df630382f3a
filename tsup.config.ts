import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

// The CLI requires `yaml`, Ajv and re2js on first use (src/cli/lazy-require.ts) instead of importing
// them at start-up as the library does (src/source/require.ts): this swaps the one for the other.
const lazyRequire: Plugin = {
  name: "cli-lazy-require",
  setup(build) {
    build.onResolve({ filter: /\/source\/require\.js$|^\.\/require\.js$/ }, (args) =>
      /[/\\]src[/\\](source|framework|checks)$/.test(args.resolveDir) ? { path: new URL("src/cli/lazy-require.ts", import.meta.url).pathname } : undefined,
    );
  },
};

export default defineConfig([
  {
    // Two entries: the runtime-neutral core and the Node helpers. @noble/hashes (ESM only, pure
    // JavaScript) is bundled in, so the CommonJS build and older Node 20 releases need nothing more.
    entry: { index: "src/index.ts", node: "src/node/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: false,
    clean: true,
    target: "node20",
    platform: "node",
    noExternal: ["@noble/hashes"],
  },
  {
    // The CLI is one file: its own code with zod and js-yaml bundled in and minified, so start-up
    // reads and compiles a single module instead of resolving hundreds. `yaml`, Ajv and re2js stay
    // outside and are required on first use; the published package depends on them.
    entry: { cli: "src/cli/main.ts" },
    splitting: false,
    format: ["esm"],
    dts: false,
    clean: false,
    target: "node20",
    platform: "node",
    noExternal: ["zod", "js-yaml", "@noble/hashes"],
    esbuildPlugins: [lazyRequire],
    minify: true,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
