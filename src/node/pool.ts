import { availableParallelism } from "node:os";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker, workerData } from "node:worker_threads";

// A synchronous, ordered worker pool. The CLI is synchronous and prints reports in the order of
// its arguments, so the main thread blocks (Atomics.wait, no CPU) while worker threads take tasks
// from a shared counter; it hands each result on in task order as soon as it arrives, so output
// streams and memory stays flat however many files there are. Workers run at most WINDOW tasks
// ahead of the output, which bounds the results held while one slow file is in progress.

const NEXT = 0; // the next task to claim
const POSTED = 1; // results posted (the main thread waits on it)
const CONSUMED = 2; // results handed on (workers wait on it when too far ahead)
const WINDOW = 64;
/** A worker's young generation: V8 lets it grow to 48 MiB under this allocation rate; 24 costs no speed (bench) and saves memory. */
const YOUNG_MB = 24;
/** Without progress for this long, a worker is taken to have died (it cannot be observed otherwise while the main thread blocks). */
const STALL_MS = 120_000;

/** What a pool worker receives: the caller's data and the pool's shared state. */
interface PoolData {
  data: unknown;
  count: number;
  shared: Int32Array;
  port: MessagePort;
}

type Reply<R> = { index: number; ok: true; result: R } | { index: number; ok: false; error: string };

/** How many worker threads `count` tasks deserve: none below `minTasks` (starting a thread costs tens of milliseconds). */
export function threadsFor(count: number, minTasks = 32): number {
  if (count < minTasks) return 0;
  return Math.max(0, Math.min(availableParallelism(), Math.floor(count / (minTasks / 2))));
}

/**
 * Runs tasks 0…count-1 on `threads` workers started from `script` (a module that calls `serveTasks`),
 * and calls `onResult` for each result in task order. Blocks until every task is done; a task that
 * throws in a worker throws here, with the worker's stack.
 */
export function runOrdered<R>(script: URL, data: unknown, count: number, threads: number, onResult: (result: R, index: number) => void): void {
  const shared = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  try {
    for (let t = 0; t < threads; t++) {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1);
      const poolData: PoolData = { data, count, shared, port: port2 };
      workers.push(new Worker(script, { workerData: poolData, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } }));
    }
    collect(shared, ports, count, onResult);
  } finally {
    Atomics.store(shared, NEXT, count); // no more tasks for anyone
    Atomics.store(shared, CONSUMED, count);
    Atomics.notify(shared, CONSUMED);
    for (const worker of workers) void worker.terminate();
    for (const port of ports) port.close();
  }
}

function collect<R>(shared: Int32Array, ports: MessagePort[], count: number, onResult: (result: R, index: number) => void): void {
  const waiting = new Map<number, Reply<R>>();
  let next = 0;
  let lastProgress = Date.now();
  while (next < count) {
    const posted = Atomics.load(shared, POSTED); // read before draining: a later post changes it, so the wait below returns
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
        const reply = m.message as Reply<R>;
        waiting.set(reply.index, reply);
      }
    }
    const reply = waiting.get(next);
    if (reply === undefined) {
      if (Atomics.wait(shared, POSTED, posted, 1000) === "timed-out" && Date.now() - lastProgress > STALL_MS) {
        throw new Error(`a worker stopped responding after ${next} of ${count} tasks`);
      }
      continue;
    }
    waiting.delete(next);
    if (!reply.ok) throw new Error(reply.error);
    onResult(reply.result, next);
    next++;
    lastProgress = Date.now();
    Atomics.store(shared, CONSUMED, next);
    Atomics.notify(shared, CONSUMED);
  }
}

/**
 * The worker side: claims tasks until none are left and posts each result. `setup` runs once with
 * the caller's data and returns the task function.
 */
export function serveTasks<R>(setup: (data: unknown) => (index: number) => R): void {
  const { data, count, shared, port } = workerData as PoolData;
  const run = setup(data);
  for (let index = Atomics.add(shared, NEXT, 1); index < count; index = Atomics.add(shared, NEXT, 1)) {
    for (let consumed = Atomics.load(shared, CONSUMED); index >= consumed + WINDOW; consumed = Atomics.load(shared, CONSUMED)) {
      Atomics.wait(shared, CONSUMED, consumed, 1000);
    }
    let reply: Reply<R>;
    try {
      reply = { index, ok: true, result: run(index) };
    } catch (error) {
      reply = { index, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
    Atomics.add(shared, POSTED, 1);
    Atomics.notify(shared, POSTED);
  }
  port.close();
}
