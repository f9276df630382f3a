/** Offsets in a text to 1-based line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** Line and column (both 1-based) of a UTF-16 offset. */
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

/** Where a value (or, for a missing value, its nearest existing parent) sits in its source. */
export interface Location {
  line: number;
  column: number;
}

/** Finds the source location of a JSON pointer in a parsed document. */
export type Locator = (pointer: string, options?: { key?: boolean }) => Location | undefined;
