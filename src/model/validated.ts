// Checking a proposal against its schema costs about a tenth of an assessment. A proposal that
// parseProposal produced (or that assess has checked once) is recorded here, so that assessing it
// again, against another framework or with other reviews, does not check it again. Only the object
// is recorded: nothing is copied or kept alive.

const validated = new WeakSet<object>();

/** Records that a value has passed its schema. */
export function markValidated(value: object): void {
  validated.add(value);
}

/** True when the value has passed its schema before. */
export function wasValidated(value: unknown): boolean {
  return typeof value === "object" && value !== null && validated.has(value);
}
