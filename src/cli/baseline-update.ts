import type { AssessmentReport } from "../model/report.js";
import { safeJson } from "../report/escape-json.js";
import { openOutput } from "./io.js";

/**
 * `--update-baseline`: the run's reports go, as they come, to a temporary file beside the baseline;
 * when every file was assessed, the baseline's reports for proposals this run did not assess are
 * added and the file replaces the baseline in one rename. Any failure leaves the baseline as it was.
 */
export function baselineWriter(plan: { files: readonly string[]; inputs: readonly string[]; output?: string }, path: string) {
  // The baseline is an input of the run, which openOutput would refuse to write over; every other input stays guarded.
  const guarded = [...plan.files, ...plan.inputs.filter((i) => i !== path), ...(plan.output === undefined ? [] : [plan.output])];
  const out = openOutput(path, guarded, { overwrite: true });
  let count = 0;
  // An element of safeJson(reports, 2), as `senate assess --format json` writes an array.
  const item = (r: AssessmentReport) => out.write(`${count++ === 0 ? "[\n  " : ",\n  "}${safeJson([r], 2).slice(4, -2)}`);
  return {
    add: item,
    commit(kept: readonly AssessmentReport[]): void {
      for (const r of kept) item(r);
      out.write(count === 0 ? "[]\n" : "\n]\n");
      out.commit();
    },
    abort(): void {
      out.abort();
    },
  };
}
