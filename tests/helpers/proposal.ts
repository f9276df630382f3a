import { Proposal } from "../../src/model/proposal.js";

type Section<K extends keyof Proposal> = Partial<Proposal[K]>;

/** What a test may override: any top-level section, with metadata and caseForChange merged field by field. */
export type ProposalOverrides = Omit<Partial<Proposal>, "metadata" | "caseForChange"> & {
  metadata?: Section<"metadata">;
  caseForChange?: Section<"caseForChange">;
};

/** The smallest valid proposal: schemaVersion, metadata and a case for change. */
export const MINIMAL_PROPOSAL: Proposal = {
  schemaVersion: "1",
  metadata: {
    id: "TEST-1",
    title: "Test proposal",
    version: "0.1",
    stage: "case-for-change",
    date: "2026-01-15",
    sponsor: "Test Integrated Care Board",
    region: "London",
  },
  caseForChange: { summary: "Services are hard to staff safely." },
};

/**
 * A valid proposal: the minimal one merged with `overrides` (top-level sections replaced,
 * metadata and caseForChange merged). Throws when the result is not a valid proposal, so a
 * test never runs against a fixture the model would reject.
 */
export function proposal(overrides: ProposalOverrides = {}): Proposal {
  const { metadata, caseForChange, ...sections } = structuredClone(overrides);
  const merged = {
    ...structuredClone(MINIMAL_PROPOSAL),
    ...sections,
    metadata: { ...MINIMAL_PROPOSAL.metadata, ...metadata },
    caseForChange: { ...MINIMAL_PROPOSAL.caseForChange, ...caseForChange },
  };
  const parsed = Proposal.safeParse(merged);
  if (!parsed.success) throw new Error(`tests/helpers/proposal: not a valid proposal: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}
