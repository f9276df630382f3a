import { readArgumentIssues } from "../model/arguments.js";
import { sha256 } from "../model/hash.js";
import type { Issue, Result } from "../model/issue.js";
import { Proposal } from "../model/proposal.js";
import { markValidated } from "../model/validated.js";
import type { Locator } from "../source/positions.js";
import { type ReadOptions, readSource } from "../source/read.js";
import { sortIssues, validateParsed } from "../source/validate.js";
import { checkReferences } from "./references.js";

/** A valid proposal with the way back to its source. */
export interface ParsedProposal {
  proposal: Proposal;
  /** Source location of a JSON pointer (a missing value resolves to its nearest parent). */
  locate: Locator;
  file?: string;
  /** sha256 of the text read. */
  sha256: string;
}

/**
 * Parses and validates a proposal written as YAML, JSON or Markdown with YAML front matter.
 * Never throws on bad input, whatever its type: problems come back as issues with code, pointer and line:column.
 */
export function parseProposal(text: string, options: ReadOptions = {}): Result<ParsedProposal> {
  const bad = readArgumentIssues(text, options);
  if (bad.length > 0) return { ok: false, issues: bad };
  const file = options.filename;
  const read = readSource(text, options);
  if (!read.ok) return read;
  const valid = validateParsed(Proposal, read.value, file);
  if (!valid.ok) return valid;
  const refs: Issue[] = checkReferences(valid.value).map((issue) => ({
    ...issue,
    ...(file === undefined ? {} : { file }),
    ...(read.value.locate(issue.pointer) ?? {}),
  }));
  if (refs.length > 0) return { ok: false, issues: sortIssues(refs) };
  markValidated(valid.value);
  return {
    ok: true,
    value: { proposal: valid.value, locate: read.value.locate, ...(file === undefined ? {} : { file }), sha256: sha256(text) },
  };
}
