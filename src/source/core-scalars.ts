// The YAML 1.2 core schema's resolution of plain scalars, exactly as `yaml` 2 does it (its tags
// `nullTag`, `boolTag`, `intOct`, `int`, `intHex`, `floatNaN`, `floatExp`, `float`, tried in that
// order). The fast path gives it to js-yaml in place of js-yaml's own, looser rules (which also
// read `0b1`, `1_000` and `+.5e3`-like forms); tests/fast-path.test.ts compares it with `yaml`.

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** True when a plain scalar resolves to something other than a string. */
export function isCoreNonString(text: string): boolean {
  // Every non-string form starts with one of these; most plain scalars are words and stop here.
  const c = text.charCodeAt(0);
  const possible = text.length === 0 || c === 0x7e || c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39) || /^[nNtTfF]/.test(text);
  if (!possible) return false;
  return (
    NULL.test(text) ||
    BOOL.test(text) ||
    INT_OCT.test(text) ||
    INT.test(text) ||
    INT_HEX.test(text) ||
    FLOAT_NAN.test(text) ||
    FLOAT_EXP.test(text) ||
    FLOAT.test(text)
  );
}

/** The value of a plain scalar for which `isCoreNonString` is true. */
export function resolveCore(text: string): null | boolean | number {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  if (INT_OCT.test(text)) return Number.parseInt(text.substring(2), 8);
  if (INT.test(text)) return Number.parseInt(text, 10);
  if (INT_HEX.test(text)) return Number.parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === "nan" ? Number.NaN : text[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number.parseFloat(text);
}
