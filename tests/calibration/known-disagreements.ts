// Where the tool and the panels still disagree, and why. The calibration tests hold the tool to exactly
// this list: a new disagreement fails, and so does one that has gone away (take it out, and say so in the
// framework's changelog). Every entry names its cause; none is a tuned exception.
import type { PrincipleId, Section } from "./panel.js";

/** The proposal sections each london-2020 principle reads (README, "How the proposal maps to the London principles"). */
export const PRINCIPLE_SECTIONS: Record<PrincipleId, readonly Section[]> = {
  "LDN-1": ["population", "pathway"],
  "LDN-2": ["engagement"],
  "LDN-3": ["equality"],
  "LDN-4": ["mentalHealth"],
  "LDN-5": ["selfCare"],
  "LDN-6": ["outcomes", "quality"],
  "LDN-7": ["options", "finance", "workforce"],
  "LDN-8": ["sustainability"],
};

/** Criteria a panel named in a gap that the tool reports met, each with the rule that lets it through. */
export const KNOWN_MET_IN_GAP: { case: string; criterion: string; why: string }[] = [
  {
    case: "improving-healthcare-together-2019",
    criterion: "LDN-7.8",
    why:
      "finance.fundingSource says national capital would have to be sought and none was secured. The check asks for a stated " +
      "funding source of three words or more, and a sentence saying there is none passes it. Telling a source from a statement " +
      "that there is no source needs a rule about unsecured funding, which is not written yet.",
  },
];

/**
 * Adversarial and hollow proposals that score above weaker but honest ones. The hollow proposal fills
 * every section; the checks can find non-answers, impossible figures and dates, but not that a long
 * response says nothing, so what is present earns partial credit until a panel reads it.
 */
export const HOLLOW_CASES: readonly string[] = ["constructed-adversarial"];
