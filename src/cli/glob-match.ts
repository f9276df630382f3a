import { UsageError } from "./io.js";

// Matching one glob against names, kept linear in name × pattern whatever the pattern: a two-pointer
// walk that only ever resumes from the last `*`, where a regular expression built from the pattern
// (as picomatch builds) backtracks exponentially. Braces are expanded into separate patterns first.

/** Brace expansion is capped: `{a,b}` ten times over is a thousand patterns, each a walk. */
const MAX_BRACE_PATTERNS = 256;

/** Expands the braces of a pattern (`*.{yaml,md}` → `*.yaml`, `*.md`), nested ones too. */
export function expandBraces(pattern: string): string[] {
  const out: string[] = [];
  const expand = (p: string): void => {
    if (out.length > MAX_BRACE_PATTERNS) throw new UsageError(`"${pattern}" expands to more than ${MAX_BRACE_PATTERNS} patterns`);
    const open = p.indexOf("{");
    let depth = 0;
    let close = -1;
    const commas: number[] = [];
    for (let i = open; open >= 0 && i < p.length; i++) {
      if (p[i] === "{") depth++;
      else if (p[i] === "}" && --depth === 0) {
        close = i;
        break;
      } else if (p[i] === "," && depth === 1) commas.push(i);
    }
    if (open < 0 || close < 0 || commas.length === 0) {
      out.push(p);
      return;
    }
    const cuts = [open, ...commas, close];
    for (let k = 0; k + 1 < cuts.length; k++) expand(`${p.slice(0, open)}${p.slice((cuts[k] ?? 0) + 1, cuts[k + 1])}${p.slice(close + 1)}`);
  };
  expand(pattern);
  return out;
}

type Token = { star: true } | { star: false; test: (c: string) => boolean };

/** A character class's test (`[a-z0-9]`, `[!x]` or `[^x]`), and where it ends; undefined when `[` opens none. */
function charClass(pat: readonly string[], at: number): { test: (c: string) => boolean; end: number } | undefined {
  let i = at + 1;
  const negate = pat[i] === "!" || pat[i] === "^";
  if (negate) i++;
  const ranges: [string, string][] = [];
  for (let first = true; i < pat.length && (first || pat[i] !== "]"); first = false) {
    const lo = pat[i] ?? "";
    if (pat[i + 1] === "-" && pat[i + 2] !== undefined && pat[i + 2] !== "]") {
      ranges.push([lo, pat[i + 2] ?? lo]);
      i += 3;
    } else {
      ranges.push([lo, lo]);
      i++;
    }
  }
  if (pat[i] !== "]") return undefined;
  return { test: (c) => ranges.some(([lo, hi]) => c >= lo && c <= hi) !== negate, end: i };
}

function tokens(pattern: string): Token[] {
  const pat = [...pattern];
  const out: Token[] = [];
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i] ?? "";
    const cls = c === "[" ? charClass(pat, i) : undefined;
    if (c === "*") out.push({ star: true });
    else if (c === "?") out.push({ star: false, test: () => true });
    else if (cls) {
      out.push({ star: false, test: cls.test });
      i = cls.end;
    } else out.push({ star: false, test: (x) => x === c });
  }
  return out;
}

/**
 * Whether a name matches one path segment of a glob (`*.yaml`, `plan-?.md`). A two-pointer
 * matcher that only ever resumes from the last `*`: at most name × pattern steps, where a regular
 * expression such as `^.*a.*a.*a.*b$` can take exponential time over a long name.
 */
export function matchSegment(pattern: string, name: string): boolean {
  const pat = tokens(pattern);
  const str = [...name];
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < str.length) {
    const t = pat[p];
    if (t && !t.star && t.test(str[n] ?? "")) {
      p++;
      n++;
    } else if (t?.star) {
      star = p++;
      resume = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (pat[p]?.star) p++;
  return p === pat.length;
}

/** Whether path segments match pattern segments, `**` standing for any number of them; each (i, j) is tried once. */
export function matchPath(pattern: readonly string[], parts: readonly string[]): boolean {
  const seen = new Set<number>();
  const go = (i: number, j: number): boolean => {
    const key = i * (parts.length + 1) + j;
    if (seen.has(key)) return false;
    seen.add(key);
    if (i === pattern.length) return j === parts.length;
    if (pattern[i] === "**") return go(i + 1, j) || (j < parts.length && go(i, j + 1));
    return j < parts.length && matchSegment(pattern[i] ?? "", parts[j] ?? "") && go(i + 1, j + 1);
  };
  return go(0, 0);
}
