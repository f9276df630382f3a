import { readArgumentIssues } from "../model/arguments.js";
import { sha256 } from "../model/hash.js";
import type { Issue, Result } from "../model/issue.js";
import { Proposal } from "../model/proposal.js";
import { markValidated } from "../model/validated.js";
import type { Narrative } from "../source/markdown-sections.js";
import type { Locator } from "../source/positions.js";
import { type ReadOptions, readSource } from "../source/read.js";
import { sortIssues, validateParsed } from "../source/validate.js";
import { otherDocument } from "./other-documents.js";
import { type ReadQuantity, readQuantities } from "./quantities-read.js";
import { checkReferences } from "./references.js";

/** A valid proposal with the way back to its source. */
export interface ParsedProposal {
  proposal: Proposal;
  /** Source location of a JSON pointer (a missing value resolves to its nearest parent). */
  locate: Locator;
  file?: string;
  /** sha256 of the text read. */
  sha256: string;
  /** Problems that did not stop the proposal being read, e.g. a Markdown heading that looks like a principle but is not read as one. */
  warnings: Issue[];
  /** For Markdown: each principle response taken from the body, with its word count and citations. */
  narrative?: Narrative;
  /** Each quantity written as text (`£21.6m`, `2.31 million`) and the number it was read as. */
  quantities: ReadQuantity[];
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
  const other = otherDocument(read.value.data);
  if (other !== undefined) {
    const at = read.value.locate("") ?? { line: 1, column: 1 };
    return { ok: false, issues: [{ code: "not_a_proposal", message: `this file is ${other}`, pointer: "", ...(file === undefined ? {} : { file }), ...at }] };
  }
  const valid = validateParsed(Proposal, read.value, file);
  // A heading that was not read may be why a section is missing: the warnings go with the errors.
  const warnings = read.value.warnings ?? [];
  if (!valid.ok) return { ok: false, issues: sortIssues([...valid.issues, ...warnings]) };
  const refs: Issue[] = checkReferences(valid.value).map((issue) => ({
    ...issue,
    ...(file === undefined ? {} : { file }),
    ...(read.value.locate(issue.pointer) ?? {}),
  }));
  if (refs.length > 0) return { ok: false, issues: sortIssues([...refs, ...warnings]) };
  markValidated(valid.value);
  return {
    ok: true,
    value: {
      proposal: valid.value,
      locate: read.value.locate,
      ...(file === undefined ? {} : { file }),
      sha256: sha256(text),
      warnings,
      quantities: readQuantities(read.value.data, valid.value, read.value.locate),
      ...(read.value.narrative === undefined ? {} : { narrative: read.value.narrative }),
    },
  };
}
