import type { BuiltinKind } from "../../src/checks/types.js";

// The shape of the adversarial corpus manifest (tests/adversarial/manifest.ts).

/** What kind of trap. */
export type Category =
  | "non-answer"
  | "init-placeholder"
  | "implausible-figure"
  | "impossible-date"
  | "remote-only-access"
  | "existing-services-beds"
  | "citation";

/** The rule, being built on another branch, that a trap needs; the test skips it until that rule is merged. */
export type Awaits = "figures-in-text";

/** Where a non-answer hides: free text, an item of a list, the name of a person or thing, a cell of a table-like list. */
export type Shape = "text" | "list-item" | "name" | "table-cell" | "choice";

/** A status a trapped criterion may have: never met. */
export type FlagStatus = "not-met" | "partially-met";

/** One trap that an assessment must flag. */
export interface Trap {
  what: string;
  category: Category;
  /** The JSON pointer of the trap: a failing check must point at it, at a parent of it, or quote it. */
  at: string;
  /** For a non-answer: the check kind that must screen it, and where it hides. */
  kind?: BuiltinKind;
  shape?: Shape;
  /** Each criterion (in any of the document's frameworks) that must flag it, with the status it must have. */
  flags: Record<string, FlagStatus>;
  /** Text that a failing check's message must contain. */
  message?: string;
  awaits?: Awaits;
}

/** A trap that validation must reject: the document is not assessed at all, and the problem is located. */
export interface Rejection {
  what: string;
  category: Category;
  at: string;
  code: string;
}

/** One document of the corpus. */
export interface CorpusDocument {
  /** Under tests/adversarial/documents. */
  file: string;
  /** Framework ids or files; the three built-ins when not given. */
  frameworks?: string[];
  /** The untrapped document it was derived from: there, no trapped criterion may be flagged. */
  base: string;
  /** The whole document needs fields another branch adds to the proposal schema. */
  awaits?: Awaits;
  traps: Trap[];
  rejects?: Rejection[];
}

export const BUILTIN_FRAMEWORKS = ["london-2020", "west-midlands", "nhse-service-change"];

/** The local framework whose own criteria read text with present, range, compare and equals. */
export const LOCAL_FRAMEWORK = "tests/adversarial/frameworks/local-checks.yaml";

export const STROKE = "examples/stroke-hasu.yaml";

/** The assessment date every document is judged on. */
export const CORPUS_NOW = new Date("2026-01-01T00:00:00Z");
