import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { CLI } from "../hostile/run-cli.js";

// A folder of documents for the security tests, with canary files beside them and modules that leave a
// marker when loaded; a local HTTP server that counts every connection; and a way to run the built CLI
// under tests/security/monitor.cjs, which logs what the process read, wrote, connected to and loaded.

const REPO = resolve(".");
const MONITOR = resolve("tests/security/monitor.cjs");

/** What the monitor saw one run of the CLI do. */
export interface MonitorLog {
  reads: string[];
  writes: string[];
  lists: string[];
  connects: string[];
  spawns: string[];
  loads: string[];
}

export interface MonitoredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Undefined when the monitor wrote no log (the process died before exiting normally). */
  log: MonitorLog | undefined;
}

/** A temporary folder (resolved through symbolic links, as the monitor logs real paths). */
export function makeDir(prefix: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** Writes files under `dir`, creating folders; returns their absolute paths by name. */
export function writeFiles(dir: string, files: Record<string, string>): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    paths[name] = path;
  }
  return paths;
}

/** Files a module leaves when it is loaded: proof that something ran it. */
export function markers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.includes("PWNED"));
}

/** Modules that must never be loaded: each writes a PWNED marker beside itself. */
export const EVIL_MODULES = {
  "evil.cjs": 'require("node:fs").writeFileSync(require("node:path").join(__dirname, "PWNED-cjs"), "ran");\nmodule.exports = { check: () => true };\n',
  "evil.mjs": 'import { writeFileSync } from "node:fs";\nwriteFileSync(new URL("./PWNED-mjs", import.meta.url), "ran");\nexport default {};\n',
  "evil.js": 'require("node:fs").writeFileSync(require("node:path").join(__dirname, "PWNED-js"), "ran");\n',
  "node_modules/evil-package/index.js": 'require("node:fs").writeFileSync(require("node:path").join(__dirname, "PWNED-package"), "ran");\n',
  "node_modules/evil-package/package.json": '{ "name": "evil-package", "main": "index.js" }\n',
};

/** Canary files: nothing in the documents may cause them to be read. */
export const CANARIES = {
  "canary.yaml": 'schemaVersion: "1"\nsecret: the canary was read\n',
  "canary.json": '{ "secret": "the canary was read" }\n',
  "secret/canary.md": "---\nsecret: the canary was read\n---\n",
};

/** A local HTTP server that counts connections; nothing the CLI does may reach it. */
export class Listener {
  connections = 0;
  requests: string[] = [];
  private server: Server | undefined;
  port = 0;

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      this.requests.push(req.url ?? "");
      res.end("{}");
    });
    server.on("connection", () => this.connections++);
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }
}

/** Runs the built CLI under the monitor, without blocking the event loop (so the listener can answer). */
export function monitored(args: string[], cwd: string): Promise<MonitoredRun> {
  const logFile = join(makeDir("senate-monitor-"), "log.json");
  return new Promise((done) => {
    execFile(
      process.execPath,
      ["--require", MONITOR, CLI, ...args],
      { cwd, encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1", SENATE_MONITOR_LOG: logFile } },
      (error, stdout, stderr) => {
        const log = existsSync(logFile)
          ? (JSON.parse(readFileSync(logFile, "utf8")) as MonitorLog)
          : { reads: [], writes: [], lists: [], connects: [], spawns: [], loads: [] };
        rmSync(dirname(logFile), { recursive: true, force: true });
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        done({ code, stdout, stderr, log });
      },
    );
  });
}

/** Where the tool's code lives: this repository, and the package the CLI under test was built in. */
const TOOL_ROOTS = [...new Set([REPO, dirname(dirname(CLI))])];

/** The tool's own code: reading or loading it is not reading a document's files. */
function isToolCode(path: string): boolean {
  if (path.startsWith("node:")) return true;
  return TOOL_ROOTS.some((root) => path.startsWith(`${root}/node_modules/`) || path.startsWith(`${root}/dist/`) || path === `${root}/package.json`);
}

/** Files read that are neither named on the command line nor the tool's own code. */
export function unexpectedReads(log: MonitorLog, named: string[]): string[] {
  const allowed = new Set(named.map((n) => resolve(n)));
  return log.reads.filter((r) => !allowed.has(r) && !isToolCode(r) && r !== "fd:0");
}

/** Modules loaded from anywhere but the tool's own code and Node's built-ins. */
export function unexpectedLoads(log: MonitorLog, dir: string): string[] {
  return log.loads.filter(
    (l) => l.includes(dir) || /evil/.test(l) || (l.startsWith("cache:") && !isToolCode(l.slice(6)) && !l.includes("tests/security/monitor.cjs")),
  );
}
