import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, constants, copyFileSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { patchFs } from "../helpers/patch-fs.js";
import { CLI, runCli } from "../hostile/run-cli.js";
import { HAVE_MKFIFO, mkfifo } from "../helpers/fifo.js";
import { makeDir } from "./sandbox.js";

// --output can never destroy anything: not on a short write (a full disk, `ulimit -f`), not over a
// device or a pipe, not over an input reached through a link, and not through a file planted where
// the temporary file will be. Each test here failed on v0.2.

const OLD = "the previous report, which must survive\n";
const ENV = { isTTY: false, noColor: true, now: new Date("2026-01-01T00:00:00Z") };
/** A proposal whose JSON report is about 80 KB. */
const SOURCE = "examples/minor-injuries-overnight.yaml";

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding a proposal (p.yaml) and a previous report (out.json). */
function folder(): { dir: string; at: (name: string) => string } {
  const dir = makeDir("senate-safety-");
  made.push(dir);
  copyFileSync(SOURCE, join(dir, "p.yaml"));
  writeFileSync(join(dir, "out.json"), OLD);
  return { dir, at: (name) => join(dir, name) };
}

const listing = (dir: string) => readdirSync(dir).sort();
const ASSESS = ["assess", "p.yaml", "--format", "json", "--fail-on", "never", "--output"];

describe("a short write never replaces a report", () => {
  it("over the file size limit (ulimit -f): exit 2, the old report whole, no temporary file", () => {
    const { dir, at } = folder();
    // dash and bash both take 20 blocks as at most 20 KiB: a quarter of the report.
    const r = spawnSync("sh", ["-c", 'ulimit -f 20 && exec "$@"', "sh", process.execPath, CLI, ...ASSESS, "out.json"], { cwd: dir, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^senate assess: cannot write out\.json: EFBIG, over the file size limit \(ulimit -f\); any previous file is left as it was$/m);
    expect(readFileSync(at("out.json"), "utf8")).toBe(OLD);
    expect(listing(dir)).toEqual(["out.json", "p.yaml"]);
  });

  it("a write that takes only some of the bytes is carried on, and the error that follows is reported", async () => {
    const { dir, at } = folder();
    let calls = 0;
    patchFs("writeSync", (original) => (fd: number, buffer: Uint8Array, offset = 0, length = buffer.length - offset) => {
      if (++calls > 1) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      return (original as (...a: unknown[]) => number)(fd, buffer, offset, Math.min(length, 4096)); // a short write, as on a nearly full disk
    });
    const r = await run(["assess", at("p.yaml"), "--format", "json", "--fail-on", "never", "--output", at("out.json")], ENV);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*out\.json: ENOSPC, no space left on the device/);
    expect(readFileSync(at("out.json"), "utf8")).toBe(OLD);
    expect(listing(dir)).toEqual(["out.json", "p.yaml"]);
  });
});

describe("a device, a pipe or a socket is never replaced by a file", () => {
  const cases: [string, (path: string) => void, RegExp][] = [
    ["a named pipe", (p) => mkfifo(p), /it is a named pipe \(FIFO\), not a regular file/],
    ["a link to /dev/null", (p) => symlinkSync("/dev/null", p), /it leads to a character device, not a regular file; to print the report, leave out the file/],
    [
      "a link to a named pipe",
      (p) => {
        mkfifo(`${p}.fifo`);
        symlinkSync(`${p}.fifo`, p);
      },
      /it leads to a named pipe/,
    ],
  ];
  // Node cannot make a named pipe: on a machine without coreutils' mkfifo those cases are skipped.
  const runnable = cases.filter(([name]) => HAVE_MKFIFO || !name.includes("named pipe"));
  it.each(runnable)("%s is refused and left as it was", (_name, make, message) => {
    const { dir, at } = folder();
    make(at("target"));
    const before = lstatSync(at("target"));
    const r = runCli([...ASSESS, "target"], { cwd: dir });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    const after = lstatSync(at("target"));
    expect([after.ino, after.mode]).toEqual([before.ino, before.mode]);
  });

  it("a character device (made with mknod, where allowed) is refused and left as it was", (context) => {
    const { dir, at } = folder();
    try {
      execFileSync("mknod", [at("null"), "c", "1", "3"], { stdio: "ignore" });
    } catch {
      context.skip(); // not root, or a container without the capability
    }
    const r = runCli([...ASSESS, "null"], { cwd: dir });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/cannot write null: it is a character device/);
    expect(statSync(at("null")).isCharacterDevice()).toBe(true);
  });
});

