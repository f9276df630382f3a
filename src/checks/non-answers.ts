/**
 * The non-answer catalogue: text that fills a field without answering it ("TBC", "Unknown",
 * "See appendix 4", "N/A", "<title of the proposal>"). It is data: add a phrase here, not a
 * special case in a check. `findNonAnswer` (src/checks/non-answer.ts) reads it.
 *
 * Every pattern must run in linear time on any input: no nested quantifiers, and every
 * repetition bounded by a character class that the next token cannot also match.
 */

/** What kind of non-answer a text is. */
export type NonAnswerKind = "deferral" | "unknown" | "bare-reference" | "not-applicable" | "template-marker" | "filler";

/** One catalogue entry: whole-word phrases, or one pattern, of one kind. */
export interface NonAnswerEntry {
  kind: NonAnswerKind;
  /** Matched as whole words, ignoring case; a space also matches a hyphen or an underscore. */
  phrases?: readonly string[];
  /** A regular expression source (flags g, i and u are added); a space matches as in `phrases`. */
  pattern?: string;
  note: string;
}

const LATER_VERBS =
  "confirmed|determined|decided|agreed|advised|announced|completed|provided|added|finalised|finalized|developed|defined|assessed|" +
  "reviewed|updated|identified|appointed|calculated|scoped|sourced|populated|supplied|shared|submitted|circulated|established|" +
  "clarified|worked up|written|drafted|modelled|modeled|quantified|costed|estimated|collected|gathered|measured|undertaken|done|" +
  "explored|considered|discussed|included|set|sent|published|produced|obtained|secured|filled|signed off|arranged|carried out|recruited|named|" +
  "nominated";

// A reference is bare when it points somewhere else and says nothing itself.
const DOCUMENT =
  "(?:documents?|documentation|appendix|appendices|annexe?s?|sections?|pages?|chapter|tables?|figures?|attachments?|reports?|papers?|" +
  "spreadsheet|business case|pcbc|dmbc|sobc|obc|fbc|pack|plan|model|eqia|qia|evidence|e-?mail|link|website|file|slides|deck|tab|" +
  "sheet|workbook|submission|strategy|notes|minutes|slides?|paragraphs?)";
const LABEL = "(?: [a-z]?[0-9][0-9a-z.]*| [a-z](?![\\p{L}\\p{N}]))";
const QUALIFIER = "(?: the| our| this| that)?(?: attached| separate| enclosed| accompanying| relevant| full| supporting| main| latest| linked)?";
// One word naming which document: "see the attached WORKFORCE plan", "detailed in the PRE-CONSULTATION business case".
const WHICH = "(?: [a-z]+(?:-[a-z]+)?)?";
// Another part of the same proposal: a principle's response ("LDN-3", "principle 4").
const PRINCIPLE = "(?:[a-z]{2,5}-[0-9]{1,2}(?:\\.[0-9]{1,3})?|principle [0-9]{1,2})";

