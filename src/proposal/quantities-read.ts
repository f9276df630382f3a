import { toPointer } from "../model/pointer.js";
import type { Locator } from "../source/positions.js";

/** A quantity written as text (`£21.6m`) and the number it was read as. */
export interface ReadQuantity {
  pointer: string;
  written: string;
  value: number;
  line?: number;
}

/**
 * Every place where the document's text became a number (the written forms of money and counts),
 * found by walking what was written beside what was read, so that `validate` can show each reading.
 */
export function readQuantities(written: unknown, read: unknown, locate: Locator): ReadQuantity[] {
  const found: ReadQuantity[] = [];
  const walk = (w: unknown, r: unknown, path: (string | number)[]) => {
    if (typeof w === "string" && typeof r === "number") {
      const pointer = toPointer(path);
      const at = locate(pointer);
      found.push({ pointer, written: w, value: r, ...(at ? { line: at.line } : {}) });
      return;
    }
    if (typeof w !== "object" || w === null || typeof r !== "object" || r === null) return;
    if (Array.isArray(w) && Array.isArray(r)) {
      w.forEach((item, i) => {
        walk(item, r[i], [...path, i]);
      });
    } else if (!Array.isArray(w) && !Array.isArray(r)) {
      for (const key of Object.keys(w))
        if (Object.hasOwn(r, key)) walk((w as Record<string, unknown>)[key], (r as Record<string, unknown>)[key], [...path, key]);
    }
  };
  walk(written, read, []);
  return found;
}
