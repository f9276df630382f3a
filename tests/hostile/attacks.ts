// Structural attacks whose cost grows with a size: the growth probe (growth.test.ts) runs each at
// a size and at ten times it, and requires the cost per unit to stay about the same. Each attack
// writes its input into a folder and says how to run it in-process (for time) and on the CLI
// (for memory, and the outcome).

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { matchGlob } from "../../src/cli/glob.js";
import { compileFragment } from "../../src/checks/fragment-compile.js";
import { loadFramework } from "../../src/framework/load.js";
import { loadFrameworkFile } from "../../src/node/files.js";
import { readSource } from "../../src/source/read.js";
import { PROPOSAL, withCheck } from "./documents.js";

/** One attack at one size: what to run in-process, the CLI arguments, and the CLI's exit code. */
export interface Prepared {
  run: () => unknown;
  args: string[];
  exit: number;
}

export interface Attack {
  name: string;
  /**
   * The smallest size (scaled by PROBE_SCALE); the probe also runs ten times it. Chosen so that at
   * PROBE_SCALE=10 the larger input still fits the default limits, and tests what it names.
   */
  size: number;
  /** Writes the input of size `n` into `dir`, which is also the CLI's working folder. */
  make: (dir: string, n: number) => Prepared;
  /** Also compare the CLI's peak memory per unit (the attacks that once cost hundreds of megabytes). */
  memory?: boolean;
  /** The units of work a size `n` must cost at the least, when that is not `n` itself. */
  units?: (n: number) => number;
}

/** A valid evidence entry (five values); `n` of them make a proposal of any size. */
const evidence = (i: number) => ({ id: `E${i}`, type: "audit", title: `Audit number ${i} of the stroke pathway`, grade: "moderate" });
const proposalData = (items: number) => ({ ...parse(PROPOSAL), evidence: Array.from({ length: items }, (_, i) => evidence(i + 1)) });

function write(dir: string, name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Reads a file's text as the CLI would see it, as a proposal source. */
const reading = (dir: string, name: string, text: string, exit: number): Prepared => {
  write(dir, name, text);
  return { run: () => readSource(text, { filename: name }), args: ["validate", name], exit };
};

const extension = (id: string, base: string) => `schemaVersion: "1"\nid: ${id}\nversion: 1.0.0\ntitle: T\npublisher: P\nextends: ${base}\n`;

const schemaCheck = (schema: string) => withCheck(`          - kind: schema\n            path: /caseForChange/summary\n            schema: ${schema}\n`);

export const ATTACKS: Attack[] = [
  {
    name: "CRLF comment lines before the first key (fast-path screen)",
    size: 200,
    make: (dir, n) => reading(dir, "c.yaml", `${"#\r\n".repeat(n)}${PROPOSAL.replace(/\n/g, "\r\n")}`, 0),
  },
  {
    name: "a heading followed by spaces and a lone CR (Markdown heading pattern)",
    size: 10_000,
    make: (dir, n) => reading(dir, "m.md", `---\n${PROPOSAL}---\n## LDN-3${" ".repeat(n)}\r\nText.\n`, 0),
  },
  {
    name: "a heading followed by spaces and U+2028",
    size: 10_000,
    make: (dir, n) => reading(dir, "m.md", `---\n${PROPOSAL}---\n## LDN-3${" ".repeat(n)}\u2028\nText.\n`, 0),
  },
  {
    name: "minified JSON on one line (quoted-scalar check)",
    size: 150,
    memory: true,
    make: (dir, n) => reading(dir, "p.json", JSON.stringify(proposalData(n)), 0),
  },
  {
    name: "a large YAML proposal with a duplicate key at its end",
    // At 150 the whole parse takes under a millisecond and JIT warm-up decides the ratio (it failed
    // at 5.5× under CI load); from 1,500 up the cost per unit is flat.
    size: 1500,
    memory: true,
    make: (dir, n) => reading(dir, "d.yaml", `${JSON.stringify(proposalData(n), null, 1).slice(0, -1)},\n"schemaVersion": "1"\n}\n`, 2),
  },
  {
    name: "JSON nested deeper than maxDepth",
    size: 20_000,
    memory: true,
    make: (dir, n) => reading(dir, "deep.json", `{"a": ${"[".repeat(n)}${"]".repeat(n)}}`, 2),
  },
  {
    name: "YAML block lists nested on one line",
    size: 20_000,
    memory: true,
    make: (dir, n) => reading(dir, "deep.yaml", `${PROPOSAL}population:\n${"- ".repeat(n)}x\n`, 2),
  },
  {
    name: "aliases to a long list (expanded size counts)",
    size: 1000,
    memory: true,
    make: (dir, n) => reading(dir, "a.yaml", `${PROPOSAL}x-list: &l [${Array(n).fill("1").join(", ")}]\nx-refs: [${Array(100).fill("*l").join(", ")}]\n`, 2),
  },
  {
    name: "a pattern that backtracks in JavaScript, on a long text",
    size: 1000,
    make: (dir, n) => {
      const validate = compileFragment({ type: "string", pattern: `^${"a*".repeat(12)}$` });
      const text = `${"a".repeat(n)}!`;
      write(dir, "f.yaml", schemaCheck(`{ type: string, pattern: "^${"a*".repeat(12)}$" }`));
      write(dir, "p.yaml", PROPOSAL.replace("A short case for change.", text));
      return { run: () => validate(text), args: ["assess", "p.yaml", "--framework", "f.yaml", "--fail-on", "never"], exit: 0 };
    },
  },
  {
    name: "a framework with a long enum",
    size: 900,
    make: (dir, n) => {
      const text = schemaCheck(`{ enum: [${Array.from({ length: n }, (_, i) => `"v${i}"`).join(", ")}] }`);
      write(dir, "f.yaml", text);
      write(dir, "p.yaml", PROPOSAL);
      return { run: () => loadFramework(text, { filename: "f.yaml" }), args: ["assess", "p.yaml", "--framework", "f.yaml", "--fail-on", "never"], exit: 0 };
    },
  },
  {
    name: "eight ** over a deep tree of folders",
    size: 4,
    // Every step of a walk names its folder by path, as the file system must be asked, so a tree n
    // folders deep costs the total length of its paths, n² at the least; eight ** once cost n^8.
    units: (n) => n * n,
    make: (dir, n) => {
      let folder = dir;
      for (let i = 0; i < n; i++) {
        folder = join(folder, "d");
        mkdirSync(folder);
        write(folder, "p.yaml", PROPOSAL);
      }
      const pattern = `${Array(8).fill("**").join("/*/")}/*.yaml`;
      return { run: () => matchGlob(`${dir}/${pattern}`), args: ["validate", pattern], exit: 0 };
    },
  },
  {
    name: "a long chain of extends",
    size: 10,
    make: (dir, n) => {
      for (let i = 0; i < n; i++) write(dir, `c${i}.yaml`, extension(`c${i}`, i === n - 1 ? "london-2020" : `./c${i + 1}.yaml`));
      write(dir, "p.yaml", PROPOSAL);
      return { run: () => loadFrameworkFile(join(dir, "c0.yaml")), args: ["assess", "p.yaml", "--framework", "c0.yaml"], exit: 2 };
    },
  },
];
