// The shape of a calibration case's panel file (`cases/<slug>.panel.yaml`): where the review came from, the
// panel's overall verdict, and what it found under each London principle. Test-only: it is not part of the
// package, so it lives beside the corpus rather than in src/.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

/** Panel verdicts, best first. The harness orders proposals by this list; it never reads a rank from a file. */
export const VERDICTS = ["supported", "supported-with-recommendations", "significant-concerns", "not-supported"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The London principles every panel file must speak to, even if only to say the panel did not discuss one. */
export const PRINCIPLES = ["LDN-1", "LDN-2", "LDN-3", "LDN-4", "LDN-5", "LDN-6", "LDN-7", "LDN-8"] as const;
export type PrincipleId = (typeof PRINCIPLES)[number];

const link = z.string().regex(/^https?:\/\/\S+$/, "must be an http(s) link");
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "YYYY, YYYY-MM or YYYY-MM-DD");

/** The optional sections of a proposal document; metadata, caseForChange, evidence and responses are always there. */
export const SECTIONS = [
  "options",
  "population",
  "pathway",
  "engagement",
  "equality",
  "mentalHealth",
  "selfCare",
  "outcomes",
  "quality",
  "finance",
  "workforce",
  "sustainability",
  "beds",
] as const;
export type Section = (typeof SECTIONS)[number];

/** A page or document read to encode a published case, cited so that every fact can be traced. */
const source = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().min(1),
  date: partialDate.optional(),
  url: link,
  used: z.string().min(1).describe("What the case takes from it."),
});

const finding = z.strictObject({
  finding: z.enum(["gap", "strength", "mixed", "not-discussed"]),
  note: z.string().min(1),
  criteria: z
    .array(z.string().regex(/^LDN-[1-8]\.\d+$/, "must be a london-2020 criterion id such as LDN-3.1"))
    .optional()
    .describe("For a gap: the criteria it concerns, where one clearly fits."),
});
export type Finding = z.infer<typeof finding>;

export const Panel = z
  .strictObject({
    kind: z.enum(["published", "constructed"]),
    source: z.strictObject({
      senate: z.string().min(1),
      title: z.string().min(1),
      date: partialDate,
      url: link.optional(),
    }),
    sources: z.array(source).optional().describe("Every page or document the case was encoded from."),
    sections: z
      .strictObject({
        encoded: z.array(z.enum(SECTIONS)).describe("Sections a source describes, encoded in the proposal file."),
        unknown: z.array(z.enum(SECTIONS)).describe("Sections no source describes, so left out."),
        reportedMissing: z.array(z.enum(SECTIONS)).describe("Sections a source says the proposal lacked, so left out."),
      })
      .optional(),
    verdict: z.enum(VERDICTS),
    findings: z.strictObject({
      "LDN-1": finding,
      "LDN-2": finding,
      "LDN-3": finding,
      "LDN-4": finding,
      "LDN-5": finding,
      "LDN-6": finding,
      "LDN-7": finding,
      "LDN-8": finding,
    }),
    notes: z.string().min(1),
  })
  .superRefine((panel, ctx) => {
    // A published case is only as good as its sources, so it must name them and account for every section.
    if (panel.kind !== "published") return;
    if (!panel.sources?.length) ctx.addIssue({ code: "custom", path: ["sources"], message: "a published case lists its sources" });
    if (!panel.sections) ctx.addIssue({ code: "custom", path: ["sections"], message: "a published case accounts for every section" });
  });
export type Panel = z.infer<typeof Panel>;

/** Reads and validates a panel file; a bad file throws, because the corpus is ours and must be right. */
export function readPanel(path: string): Panel {
  const parsed = Panel.safeParse(parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Lower is better: the verdict's place in VERDICTS. */
export function verdictRank(verdict: Verdict): number {
  return VERDICTS.indexOf(verdict);
}
