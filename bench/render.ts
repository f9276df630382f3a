// Renders bench/results.md again from the last run's measurements (saved by bench/run.ts), for
// when only the page's prose changed: `tsx bench/render.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import { type BenchResults, renderResults } from "./report.js";

const results = JSON.parse(readFileSync("node_modules/.cache/senate-bench/results.json", "utf8")) as BenchResults;
writeFileSync("bench/results.md", renderResults(results));
