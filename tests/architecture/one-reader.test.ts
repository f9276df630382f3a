import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// One bounded reader (issue 15, item 5): every document senate reads (proposals, companions,
// frameworks, baselines, configuration, Word files, standard input) comes through src/node/read.ts,
// which stops one byte past maxBytes and never opens a pipe or a device. A second reader would be a
// second place to forget the limit, so any other file in src that reads bytes fails here.

const READER = join("src", "node", "read.ts");
/** Node's ways of reading a file's or a stream's bytes. */
const READS = /\b(readSync|readFileSync|readFile|createReadStream|readv|readvSync|openAsBlob)\b|\bfs\/promises\b|\bprocess\.stdin\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The lines of a file that read bytes, comments left out. */
function readingLines(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line, i) => ({ line: line.replace(/\/\/.*$|^\s*\*.*$|\/\*.*?\*\//g, ""), at: `${file}:${i + 1}` }))
    .filter(({ line }) => READS.test(line))
    .map(({ line, at }) => `${at}: ${line.trim()}`);
}

describe("one bounded reader", () => {
  it("no file in src but src/node/read.ts reads bytes", () => {
    const others = sources("src").filter((f) => f !== READER && !f.startsWith(join("src", "generated")));
    expect(others.flatMap(readingLines)).toEqual([]);
  });

  it("the check is real: the reader itself is found reading", () => {
    expect(readingLines(READER).length).toBeGreaterThan(0);
  });
});
