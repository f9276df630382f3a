import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

// src/model/hash.ts takes Node's sha256 where the runtime offers it and the pure one elsewhere; both
// must give node:crypto's digest, byte for byte, for texts (UTF-8, lone surrogates included) and bytes.
const INPUTS: (string | Uint8Array)[] = [
  "",
  "abc",
  "é ü 中文 🙂 \u0000 \ud800",
  "x".repeat(100_000),
  Uint8Array.from({ length: 4099 }, (_, i) => (i * 31) % 256),
];

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("sha256 on either path", () => {
  it("without Node's crypto (a browser, a worker, an edge runtime)", async () => {
    vi.resetModules();
    vi.stubGlobal("process", { ...process, getBuiltinModule: undefined });
    const { sha256 } = await import("../../src/model/hash.js");
    for (const input of INPUTS) expect(sha256(input)).toBe(createHash("sha256").update(input).digest("hex"));
  });

  it("with Node's crypto", async () => {
    vi.resetModules();
    const { sha256 } = await import("../../src/model/hash.js");
    for (const input of INPUTS) expect(sha256(input)).toBe(createHash("sha256").update(input).digest("hex"));
  });
});
