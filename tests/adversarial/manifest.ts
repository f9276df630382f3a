import { CITATION_DOCUMENTS } from "./traps-citations.js";
import { CONTENT_DOCUMENTS } from "./traps-content.js";
import { FORMAT_DOCUMENTS } from "./traps-formats.js";
import { KIND_DOCUMENTS } from "./traps-kinds.js";
import { NON_ANSWER_DOCUMENTS } from "./traps-non-answers.js";
import type { CorpusDocument } from "./types.js";

/**
 * The adversarial corpus: proposal documents in tests/adversarial/documents, each realistic apart
 * from deliberate traps, and for every trap the criteria that must flag it and the status each must
 * have (never met). Non-answers in every check kind, init placeholders, dangling and circular
 * citations (traps-non-answers.ts, traps-kinds.ts, traps-formats.ts, traps-citations.ts); implausible figures, impossible dates,
 * remote-only access and existing-services bed claims (traps-content.ts).
 */
export const CORPUS: readonly CorpusDocument[] = [...NON_ANSWER_DOCUMENTS, ...KIND_DOCUMENTS, ...FORMAT_DOCUMENTS, ...CITATION_DOCUMENTS, ...CONTENT_DOCUMENTS];
