import { describe, expect, it } from "vitest";
import { md } from "../../src/report/markdown.js";
import { renderGfm } from "../helpers/sinks.js";

// Found by tests/hostile/sinks.property.test.ts (seed -101536124): a field holding a blank line and then
// indented text opened an indented code block in the Markdown report, where text then reads as code.
describe("Markdown text from a document", () => {
  it.each(["\r\n\r\n  ::error::x", "\n\n\n\nx", "\t\tx", "\n\n     five", " \r\n \r\n y"])("never opens a code block at the start of a line: %j", (text) => {
    const html = renderGfm(`${md(text)}\n\n> ${md(text)}\n\n- ${md(text)}\n`);
    expect(html).not.toContain("<pre>");
    expect(html).not.toContain("<code>");
  });
});
