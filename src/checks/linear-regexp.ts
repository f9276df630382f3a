import { lazyRequire } from "../source/require.js";

// Every regular expression that comes from data (a `pattern` or `patternProperties` in a check's
// JSON Schema fragment) runs on RE2 (re2js, a pure JavaScript port): it matches in time linear in
// the text, whatever the pattern, where JavaScript's backtracking engine can take exponential time
// on patterns as plain as ^a*a*a*a*$. RE2 has no back-references or lookarounds: such a pattern
// fails to compile, so the framework is refused when it loads. re2js is loaded on first use.
const re2 = lazyRequire<typeof import("re2js")>("re2js");

/** What Ajv needs of a regular expression: `test`, and a distinct `toString` to cache it by. */
export interface LinearRegExp {
  test(text: string): boolean;
  toString(): string;
}

/** Compiles a pattern written in JavaScript's syntax (as JSON Schema's are) to RE2; throws when RE2 cannot run it. */
export function linearRegExp(pattern: string): LinearRegExp {
  const { RE2JS } = re2();
  let compiled: ReturnType<typeof RE2JS.compile>;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (error) {
    const why = (error as Error).message.replace(/^error parsing regexp: /i, "");
    throw new Error(`pattern "${pattern.slice(0, 40)}" cannot run in linear time (${why}); patterns may not use back-references or lookarounds`);
  }
  return { test: (text) => compiled.test(text), toString: () => `re2:${pattern}` };
}

/** linearRegExp in the shape of Ajv's `code.regExp` option (`code` names it in standalone code, which is not used). */
export const ajvRegExp = Object.assign((pattern: string) => linearRegExp(pattern), { code: "re2js" });