/** The catalogue, in the order its entries are tried. */
export const NON_ANSWERS: readonly NonAnswerEntry[] = [
  {
    kind: "template-marker",
    pattern: "lorem ipsum[\\s\\S]*",
    note: "Filler text: everything from 'lorem ipsum' on is a placeholder, however long.",
  },
  {
    kind: "template-marker",
    pattern: "<(?=[^\\s<>])[^<>\\n]{0,300}(?<=[^\\s<>])>|<>",
    note: "Angle placeholders such as every '<title of the proposal>' that `senate init` writes, and <…>. A comparison such as '< 4 hours' has a space after '<' and is left alone.",
  },
  {
    kind: "template-marker",
    pattern:
      "\\[(?:insert|add|enter|type|fill in|complete|describe|provide|include|specify|state|give|list|name|details|placeholder|tbc|tbd|tba|todo|your|xx|…|\\.\\.\\.)[^\\[\\]\\n]{0,300}\\]|\\{\\{[^{}\\n]{0,300}\\}\\}",
    note: "Form placeholders: '[insert baseline]', '[Name of clinical lead]', '{{baseline}}'. A citation such as [E3] is not one.",
  },
  {
    kind: "template-marker",
    pattern:
      "\\((?:insert|add|enter|type|fill in|complete|describe|provide|specify|details|name of)[^()\\n]{0,300}\\)|\\{(?=[^\\s{}])[^{}\\n]{0,300}\\}|_{3,}" +
      "|(?:insert|enter|add|type)(?: (?:your|the|a|an))?(?: [a-z]+)? here",
    note: "More form placeholders: '(insert figure)', '{baseline}', a line to write on ('________'), 'Insert name here'.",
  },
  {
    kind: "template-marker",
    pattern: "[£$€]?x{2,}(?:bn|[mk%])?|https?://(?:www\\.)?example\\.(?:org|com|net)/?(?!\\S)",
    note: "Figures left as XX (XX per cent, £XXm, XX,XXX), and the bare https://example.org/ that `senate init` writes (a fictional proposal may link deeper into example.org). A single X (X-ray, site X) is text.",
  },
  {
    kind: "template-marker",
    phrases: [
      "yyyy mm dd",
      "dd/mm/yyyy",
      "dd/mm/yy",
      "mm/yyyy",
      "yyyy",
      "todo",
      "fixme",
      "placeholder",
      "insert here",
      "insert text",
      "enter text",
      "your text here",
      "click here to enter text",
      "click or tap here to enter text",
      "click or tap to enter a date",
      "choose an item",
      "sample text",
      "dummy text",
      "replace this",
      "name surname",
      "firstname lastname",
      "first name last name",
      "forename surname",
      "joe bloggs",
      "a n other",
      "a.n. other",
      "jane doe",
      "john doe",
    ],
    note: "Date placeholders (YYYY-MM-DD, as `senate init` writes them), and the prompts editors and word processors leave in forms.",
  },
  {
    kind: "deferral",
    pattern: `(?:to|will|shall|would|must|needs? to|yet to|still to|has yet to|have yet to|is yet to|are yet to) be (?:${LATER_VERBS})`,
    note: "'To be confirmed', 'will be provided', 'yet to be agreed': the answer is promised, not given.",
  },
  {
    kind: "deferral",
    phrases: [
      "tbc",
      "tbd",
      "tba",
      "t.b.c.",
      "t.b.c",
      "t.b.d.",
      "tbconfirmed",
      "to follow",
      "will follow",
      "to come",
      "pending",
      "awaiting",
      "awaited",
      "in progress",
      "work in progress",
      "wip",
      "under review",
      "under discussion",
      "under development",
      "under consideration",
      "in development",
      "in draft",
      "being developed",
      "being finalised",
      "being finalized",
      "being worked up",
      "being agreed",
      "being confirmed",
      "being reviewed",
      "not yet agreed",
      "not yet decided",
      "not yet confirmed",
      "not yet started",
      "not yet done",
      "not yet completed",
      "not yet finalised",
      "not started",
      "in due course",
      "at a later date",
      "at a later stage",
      "later",
      "coming soon",
      "ongoing",
      "vacant",
      "vacant post",
      "post vacant",
      "vacancy",
      "not yet appointed",
      "not appointed",
      "not yet recruited",
      "not yet named",
    ],
    note: "Deferrals. 'Pending approval, the interim pathway runs from site A' still answers: what is left after the phrase decides.",
  },
  {
    kind: "unknown",
    pattern:
      "not (?:currently |yet |routinely |previously |formally |presently |reliably )?(?:known|measured|recorded|collected|captured|monitored|tracked|available|assessed|quantified|calculated|counted|audited|reported|held|established|identified)",
    note: "'Not currently measured', 'not yet known', 'not-yet-known': the value is missing, said in words.",
  },
  {
    kind: "unknown",
    phrases: [
      "unknown",
      "unclear",
      "uncertain",
      "n/k",
      "n.k.",
      "n.k",
      "nk",
      "don't know",
      "dont know",
      "do not know",
      "not sure",
      "unsure",
      "no data",
      "no data available",
      "no information",
      "no baseline",
      "no current baseline",
      "data not available",
      "unavailable",
      "cannot be determined",
      "cannot say",
      "can't say",
      "no figures",
    ],
    note: "Unknowns. 'Unknown demand is modelled with a 10% buffer' still answers.",
  },
  {
    kind: "bare-reference",
    pattern:
      `(?:please )?(?:see|refer to|refer|as per|cf\\.?)${QUALIFIER}${WHICH} ${DOCUMENT}${LABEL}?` +
      `|(?:please )?(?:see|refer to|as per) (?:attached|separate|separately|enclosed|above|below|[a-z]{1,4}[0-9][0-9a-z.]*)` +
      `|(?:as )?(?:set out|detailed|described|included|contained|outlined|covered|provided|available|given|explained|shown|summari[sz]ed|found) in${QUALIFIER}${WHICH} ${DOCUMENT}${LABEL}?` +
      `|(?:appendix|annexe?|section|page|chapter|table|figure|attachment|tab|slide|paragraph|para|p\\.|pp\\.)${LABEL}` +
      "|as above|as below|attached|enclosed|ditto|ibid",
    note: "'See appendix 4', 'see attached', 'refer to annex B', 'as set out in the PCBC': a pointer with no content. 'See appendix 4 for the full model; in short, 12 WTE are needed' answers.",
  },
  {
    kind: "bare-reference",
    pattern:
      "(?:please )?(?:see|refer to|as per|covered (?:under|in|by)|addressed (?:under|in|by)|answered (?:under|in)|dealt with (?:under|in))" +
      `(?: our| the)?(?: (?:response|answer|reply|narrative|section)s?(?: to| under| for| in| at))?(?: the)? ${PRINCIPLE}` +
      "|as (?:previously |already )?(?:stated|described|mentioned|noted|explained|set out)(?: (?:above|below|earlier|previously|before|elsewhere))?" +
      "|(?:covered|addressed|answered|dealt with|described|discussed|explained|included) (?:above|below|earlier|previously|elsewhere)" +
      "(?: in (?:this|the) (?:document|proposal|business case|submission|pcbc|dmbc))?" +
      "|(?:see|same as|refer to) (?:above|below|earlier|previous|previously|later|elsewhere)(?: (?:answer|response|section|question|page))?" +
      `|(?:this|the present|the current)${WHICH} (?:document|business case|pcbc|dmbc|sobc|obc|fbc|proposal|paper|submission|report)`,
    note: "Pointers inside the proposal itself: 'see our response to LDN-3', 'as stated above', 'covered elsewhere'; and the proposal cited as its own evidence, 'this pre-consultation business case'.",
  },
  {
    kind: "not-applicable",
    phrases: ["n/a", "n.a.", "n.a", "na", "not applicable", "none", "nil", "nothing", "not relevant", "does not apply", "doesn't apply", "no comment"],
    note: "Not applicable where an answer is required. 'N/A for children: the unit treats adults only' answers.",
  },
];