describe("an input reached through a link is never overwritten", () => {
  it("the input is a link to the output: refused, and the file behind the link unchanged", () => {
    const { dir, at } = folder();
    symlinkSync("p.yaml", at("link.yaml"));
    const before = readFileSync(at("p.yaml"), "utf8");
    const r = runCli(["assess", "link.yaml", "--format", "json", "--fail-on", "never", "--output", "p.yaml"], { cwd: dir });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^senate assess: p\.yaml is also an input; choose another file to write$/m);
    expect(readFileSync(at("p.yaml"), "utf8")).toBe(before);
  });

  it("the output is a link to an input: refused, and the link left in place", () => {
    const { dir, at } = folder();
    symlinkSync("p.yaml", at("alias.json"));
    const r = runCli([...ASSESS, "alias.json"], { cwd: dir });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/alias\.json is also an input/);
    expect(lstatSync(at("alias.json")).isSymbolicLink()).toBe(true);
  });
});

describe("the temporary file", () => {
  it("cannot be redirected by a link planted where v0.2 put it (.<name>.<pid>.tmp)", async () => {
    const { at } = folder();
    writeFileSync(at("victim.txt"), OLD);
    symlinkSync(at("victim.txt"), at(`.out.json.${process.pid}.tmp`));
    const r = await run(["assess", at("p.yaml"), "--format", "json", "--fail-on", "never", "--output", at("out.json")], ENV);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(at("victim.txt"), "utf8")).toBe(OLD);
    expect(JSON.parse(readFileSync(at("out.json"), "utf8"))).toMatchObject({ schemaVersion: "2" });
  });

  it("has a new random name each time, and is created exclusively (O_EXCL), never through a link", async () => {
    const { at } = folder();
    const opened: [string, unknown][] = [];
    patchFs("openSync", (original) => (path: string, flags: unknown, mode?: number) => {
      if (String(path).endsWith(".tmp")) opened.push([basename(String(path)), flags]);
      return (original as (...a: unknown[]) => number)(path, flags, mode);
    });
    for (let i = 0; i < 2; i++) await run(["assess", at("p.yaml"), "--format", "json", "--fail-on", "never", "--output", at("out.json")], ENV);
    expect(opened).toHaveLength(2);
    const [[first, flags], [second]] = opened as [[string, number], [string, number]];
    expect(first).toMatch(/^\.senate-[0-9a-f]{12}\.tmp$/);
    expect(second).not.toBe(first);
    expect(typeof flags).toBe("number");
    expect(flags & constants.O_EXCL).toBe(constants.O_EXCL);
    expect(flags & constants.O_NOFOLLOW).toBe(constants.O_NOFOLLOW);
  });

  it("leaves room for the longest name a folder allows (250 characters)", () => {
    const { dir, at } = folder();
    const name = `${"r".repeat(245)}.json`;
    const r = runCli([...ASSESS, name], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(at(name), "utf8"))).toMatchObject({ schemaVersion: "2" });
    expect(listing(dir)).toEqual(["out.json", "p.yaml", name].sort());
  });

  it.each([0o600, 0o640, 0o444])("keeps the mode of the report it replaces (%o)", (mode) => {
    const { dir, at } = folder();
    chmodSync(at("out.json"), mode);
    const r = runCli([...ASSESS, "out.json"], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(at("out.json")).mode & 0o7777).toBe(mode);
    expect(readFileSync(at("out.json"), "utf8")).not.toBe(OLD);
  });
});
