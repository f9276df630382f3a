import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { checkTarget, type Existing, inputIdentities } from "./output-target.js";

/** Thrown for bad usage; the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Thrown by `writeOutput` when the target exists and overwriting was not allowed. */
export class FileExists extends UsageError {}

/** Where a command's output goes, one piece at a time. */
export interface Output {
  /** Writes a piece; a piece that cannot be written in full is a UsageError (and the output is dropped). */
  write(text: string): void;
  /** Puts the finished output in place. */
  commit(): void;
  /** Drops what was written: the target is left as it was. */
  abort(): void;
}

/** Output to a stream that is never taken back (standard output). */
export function streamOutput(write: (text: string) => void): Output {
  return { write, commit() {}, abort() {} };
}

const WHY: Record<string, string> = {
  EFBIG: "over the file size limit (ulimit -f)",
  ENOSPC: "no space left on the device",
  EDQUOT: "over the disk quota",
  ENAMETOOLONG: "the name is too long",
  EACCES: "permission denied",
  EROFS: "read-only file system",
};

function cannotWrite(path: string, error: unknown): UsageError {
  if (error instanceof UsageError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === undefined ? (error as Error).message : `${code}${WHY[code] ? `, ${WHY[code]}` : ""}`;
  return new UsageError(`cannot write ${path}: ${why}; any previous file is left as it was`);
}

/**
 * A temporary file beside the target: a random name (never predictable, never longer than the
 * target's folder allows), created exclusively so that nothing planted there (a link, a file) is
 * followed or reused, with the mode of the file it will replace from the start.
 */
function createTemp(folder: string, existing: Existing | undefined): { temp: string; fd: number } {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  for (let attempt = 0; ; attempt++) {
    const temp = join(folder, `.senate-${randomBytes(6).toString("hex")}.tmp`);
    try {
      const fd = openSync(temp, flags, existing?.mode ?? 0o666);
      if (existing) {
        if (process.getuid?.() === 0) {
          try {
            fchownSync(fd, existing.uid, existing.gid);
          } catch {} // a file system without owners
        }
        fchmodSync(fd, existing.mode); // the umask may have taken bits away
      }
      return { temp, fd };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 8) throw error;
    }
  }
}

const SCRATCH = new Uint8Array(64 * 1024);
const ENCODER = new TextEncoder();
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes every byte of `text` to `fd`. A short write (a full disk, `ulimit -f`) is carried on, and the
 * error it then meets is thrown; a pipe that is full for now (EAGAIN) is waited for. The text goes
 * through one reused buffer: a fresh buffer per report, over thousands of reports, fragments memory.
 */
export function writeText(fd: number, text: string): void {
  for (let read = 0; read < text.length; ) {
    const done = ENCODER.encodeInto(read === 0 ? text : text.slice(read), SCRATCH);
    read += done.read;
    for (let at = 0; at < done.written; ) {
      let n: number;
      try {
        n = writeSync(fd, SCRATCH, at, done.written - at);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        Atomics.wait(PAUSE, 0, 0, 5);
        continue;
      }
      if (n <= 0) throw Object.assign(new Error("the write made no progress"), { code: "ENOSPC" });
      at += n;
    }
  }
}

/** Moves the finished temporary file into place; without `overwrite`, never over an existing file. */
function commit(temp: string, target: string, path: string, overwrite: boolean): void {
  if (overwrite) {
    renameSync(temp, target);
    return;
  }
  try {
    // link() fails when the target exists, so "create only if absent" holds even against a race.
    linkSync(temp, target);
    unlinkSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || existsSync(target)) throw new FileExists(`${path} already exists; use --force to overwrite it`);
    renameSync(temp, target); // a file system without hard links: the check above is the best there is
  }
}

/**
 * Opens an output file that appears whole or not at all: pieces go to a temporary file in the
 * target's folder; `commit` checks the target again, flushes, and renames over it. The target may not
 * be an input (however it is spelt or linked), a device, a pipe, a socket or a folder. A process that
 * exits before `commit` removes its temporary file.
 */
export function openOutput(path: string, inputs: readonly string[], options: { overwrite?: boolean } = {}): Output {
  const target = resolve(path);
  const ids = inputIdentities(inputs);
  const check = () => {
    const checked = checkTarget(path, ids, inputs);
    if (!checked.ok) throw new UsageError(checked.problem);
    return checked.existing;
  };
  let open: { temp: string; fd: number } | undefined;
  const drop = () => {
    if (!open) return;
    process.off("exit", drop);
    try {
      closeSync(open.fd);
    } catch {}
    try {
      unlinkSync(open.temp);
    } catch {}
    open = undefined;
  };
  try {
    const existing = check();
    mkdirSync(dirname(target), { recursive: true }); // `--output reports/x.sarif` makes reports/
    open = createTemp(dirname(target), existing);
  } catch (error) {
    throw cannotWrite(path, error);
  }
  process.on("exit", drop);
  const guard = (step: (file: { temp: string; fd: number }) => void) => {
    if (!open) throw new Error("output already closed");
    try {
      step(open);
    } catch (error) {
      drop();
      throw cannotWrite(path, error);
    }
  };
  return {
    write: (text) => guard(({ fd }) => writeText(fd, text)),
    commit: () =>
      guard(({ temp, fd }) => {
        check(); // the target may have changed while the output was written
        fsyncSync(fd);
        closeSync(fd);
        open = { temp, fd: -1 };
        commit(temp, target, path, options.overwrite ?? true);
        process.off("exit", drop);
        open = undefined;
      }),
    abort: drop,
  };
}

/** Writes a whole file through {@link openOutput}. */
export function writeOutput(path: string, text: string, inputs: readonly string[], options: { overwrite?: boolean } = {}): void {
  const output = openOutput(path, inputs, options);
  output.write(text);
  output.commit();
}

/** Appends to a file another program owns (GitHub's job summary); a failure is a UsageError naming it. */
export function appendText(path: string, text: string, what: string): void {
  try {
    appendFileSync(path, text);
  } catch (error) {
    throw new UsageError(`cannot append to ${what} (${path}): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
