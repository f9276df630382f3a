import type { z } from "zod";

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schemas a value may be read by once wrappers (optional, default, pipe, lazy, union) are seen through. */
function unwrap(schema: z.ZodType, depth = 0): z.ZodType[] {
  if (depth > 20) return [];
  const def = defOf(schema);
  const inner = def.innerType ?? def.in ?? def.getter?.();
  if (inner) return unwrap(inner, depth + 1);
  if (def.type === "union") return (def.options ?? []).flatMap((o) => unwrap(o, depth + 1));
  if (def.type === "intersection") return [def.left, def.right].flatMap((o) => (o ? unwrap(o, depth + 1) : []));
  return [schema];
}

/** The schemas for one step down (a field of an object, an item of a list, a value of a record). */
function step(schema: z.ZodType, segment: string | number): z.ZodType[] {
  const def = defOf(schema);
  if (def.type === "object" && typeof segment === "string") return def.shape?.[segment] ? [def.shape[segment] as z.ZodType] : [];
  if (def.type === "array" && def.element) return [def.element];
  if (def.type === "record" && def.valueType) return [def.valueType];
  return [];
}

/**
 * The field names a schema allows at a place in a document (`path`), for suggesting one when a key
 * is unknown there. Every branch of a union counts; an empty list when the place cannot be followed.
 */
export function keysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let here = unwrap(schema);
  for (const segment of path) here = here.flatMap((s) => step(s, segment)).flatMap((s) => unwrap(s));
  return [...new Set(here.flatMap((s) => Object.keys(defOf(s).shape ?? {})))];
}