/**
 * Words that carry no content of their own once a non-answer phrase is removed: "to be confirmed
 * BY THE END OF the month", "Dr TBC". A value is a non-answer when fewer than MIN_CONTENT_WORDS
 * other words remain.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the to be been being is are was were will shall would should could can may might must has have had do does did of in on at " +
    "by for with from into onto via as per cent percent and or but nor if then than so this that these those it its there here we our " +
    "us they their them i you your he she his her yet still currently presently now soon later shortly once when until till after " +
    "before during due expected expect following further full final more all any some also detail details information info " +
    "confirmation confirm confirmed agree agreed decide decided determine determined provide provided review reviewed finalise " +
    "finalised complete completed approval sign off update updates updated date dates time times stage point week weeks month " +
    "months year years quarter q1 q2 q3 q4 january february march april may june july august september october november december " +
    "jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn winter early mid late end start beginning please note " +
    "etc dr mr mrs ms prof only"
  ).split(" "),
);

/** Fewer content words than this, once the non-answer phrases are gone, and the whole value is a non-answer. */
export const MIN_CONTENT_WORDS = 3;

/**
 * Fields that name a list item, tried in this order: a clinical lead whose `name` is "TBC" is not
 * named, whatever their role says; an activity or a risk is its `description`. An item without
 * one is a non-answer when every field is. (Sections are never judged by one field.)
 */
export const NAMING_FIELDS: readonly string[] = ["name", "title", "organisation", "service", "group", "source", "description"];

/**
 * Words that pad a text out without saying anything ("blah blah", "etc etc", the lorem ipsum words
 * that can appear without "lorem"). A text whose words are more than half these is filler.
 */
export const PADDING_WORDS: ReadonlySet<string> = new Set(
  (
    "blah blahs bla blabla blahblah etc etcetera cetera lorem ipsum lipsum dolor amet consectetur adipiscing elit eiusmod " +
    "tempor incididunt yada yadda asdf asdfgh asdfghjkl qwerty foo foobar xyz zzz"
  ).split(" "),
);

/**
 * Short words that may repeat in any sentence, so never count as the word a text repeats: "the",
 * "and", and single letters such as the A in "Site A, Site B, Site C". They still count among its words.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  "a an the and or nor but of to in on at by for with from as is are was were be been it its this that we our us they their".split(" "),
);

/** A text of at least this many words is filler when one word (not a stop word) is more than half of them. */
export const MIN_REPEATED_WORDS = 5;
