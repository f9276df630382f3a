// Preloaded into the built CLI (node --require) by the security tests: records every file the process
// opens, lists or writes, every network connection and child process it starts, and every module it
// loads, then writes the log as JSON to $SENATE_MONITOR_LOG when the process exits. Nothing is blocked:
// the log is the evidence.

const fs = require("node:fs");
const Module = require("node:module");
const net = require("node:net");
const http = require("node:http");
const https = require("node:https");
const tls = require("node:tls");
const dns = require("node:dns");
const childProcess = require("node:child_process");
const path = require("node:path");

const out = process.env.SENATE_MONITOR_LOG;
const log = { reads: [], writes: [], lists: [], connects: [], spawns: [], loads: [] };
const original = new Map();

function where(p) {
  if (typeof p === "number") return `fd:${p}`;
  if (p instanceof URL) return p.protocol === "file:" ? p.pathname : String(p);
  if (Buffer.isBuffer(p)) return path.resolve(p.toString());
  return typeof p === "string" ? path.resolve(p) : String(p);
}

function wrap(target, name, record) {
  const fn = target[name];
  if (typeof fn !== "function") return;
  original.set(`${name}`, fn);
  target[name] = function monitored(...args) {
    record(args);
    return fn.apply(this, args);
  };
}

const isWrite = (flags) => typeof flags === "string" && /[wa+]/.test(flags);
for (const name of ["readFileSync", "readFile", "createReadStream"]) wrap(fs, name, ([p]) => log.reads.push(where(p)));
for (const name of ["openSync", "open"]) wrap(fs, name, ([p, flags]) => (isWrite(flags) ? log.writes : log.reads).push(where(p)));
for (const name of ["readdirSync", "readdir", "opendirSync", "opendir"]) wrap(fs, name, ([p]) => log.lists.push(where(p)));
for (const name of [
  "writeFileSync",
  "writeFile",
  "appendFileSync",
  "appendFile",
  "createWriteStream",
  "copyFileSync",
  "renameSync",
  "linkSync",
  "symlinkSync",
]) {
  wrap(fs, name, ([p, q]) => log.writes.push(typeof q === "string" && name.match(/rename|link|copy/) ? where(q) : where(p)));
}
for (const name of ["readFile", "open", "opendir", "readdir"]) wrap(fs.promises, name, ([p]) => log.reads.push(where(p)));

const connect = (args) =>
  log.connects.push(JSON.stringify(args[0] && typeof args[0] === "object" ? { host: args[0].host, port: args[0].port } : args.slice(0, 2)));
wrap(net.Socket.prototype, "connect", connect);
for (const mod of [net, tls]) for (const name of ["connect", "createConnection"]) wrap(mod, name, connect);
for (const mod of [http, https]) for (const name of ["request", "get"]) wrap(mod, name, ([u]) => log.connects.push(String(u?.href ?? u?.host ?? u)));
wrap(dns, "lookup", ([host]) => log.connects.push(`dns:${host}`));
if (typeof globalThis.fetch === "function") wrap(globalThis, "fetch", ([u]) => log.connects.push(`fetch:${String(u)}`));
for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"])
  wrap(childProcess, name, ([cmd]) => log.spawns.push(String(cmd)));
wrap(process, "dlopen", ([, file]) => log.loads.push(`dlopen:${file}`));

const load = Module._load;
Module._load = function monitoredLoad(request, parent, isMain) {
  log.loads.push(request);
  return load.call(this, request, parent, isMain);
};
Module.syncBuiltinESMExports();

process.on("exit", () => {
  if (!out) return;
  log.loads.push(...Object.keys(require.cache).map((k) => `cache:${k}`));
  (original.get("writeFileSync") ?? fs.writeFileSync)(out, JSON.stringify(log));
});
