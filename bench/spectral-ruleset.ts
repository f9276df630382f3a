// A Spectral ruleset equivalent (as near as Spectral's core functions allow) to the automatic checks
// of the London 2020 framework: one rule per check of every automatic and automatic+review
// criterion, built from principles/london-2020.yaml so the two cannot drift apart.
//   present      -> truthy
//   substantive  -> truthy, and a pattern of at least minWords words that is not a placeholder
//   count        -> length { min }
//   range        -> schema { type: number, minimum, maximum }
//   equals       -> schema { const }
//   covers       -> schema: an object with every key, or a list with every value
//   evidence     -> the citing list is non-empty, and the register holds an item of one of the types
//   schema       -> schema (the check's own JSON Schema fragment)
// Approximations: appliesWhen conditions are ignored, and `evidence` does not join citations to the
// register by id (Spectral's core functions cannot); both make Spectral do less work, not more.

import { readFileSync } from "node:fs";
import { parse } from "yaml";

type Check = { kind: string; path?: string; citedAt?: string; [k: string]: unknown };
type Rule = { given: string; severity: "warn"; message: string; then: { field?: string; function: string; functionOptions?: unknown }[] };

/** A JSON pointer (with `*` wildcards) as a JSONPath. */
function jsonPath(pointer: string): string {
  return `$${pointer
    .split("/")
    .slice(1)
    .map((s) => (s === "*" ? "[*]" : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `['${s}']`))
    .join("")}`;
}

const PLACEHOLDER = "^\\W*(tbc|tbd|tba|n\\/?a|none|todo|to follow|to be confirmed|to be determined|pending)\\W*$";

function thenFor(check: Check): Rule["then"] {
  switch (check.kind) {
    case "present":
      return [{ function: "truthy" }];
    case "substantive": {
      const words = Math.max(1, Number(check.minWords ?? 3));
      return [{ function: "truthy" }, { function: "pattern", functionOptions: { match: `^\\W*(\\S+\\s+){${words - 1}}\\S+`, notMatch: `/${PLACEHOLDER}/i` } }];
    }
    case "count":
      return [{ function: "length", functionOptions: { min: check.min ?? 1 } }];
    case "range":
      return [{ function: "schema", functionOptions: { schema: { type: "number", minimum: check.min, maximum: check.max } } }];
    case "equals":
      return [{ function: "schema", functionOptions: { schema: { const: check.value } } }];
    case "covers": {
      const keys = check.keys as string[];
      const schema = {
        anyOf: [
          { type: "object", required: keys },
          { type: "array", allOf: keys.map((k) => ({ contains: { const: k } })) },
        ],
      };
      return [{ function: "schema", functionOptions: { schema } }];
    }
    case "schema":
      return [{ function: "schema", functionOptions: { schema: check.schema } }];
    default:
      return [];
  }
}

/** One rule, a warning; Spectral names a rule's action `then`. */
function rule(given: string, message: string, action: Rule["then"]): Rule {
  // biome-ignore lint/suspicious/noThenProperty: Spectral's rule format names the action `then`
  return { given, severity: "warn", message, then: action };
}

/** The ruleset, as a plain object to write out as YAML or JSON. */
export function spectralRuleset(): { rules: Record<string, Rule> } {
  const framework = parse(readFileSync("principles/london-2020.yaml", "utf8")) as {
    principles: { criteria: { id: string; mode: string; checks: Check[] }[] }[];
  };
  const rules: Record<string, Rule> = {};
  for (const criterion of framework.principles.flatMap((p) => p.criteria)) {
    if (criterion.mode === "review") continue;
    for (const [i, check] of criterion.checks.entries()) {
      const id = `${criterion.id.toLowerCase().replace(".", "-")}-${i + 1}`;
      const message = `${criterion.id}: {{error}}`;
      if (check.kind === "evidence") {
        const types = check.types as string[];
        const register = { type: "array", contains: { type: "object", properties: { type: { enum: types } }, required: ["type"] } };
        rules[`${id}-register`] = rule("$.evidence", message, [{ function: "schema", functionOptions: { schema: register } }]);
        if (check.citedAt) rules[id] = rule(jsonPath(check.citedAt), message, [{ function: "length", functionOptions: { min: 1 } }]);
        continue;
      }
      const action = thenFor(check);
      if (action.length > 0 && check.path) rules[id] = rule(jsonPath(check.path), message, action);
    }
  }
  return { rules };
}
