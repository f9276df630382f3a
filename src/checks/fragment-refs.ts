import { escapeSegment } from "../model/pointer.js";

// A `$ref` in a check's JSON Schema fragment may point only inside the fragment, and may not lead
// back to itself without descending into the value: `{ not: { $ref: "#" } }` sends Ajv's generated
// code round the same schema for ever, and the assessment dies of a stack overflow. A loop through
// `properties` or `items` is fine (each turn reads a deeper part of a finite value). Both are
// found here, when the framework loads, with the pointer of the `$ref` to blame.

type Json = Record<string, unknown> | unknown[];

/** Keywords whose schemas apply to the value itself: a loop through only these never ends. */
const IN_PLACE = new Set(["not", "if", "then", "else", "allOf", "anyOf", "oneOf"]);
/** Keywords whose schemas apply to parts of the value (maps of schemas, or a schema or list). */
const DESCENDING_MAPS = new Set(["properties", "patternProperties", "dependencies"]);
const DESCENDING = new Set(["items", "additionalItems", "additionalProperties", "contains", "propertyNames"]);
/** Keywords that hold schemas only for `$ref` to reach. */
const DEFINITIONS = new Set(["definitions", "$defs"]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

interface Node {
  pointer: string;
  /** The schema whose `$id` (or the fragment's root) a `#/…` reference in this one is read against. */
  resource: Record<string, unknown>;
  /** Schemas that apply to the same value: in-place keywords, and the target of a `$ref`. */
  next: Record<string, unknown>[];
  ref?: string;
  target?: Record<string, unknown>;
}

/** A `$ref` the fragment may not hold, and why; `pointer` is inside the fragment. */
export interface BadRef {
  pointer: string;
  message: string;
}

/** Every schema in the fragment, with its pointer and the resource it belongs to. */
function collect(root: Record<string, unknown>): { nodes: Map<object, Node>; ids: Map<string, Record<string, unknown>> } {
  const nodes = new Map<object, Node>();
  const ids = new Map<string, Record<string, unknown>>();
  const stack: [Record<string, unknown>, string, Record<string, unknown>][] = [[root, "", root]];
  while (stack.length > 0) {
    const [schema, pointer, parent] = stack.pop() as [Record<string, unknown>, string, Record<string, unknown>];
    if (nodes.has(schema)) continue;
    const id = typeof schema.$id === "string" ? schema.$id : undefined;
    if (id !== undefined) ids.set(id.replace(/#$/, ""), schema);
    const resource = id !== undefined && !id.startsWith("#") ? schema : parent;
    const node: Node = { pointer, resource, next: [] };
    nodes.set(schema, node);
    const push = (value: unknown, at: string, inPlace: boolean) => {
      if (!isObject(value)) return;
      stack.push([value, at, resource]);
      if (inPlace) node.next.push(value);
    };
    for (const [key, value] of Object.entries(schema)) {
      const at = `${pointer}/${escapeSegment(key)}`;
      if (key === "$ref" && typeof value === "string") node.ref = value;
      else if (IN_PLACE.has(key) || DESCENDING.has(key)) {
        const inPlace = IN_PLACE.has(key);
        if (Array.isArray(value)) for (const [i, v] of value.entries()) push(v, `${at}/${i}`, inPlace);
        else push(value, at, inPlace);
      } else if (DESCENDING_MAPS.has(key) || DEFINITIONS.has(key)) {
        if (isObject(value)) for (const [k, v] of Object.entries(value)) push(v, `${at}/${escapeSegment(k)}`, false);
      }
    }
  }
  return { nodes, ids };
}

/** The schema a `$ref` names: `#`, `#/pointer`, or the exact `$id` of a schema in the fragment (with either after it). */
function resolve(ref: string, from: Node, ids: Map<string, Record<string, unknown>>): unknown {
  const hash = ref.indexOf("#");
  const base = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? "" : ref.slice(hash + 1);
  const resource = base === "" ? from.resource : ids.get(base);
  if (resource === undefined) return undefined;
  if (fragment === "") return resource;
  if (!fragment.startsWith("/")) return ids.get(`${base}#${fragment}`);
  let target: unknown = resource;
  for (const raw of fragment.slice(1).split("/")) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    } catch {
      return undefined;
    }
    target = isObject(target) || Array.isArray(target) ? (target as Record<string, unknown>)[segment] : undefined;
  }
  return target;
}

/** The first `$ref` that points outside the fragment or loops back to itself in place, or undefined. */
export function badRef(fragment: Json): BadRef | undefined {
  if (!isObject(fragment)) return undefined;
  const { nodes, ids } = collect(fragment);
  for (const node of nodes.values()) {
    if (node.ref === undefined) continue;
    const target = resolve(node.ref, node, ids);
    if (!isObject(target) || !nodes.has(target)) {
      const message = `$ref "${node.ref.slice(0, 60)}" does not name a schema in this fragment: use "#", "#/<pointer>" or the $id of a schema in it`;
      return { pointer: `${node.pointer}/$ref`, message };
    }
    node.target = target;
    node.next.push(target);
  }
  return loop(nodes);
}

/** A cycle among the in-place edges (depth-first, iterative), reported at the `$ref` that closes it. */
function loop(nodes: Map<object, Node>): BadRef | undefined {
  const state = new Map<object, "open" | "done">();
  for (const start of nodes.keys()) {
    if (state.has(start)) continue;
    const stack: [object, number][] = [[start, 0]];
    state.set(start, "open");
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [object, number];
      const node = nodes.get(top[0]) as Node;
      const next = node.next[top[1]++];
      if (next === undefined) {
        state.set(top[0], "done");
        stack.pop();
      } else if (state.get(next) === "open") {
        return blame(
          stack.slice(stack.findIndex(([o]) => o === next)).map(([o]) => nodes.get(o) as Node),
          nodes,
        );
      } else if (!state.has(next)) {
        state.set(next, "open");
        stack.push([next, 0]);
      }
    }
  }
  return undefined;
}

/** The `$ref` on a cycle of schemas (each applying the next in place) that takes it round. */
function blame(cycle: Node[], nodes: Map<object, Node>): BadRef {
  const closing = cycle.find((node, i) => node.target !== undefined && nodes.get(node.target) === (cycle[i + 1] ?? cycle[0])) as Node;
  return {
    pointer: `${closing.pointer}/$ref`,
    message: `$ref "${(closing.ref ?? "").slice(0, 60)}" leads back to a schema it is part of without reading any deeper into the value, so it would never finish`,
  };
}
