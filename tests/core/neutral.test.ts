import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";
import { beforeAll, describe, expect, it } from "vitest";
import * as core from "../../src/index.js";
import { sha256 } from "../../src/model/hash.js";
import { ASSESS_SCRIPT, bundleCore, CORE_INPUT, type CoreOutput } from "../helpers/core-bundle.js";

// The core entry loads without Node (issue 15): bundled for the browser, it runs an assessment in a
// worker whose script context has no `require`, no `process`, no `import()` and no Buffer, only the
// web globals a browser has; every report it makes is the one Node makes. tests/browser runs the
// same bundle in Chromium.

// Runs in the worker: a fresh V8 context holding only web globals, where the bundle and the script run.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const vm = require("node:vm");
const sandbox = { TextEncoder, TextDecoder, URL, console, queueMicrotask, structuredClone };
const context = vm.createContext(sandbox, { codeGeneration: { strings: true, wasm: false } });
try {
  vm.runInContext(workerData.code, context);
  const probe = vm.runInContext("[typeof require, typeof process, typeof Buffer, typeof module]", context);
  context.input = JSON.stringify(workerData.input);
  const output = vm.runInContext("JSON.stringify((" + workerData.script + ")(senate, JSON.parse(input)))", context);
  parentPort.postMessage({ probe: [...probe], output: JSON.parse(output) });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.stack || error) });
}
`;

function inWorker(code: string): Promise<{ probe?: string[]; output?: CoreOutput; error?: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { code, script: ASSESS_SCRIPT, input: CORE_INPUT } });
    worker.once("message", (message) => {
      void worker.terminate();
      resolve(message);
    });
    worker.once("error", reject);
  });
}

let bundle: { code: string; inputs: string[] };
beforeAll(async () => {
  bundle = await bundleCore();
}, 60_000);

describe("the runtime-neutral core", () => {
  it("bundles for the browser with no Node built-in in reach", () => {
    expect(bundle.code.length).toBeGreaterThan(0);
    expect(bundle.inputs.filter((f) => /^node:|^(fs|path|module|crypto|os|url|util|worker_threads)$/.test(f))).toEqual([]);
  });

  it("assesses in a worker with the built-ins blocked, giving Node's reports byte for byte", async () => {
    const run = await inWorker(bundle.code);
    expect(run.error).toBeUndefined();
    expect(run.probe).toEqual(["undefined", "undefined", "undefined", "undefined"]);
    const expected = new Function(`return ${ASSESS_SCRIPT}`)()(core, CORE_INPUT) as CoreOutput;
    expect(Object.keys(run.output ?? {}).sort()).toEqual(["builtinHash", "loadedHash", ...core.FORMATS].sort());
    expect(run.output).toEqual(expected);
  }, 60_000);
});

describe("sha256 without node:crypto", () => {
  it("gives node:crypto's digest for texts and bytes", () => {
    const texts = ["", "abc", "é ü 中文 🙂 \u0000 \ud800", "x".repeat(100_000), JSON.stringify(CORE_INPUT)];
    for (const text of texts) expect(sha256(text)).toBe(createHash("sha256").update(text).digest("hex"));
    const bytes = Uint8Array.from({ length: 4099 }, (_, i) => (i * 31) % 256);
    expect(sha256(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
  });
});
