import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

// A minimal Language Server Protocol client over a child's standard input and output: JSON-RPC
// messages framed by Content-Length headers. Enough to drive yaml-language-server headless.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Message {
  jsonrpc: "2.0";
  id?: number | string;
  method?: string;
  params?: Json;
  result?: Json;
  error?: { code: number; message: string };
}

/** Answers a request the server makes of the client (workspace/configuration and the like). */
export type RequestHandler = (method: string, params: Json | undefined) => Json;

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((m: Message) => void)[] = [];
  /** Every notification received, in order. */
  readonly notifications: Message[] = [];
  /** The server's standard error, for failure messages. */
  stderr = "";

  constructor(command: string, args: string[], onRequest: RequestHandler) {
    this.child = spawn(command, args, { stdio: "pipe" });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk, onRequest));
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
    this.child.on("exit", () => {
      for (const { reject } of this.pending.values()) reject(new Error(`the language server exited\n${this.stderr}`));
      this.pending.clear();
    });
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  }

  private receive(chunk: Buffer, onRequest: RequestHandler): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString("ascii"))?.[1]);
      if (!Number.isFinite(length) || this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(message, onRequest);
    }
  }

  private dispatch(message: Message, onRequest: RequestHandler): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.send({ jsonrpc: "2.0", id: message.id, result: onRequest(message.method, message.params) });
      return;
    }
    if (message.method !== undefined) {
      this.notifications.push(message);
      for (const listener of this.listeners) listener(message);
      return;
    }
    const waiting = this.pending.get(Number(message.id));
    if (!waiting) return;
    this.pending.delete(Number(message.id));
    if (message.error) waiting.reject(new Error(`${message.error.code} ${message.error.message}`));
    else waiting.resolve(message);
  }

  /** Sends a request and waits (at most `timeoutMs`) for its result. */
  request<T = Json>(method: string, params: Json, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m.result as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params: Json): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** Waits (at most `timeoutMs`) for a notification, already received or still to come, that `accept` takes. */
  waitFor(method: string, accept: (params: Json | undefined) => boolean, timeoutMs = 60_000): Promise<Json | undefined> {
    const seen = this.notifications.find((m) => m.method === method && accept(m.params));
    if (seen) return Promise.resolve(seen.params);
    return new Promise((resolve, reject) => {
      const listener = (m: Message) => {
        if (m.method !== method || !accept(m.params)) return;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(m.params);
      };
      const timer = setTimeout(() => {
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        reject(new Error(`no ${method} within ${timeoutMs} ms\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.listeners.push(listener);
    });
  }

  /** Asks the server to shut down, then kills it whatever it answers. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    try {
      await this.request("shutdown", null, 2000);
      this.notify("exit", null);
    } catch {
      // killed below
    }
    this.child.kill("SIGKILL");
  }
}
