/**
 * Turns the HTML that mammoth makes of a Word document into Markdown. mammoth writes a small,
 * well-formed set of tags (headings, paragraphs, lists, tables, emphasis, links), so a tag-by-tag
 * rewrite is enough; anything else is dropped and its text kept.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? "");
}

function inline(html: string): string {
  const marked = html
    .replace(/<(strong|b)>/g, "**")
    .replace(/<\/(strong|b)>/g, "**")
    .replace(/<\/?(em|i)>/g, "*")
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, (_, href: string, text: string) => (text === href ? href : `${text} (${href})`))
    .replace(/<br ?\/?>/g, " ")
    .replace(/<[^>]*>/g, "");
  return decode(marked).replace(/\s+/g, " ").trim();
}

/** Markdown for mammoth's HTML: one block per heading, paragraph, list item or table row. */
export function htmlToMarkdown(html: string): string {
  const blocks: string[] = [];
  const pattern = /<(h[1-6]|p|li|tr)\b[^>]*>([\s\S]*?)<\/\1>/g;
  for (const match of html.matchAll(pattern)) {
    const tag = match[1] as string;
    const body = match[2] as string;
    if (tag === "tr") {
      const cells = [...body.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => inline(c[1] as string));
      if (cells.some(Boolean)) blocks.push(`| ${cells.join(" | ")} |`);
      continue;
    }
    const text = inline(body);
    if (!text) continue;
    if (tag.startsWith("h")) blocks.push(`${"#".repeat(Number(tag[1]))} ${text}`);
    else if (tag === "li") blocks.push(`- ${text}`);
    else blocks.push(text);
  }
  return `${blocks.join("\n\n")}\n`;
}
