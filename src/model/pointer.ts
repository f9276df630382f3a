/** JSON pointers (RFC 6901): building, splitting and reading plain values. */

export function escapeSegment(segment: string | number): string {
  const text = String(segment);
  return text.includes("~") || text.includes("/") ? text.replace(/~/g, "~0").replace(/\//g, "~1") : text;
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Builds a pointer from path segments; the empty path is "". */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${escapeSegment(s)}`).join("");
}

/** Splits a pointer into unescaped segments. */
export function splitPointer(pointer: string): string[] {
  return [...segmentsOf(pointer)];
}

// Checks read the same few hundred pointers for every proposal: each is split once. Bounded, so
// pointers built from a document's own keys cannot grow it without limit.
const SPLIT = new Map<string, readonly string[]>();
const SPLIT_LIMIT = 10_000;

/** A pointer's unescaped segments, shared: callers must not change the array. */
export function segmentsOf(pointer: string): readonly string[] {
  let segments = SPLIT.get(pointer);
  if (segments === undefined) {
    if (SPLIT.size >= SPLIT_LIMIT) SPLIT.clear();
    const parts = pointer === "" ? [] : pointer.slice(1).split("/");
    segments = pointer.includes("~") ? parts.map(unescapeSegment) : parts;
    SPLIT.set(pointer, segments);
  }
  return segments;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Reads the value at `pointer`; undefined when any step is missing. Own properties only. */
export function getAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const seg of segmentsOf(pointer)) {
    if (!isRecord(node) || !Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/**
 * Expands `*` segments against a value: every concrete pointer that the pattern matches.
 * Steps that are missing stop at the last existing value, so a check can say where to look.
 */
export function expandPointer(root: unknown, pattern: string): string[] {
  let current: { pointer: string; value: unknown }[] = [{ pointer: "", value: root }];
  for (const seg of segmentsOf(pattern)) {
    const next: { pointer: string; value: unknown }[] = [];
    for (const { pointer, value } of current) {
      if (seg === "*") {
        if (!isRecord(value)) continue;
        // Record keys in sorted order, so results never depend on how a document happened to order them.
        const keys = Array.isArray(value) ? Object.keys(value) : Object.keys(value).sort();
        for (const key of keys) {
          next.push({ pointer: `${pointer}/${escapeSegment(key)}`, value: (value as Record<string, unknown>)[key] });
        }
      } else {
        const child = isRecord(value) && Object.hasOwn(value, seg) ? (value as Record<string, unknown>)[seg] : undefined;
        next.push({ pointer: `${pointer}/${escapeSegment(seg)}`, value: child });
      }
    }
    current = next;
  }
  return current.map((c) => c.pointer);
}
