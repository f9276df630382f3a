// Preloaded into each hostile run (node --require): records the process's peak resident memory in kB,
// so the runner can assert that no input makes memory grow without bound.
const { writeFileSync } = require("node:fs");

const out = process.env.SENATE_RSS_FILE;
if (out) process.on("exit", () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
