// npm run calibrate: assesses every case of the calibration corpus (tests/calibration/cases/), prints each
// panel's findings beside the tool's ratings and gaps, and writes tests/calibration/results.md.
// tests/calibration/calibration.test.ts holds the tool to these figures; README.md there explains the corpus.
import { writeFileSync } from "node:fs";
import { RESULTS_FILE, runCalibration } from "../tests/calibration/harness.ts";
import { renderResults } from "../tests/calibration/render.ts";

const text = renderResults(runCalibration());
writeFileSync(RESULTS_FILE, text);
process.stdout.write(text);
console.error(`wrote ${RESULTS_FILE}`);
