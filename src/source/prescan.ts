import type { Limits } from "./limits.js";
import type { Measured } from "./measure.js";
import { lazyRequire } from "./require.js";

// One pass of `yaml`'s lexer over the text, before anything is built, that refuses a text whose
// token count or nesting already proves it over a limit. Building the Document of a file that is
// one long run of `[` or `- ` costs hundreds of megabytes; lexing it costs next to nothing.
const yaml = lazyRequire<typeof import("yaml")>("yaml");

/** The lexer's marks for the start of a document, the end of a broken flow, and a scalar that follows. */
const DOC_START = 0x02;
const FLOW_ERROR_END = 0x18;
const SCALAR = 0x1f;

/** True for a token that starts a value: a scalar, quoted scalar, block scalar header, alias, flow start or list item. */
function isValue(token: string): boolean {
  const c = token.charCodeAt(0);
  return c === SCALAR || c === 0x22 || c === 0x27 || c === 0x7c || c === 0x3e || c === 0x2a || c === 0x5b || c === 0x7b || token === "-";
}

/** True for a token that says nothing about structure: space, a line break, a comment, an anchor or a tag. */
function quiet(token: string): boolean {
  const c = token.charCodeAt(0);
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x23 || c === 0x26 || c === 0x21;
}

/**
 * A lower bound on the values `measure` counts, one token at a time: a list item (`-`) counts, and so
 * does any other value, except one straight after `:` (the value of a key already counted) or `-`
 * (the item already counted). The root, when it is a flow collection, counts one more.
 */
class ValueCount {
  count = 0;
  private previous = "";
  private blockHeader = false;

  add(token: string): void {
    if (quiet(token)) return;
    const c = token.charCodeAt(0);
    // A block scalar's text follows its header (`|`, `>-`) as a scalar of its own: one value, not two.
    const text = c === SCALAR && this.blockHeader;
    this.blockHeader = c === 0x7c || c === 0x3e;
    if (token === "-" || (isValue(token) && !text && this.previous !== ":" && this.previous !== "-")) this.count++;
    this.previous = token;
  }
}

/**
 * Refuses a text that holds more values than maxItems (by ValueCount's lower bound), or nesting deeper than maxDepth:
 * flow brackets open, or block indicators (`- - -`, `? ?`) in a row on one line, each of which
 * opens a collection inside the last. Both are lower bounds, so no text within the limits is refused.
 */
export function prescan(text: string, limits: Limits): Measured | undefined {
  const tooDeep = (at: number): Measured => ({ code: "too_deep", message: `nesting is deeper than the limit of ${limits.maxDepth} levels (maxDepth)`, at });
  const values = new ValueCount();
  let offset = 0;
  let flow = 0;
  let run = 0;
  let content = false;
  for (const token of new (yaml().Lexer)().lex(text)) {
    const c = token.charCodeAt(0);
    // A token after the scalar mark is the scalar's text (even a lone `[` in a block scalar).
    if (!content && (token === "[" || token === "{")) {
      if (++flow > limits.maxDepth) return tooDeep(offset);
    } else if (!content && (token === "]" || token === "}")) {
      flow = Math.max(0, flow - 1);
    }
    if (!content && (token === "-" || token === "?")) {
      if (++run > limits.maxDepth) return tooDeep(offset);
    } else if (c !== 0x20) {
      run = 0;
    }
    if (!content) values.add(token);
    if (values.count > limits.maxItems + 1) {
      return { code: "too_many_items", message: `document holds more than the limit of ${limits.maxItems} values (maxItems)`, at: offset };
    }
    content = c === SCALAR;
    if (c !== DOC_START && c !== FLOW_ERROR_END && c !== SCALAR) offset += token.length;
  }
  return undefined;
}
