import type { z } from "zod";
import { splitPointer } from "../model/pointer.js";

type Def = { type: string; [key: string]: unknown };

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

/** Strips wrappers that don't change where a value sits (optional, default, nullable, pipes, lazy). */
function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(current);
    if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "prefault" || def.type === "readonly")
      current = def.innerType;
    else if (def.type === "pipe") current = def.in;
    else if (def.type === "lazy") current = (def.getter as () => unknown)();
    else return current;
  }
  return current;
}

/** The child schemas one segment below `schema` (a union can give several). */
function children(schema: unknown, segment: string): unknown[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      return Object.hasOwn(shape, segment) ? [shape[segment]] : [];
    }
    case "array":
      return segment === "*" || /^\d+$/.test(segment) ? [def.element] : [];
    case "record": {
      if (segment === "*") return [def.valueType];
      const keyOk = (def.keyType as z.ZodType).safeParse(segment).success;
      return keyOk ? [def.valueType] : [];
    }
    case "union":
      return (def.options as unknown[]).flatMap((o) => children(o, segment));
    default:
      return [];
  }
}

/** True when the pointer (with `*` allowed) names a place the schema defines. */
export function pointerExists(schema: z.ZodType, pointer: string): boolean {
  let current: unknown[] = [schema];
  for (const segment of splitPointer(pointer)) {
    current = current.flatMap((s) => children(s, segment));
    if (current.length === 0) return false;
  }
  return true;
}
