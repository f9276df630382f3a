import { allChecks, pointersRead } from "../framework/walk.js";
import type { Framework } from "../model/framework.js";
import { splitPointer } from "../model/pointer.js";

/** A criterion's question, placed where the proposal answers it. */
export interface PlacedQuestion {
  criterion: string;
  question: string;
}

/** Questions by top-level proposal section, and by principle for the free-text responses. */
export interface QuestionPlaces {
  sections: Map<string, PlacedQuestion[]>;
  responses: Map<string, PlacedQuestion[]>;
}

function add(map: Map<string, PlacedQuestion[]>, key: string, q: PlacedQuestion): void {
  const list = map.get(key) ?? [];
  if (!list.some((x) => x.criterion === q.criterion)) list.push(q);
  map.set(key, list);
}

/**
 * Places each criterion's question by the pointers its checks read: under every top-level section
 * it reads, and under its principle's response when it reads that response or nothing at all (a
 * review-only criterion is answered in the narrative).
 */
export function placeQuestions(framework: Framework): QuestionPlaces {
  const read = new Map<string, string[][]>();
  for (const placed of allChecks(framework)) {
    const list = read.get(placed.criterion) ?? [];
    for (const { pointer } of pointersRead(placed.check)) list.push(splitPointer(pointer));
    read.set(placed.criterion, list);
  }
  const sections = new Map<string, PlacedQuestion[]>();
  const responses = new Map<string, PlacedQuestion[]>();
  for (const principle of framework.principles) {
    for (const c of principle.criteria) {
      const q = { criterion: c.id, question: c.question };
      const paths = read.get(c.id) ?? [];
      for (const [top, second] of paths) {
        if (top === undefined) continue;
        if (top !== "responses") add(sections, top, q);
        else add(responses, second === undefined || second === "*" ? principle.id : second, q);
      }
      if (paths.every(([top]) => top === "responses")) add(responses, principle.id, q);
    }
  }
  return { sections, responses };
}
