// Preloaded (NODE_OPTIONS=--require) when GNU time is missing: records the process's peak RSS in KiB.
const { writeFileSync } = require("node:fs");
const target = process.env.SENATE_BENCH_RSS;
if (target) process.on("exit", () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
