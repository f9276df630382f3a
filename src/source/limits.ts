/** Bounds on what a single input may cost to read. Every one is named in the message when hit. */
export interface Limits {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** Most YAML alias dereferences in one document. */
  maxAliases: number;
  /** Deepest nesting of maps and lists. */
  maxDepth: number;
  /** Most values (map entries and list items, counted together) in one document. */
  maxItems: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBytes: 10 * 1024 * 1024,
  maxAliases: 100,
  maxDepth: 64,
  maxItems: 100_000,
};
