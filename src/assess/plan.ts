import { frameworkHash } from "../framework/load.js";
import type { Criterion, Framework } from "../model/framework.js";
import { segmentsOf } from "../model/pointer.js";
import { pointersRead, allChecks } from "../framework/walk.js";

/** A criterion with its principle and its place in the framework. */
export interface PlannedCriterion {
  principle: string;
  criterion: Criterion;
  /** Index of the principle, and of the criterion in it. */
  at: [number, number];
}

/**
 * What assess works out about a framework once, not once per proposal: its hash, its criteria in
 * order with their principles, and every pointer its checks read, split into segments ahead of
 * time. A framework is not changed once validated (assess caches its validation per object too).
 */
export interface Plan {
  /** frameworkHash of the framework, worked out on first call (a loaded framework brings its own). */
  sha256(): string;
  criteria: readonly PlannedCriterion[];
}

const plans = new WeakMap<Framework, Plan>();

/** The framework's plan, made on first use and kept while the framework object lives. */
export function planFor(framework: Framework): Plan {
  let plan = plans.get(framework);
  if (!plan) {
    // Splitting now fills the shared pointer cache (src/model/pointer.ts) before any proposal is read.
    for (const { check } of allChecks(framework)) for (const { pointer } of pointersRead(check)) segmentsOf(pointer);
    let sha: string | undefined;
    plan = {
      sha256: () => {
        sha ??= frameworkHash(framework);
        return sha;
      },
      criteria: framework.principles.flatMap((p, i) => p.criteria.map((criterion, j): PlannedCriterion => ({ principle: p.id, criterion, at: [i, j] }))),
    };
    plans.set(framework, plan);
  }
  return plan;
}
