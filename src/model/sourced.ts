// Where parsed values came from: shared by the parsers (source/, proposal/) and what reads their output.

/** Where a value (or, for a missing value, its nearest existing parent) sits in its source. */
export interface Location {
  line: number;
  column: number;
}

/** Finds the source location of a JSON pointer in a parsed document. */
export type Locator = (pointer: string, options?: { key?: boolean }) => Location | undefined;

/** A reviews or waivers document, with its source when it came from a file. */
export interface Sourced<T> {
  value: T;
  locate?: Locator;
  file?: string;
  sha256?: string;
}
