// Preloaded into each hostile run (node --require): records, at exit, the process's peak resident memory
// (kB) and the CPU time it used (µs, user + system, all threads), so the runner can assert that no input
// makes memory grow without bound or costs far more work than an ordinary document. CPU time rather than
// wall time: it barely moves when other work shares the machine.
const { writeFileSync } = require("node:fs");

const out = process.env.SENATE_USAGE_FILE;
if (out)
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime }));
  });
