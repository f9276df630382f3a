import type { Limits } from "./limits.js";
import type { Measured } from "./measure.js";

// A `.json` file must be JSON (RFC 8259), not the YAML that JSON happens to be a subset of: no
// trailing commas, comments, single quotes or bare words. One iterative pass checks the grammar
// and the depth and value limits before anything is built, so a file of 200,000 `[` is refused at
// the 65th. The data itself is then read by the YAML reader, which gives JSON the same meaning.

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
const LITERALS = ["true", "false", "null"];

/** A grammar or limit problem at an offset; thrown inside the scanner, returned by `checkJson`. */
class Problem {
  constructor(readonly found: Measured) {}
}

const syntax = (message: string, at: number) => new Problem({ code: "syntax_error", message: `${message} (a .json file must be strict JSON)`, at });

/** What a scanner expects next inside a container. */
type Frame = { kind: "array" | "object"; count: number };

class Scanner {
  private i = 0;
  private items = 0;
  private readonly open: Frame[] = [];

  constructor(
    private readonly text: string,
    private readonly limits: Limits,
  ) {}

  private skip(): number {
    while (WHITESPACE.has(this.text.charCodeAt(this.i))) this.i++;
    return this.text.charCodeAt(this.i);
  }

  private what(): string {
    const c = this.text.charCodeAt(this.i);
    return Number.isNaN(c) ? "the end of the file" : JSON.stringify(this.text[this.i]);
  }

  /** Checks the whole text: one value, then nothing but whitespace. */
  run(): void {
    this.value();
    while (this.open.length > 0) this.next();
    if (!Number.isNaN(this.skip())) throw syntax(`unexpected ${this.what()} after the JSON value`, this.i);
  }

  /** Reads the next value (opening a container pushes a frame and returns), checking the limits. */
  private value(): void {
    const c = this.skip();
    if (this.open.length + 1 > this.limits.maxDepth) {
      throw new Problem({ code: "too_deep", message: `nesting is deeper than the limit of ${this.limits.maxDepth} levels (maxDepth)`, at: this.i });
    }
    if (this.open.length > 0 && ++this.items > this.limits.maxItems) {
      throw new Problem({ code: "too_many_items", message: `document holds more than the limit of ${this.limits.maxItems} values (maxItems)`, at: this.i });
    }
    if (c === 0x5b || c === 0x7b) {
      this.open.push({ kind: c === 0x5b ? "array" : "object", count: 0 });
      this.i++;
    } else if (c === 0x22) this.string();
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) this.number();
    else {
      const word = LITERALS.find((w) => this.text.startsWith(w, this.i));
      if (word === undefined) throw syntax(`expected a value, found ${this.what()}`, this.i);
      this.i += word.length;
    }
  }

  /** One step inside the innermost container: its end, or a separator and the next entry. */
  private next(): void {
    const frame = this.open[this.open.length - 1] as Frame;
    const close = frame.kind === "array" ? 0x5d : 0x7d;
    let c = this.skip();
    if (c === close && frame.count === 0) {
      this.open.pop();
      this.i++;
      return;
    }
    if (frame.count > 0) {
      if (c === close) {
        this.open.pop();
        this.i++;
        return;
      }
      if (c !== 0x2c) throw syntax(`expected , or ${frame.kind === "array" ? "]" : "}"}, found ${this.what()}`, this.i);
      this.i++;
      c = this.skip();
      if (c === close) throw syntax("a trailing comma is not allowed", this.i);
    }
    frame.count++;
    if (frame.kind === "object") {
      if (c !== 0x22) throw syntax(`expected a key in double quotes, found ${this.what()}`, this.i);
      this.string();
      if (this.skip() !== 0x3a) throw syntax(`expected : after the key, found ${this.what()}`, this.i);
      this.i++;
    }
    this.value();
  }

  private string(): void {
    const start = this.i++;
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (Number.isNaN(c)) throw syntax("a string is not closed", start);
      if (c === 0x22) break;
      if (c < 0x20) throw syntax("a control character or line break inside a string must be written as an escape", this.i);
      if (c === 0x5c) {
        ESCAPE.lastIndex = this.i;
        if (!ESCAPE.test(this.text)) throw syntax("an invalid escape in a string", this.i);
        this.i = ESCAPE.lastIndex;
      } else this.i++;
    }
    this.i++;
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    if (!NUMBER.test(this.text)) throw syntax(`an invalid number`, this.i);
    this.i = NUMBER.lastIndex;
  }
}

/** The first way the text breaks JSON's grammar or the depth and value limits, or undefined. */
export function checkJson(text: string, limits: Limits): Measured | undefined {
  try {
    new Scanner(text, limits).run();
    return undefined;
  } catch (error) {
    if (error instanceof Problem) return error.found;
    throw error;
  }
}
