import type { z } from "zod";
import { readArgumentIssues } from "../model/arguments.js";
import { sha256 } from "../model/hash.js";
import type { Result } from "../model/issue.js";
import { Reviews } from "../model/reviews.js";
import type { Sourced } from "../model/sourced.js";
import { Waivers } from "../model/waivers.js";
import { type ReadOptions, readSource } from "../source/read.js";
import { validateParsed } from "../source/validate.js";

function parseWith<S extends z.ZodType>(schema: S, text: string, options: ReadOptions): Result<Sourced<z.infer<S>>> {
  const bad = readArgumentIssues(text, options);
  if (bad.length > 0) return { ok: false, issues: bad };
  const read = readSource(text, options);
  if (!read.ok) return read;
  const valid = validateParsed(schema, read.value, options.filename);
  if (!valid.ok) return valid;
  return {
    ok: true,
    value: { value: valid.value, locate: read.value.locate, ...(options.filename === undefined ? {} : { file: options.filename }), sha256: sha256(text) },
  };
}

/** Parses a reviews file (YAML or JSON): a panel's judgements per criterion. */
export function parseReviews(text: string, options: ReadOptions = {}): Result<Sourced<Reviews>> {
  return parseWith(Reviews, text, options);
}

/** Parses a waivers file (YAML or JSON). Expiry and criterion ids are judged by `assess`. */
export function parseWaivers(text: string, options: ReadOptions = {}): Result<Sourced<Waivers>> {
  return parseWith(Waivers, text, options);
}
