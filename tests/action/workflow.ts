import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { parse } from "yaml";

// Runs a composite action's steps as a GitHub runner would, closely enough to test them: each `run`
// script in a shell with the GITHUB_* variables, its own GITHUB_OUTPUT file and the shared
// GITHUB_STEP_SUMMARY; `${{ }}` expressions over inputs, runner, github and earlier steps' outputs
// and outcomes; `if:` conditions of the forms the action uses. A `uses` step is not run (it would reach
// GitHub); it is recorded with its resolved `with`, for the test to check what it would have been given.

interface Step {
  id?: string;
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

/** What one step did. */
export interface StepRun {
  id: string | undefined;
  uses?: string;
  with?: Record<string, string>;
  skipped: boolean;
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

/** The shell a runner would use: bash where it exists (as on GitHub), else sh (a machine with no bash). */
function shell(): string {
  const dirs = (process.env.PATH ?? "").split(delimiter);
  return dirs.some((d) => existsSync(join(d, "bash"))) ? "bash" : "sh";
}

function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) out[line.slice(0, at)] = line.slice(at + 1);
  }
  return out;
}

/** Runs every step of `actionFile` in `workspace` with `inputs` over the action's defaults. */
export function runComposite(actionFile: string, workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const action = parse(readFileSync(actionFile, "utf8")) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } };
  const temp = mkdtempSync(join(tmpdir(), "senate-runner-"));
  const values: Record<string, string> = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ""]));
  Object.assign(values, inputs);
  const summary = join(temp, "step-summary.md");
  writeFileSync(summary, "");
  const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {};
  const lookup = (path: string): string => {
    const [head, a, b, c] = path.split(".");
    if (head === "inputs" && a) return values[a] ?? "";
    if (head === "runner" && a === "temp") return temp;
    if (head === "github" && a === "workspace") return workspace;
    if (head === "steps" && a && b === "outputs" && c) return steps[a]?.outputs[c] ?? "";
    if (head === "steps" && a && b === "outcome") return steps[a]?.outcome ?? "";
    throw new Error(`the simulated runner cannot evaluate ${path}`);
  };
  const expand = (text: string) => text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, path: string) => lookup(path));
  const condition = (expr: string | undefined, failed: boolean): boolean => {
    if (expr === undefined) return !failed;
    const body = expr.replace(/^\$\{\{\s*|\s*\}\}$/g, "");
    const parts = body.split("&&").map((p) => p.trim());
    if (!parts.includes("always()") && failed) return false;
    const value = (term: string) => (term.startsWith("'") ? term.slice(1, -1) : lookup(term));
    return parts.every((p) => {
      if (p === "always()") return true;
      const m = /^(\S+)\s*(==|!=)\s*(\S+)$/.exec(p);
      if (!m?.[1] || !m[3]) throw new Error(`the simulated runner cannot evaluate ${p}`);
      return (value(m[1]) === value(m[3])) === (m[2] === "==");
    });
  };
  const runs: StepRun[] = [];
  let failed = false;
  for (const step of action.runs.steps) {
    const outputFile = join(temp, `output-${runs.length}`);
    writeFileSync(outputFile, "");
    if (!condition(step.if, failed)) {
      runs.push({ id: step.id, skipped: true, code: 0, stdout: "", stderr: "", outputs: {} });
      if (step.id) steps[step.id] = { outputs: {}, outcome: "skipped" };
      continue;
    }
    if (step.uses) {
      const resolved = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v))]));
      runs.push({ id: step.id, uses: step.uses, with: resolved, skipped: false, code: 0, stdout: "", stderr: "", outputs: {} });
      continue;
    }
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))]));
    const r = spawnSync(shell(), ["-e", "-c", step.run ?? ""], {
      cwd: workspace,
      encoding: "utf8",
      env: {
        ...process.env,
        ...env,
        ...stepEnv,
        CI: "true",
        GITHUB_ACTIONS: "true",
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: temp,
      },
    });
    const outputs = readOutputs(outputFile);
    const code = r.status ?? 1;
    failed ||= code !== 0;
    if (step.id) steps[step.id] = { outputs, outcome: code === 0 ? "success" : "failure" };
    runs.push({ id: step.id, skipped: false, code, stdout: r.stdout, stderr: r.stderr, outputs });
  }
  return { runs, summary: readFileSync(summary, "utf8"), failed };
}
