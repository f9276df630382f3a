import { breakCommands, showHidden } from "../model/escape.js";

/**
 * The last step of escaping HTML or XML character data, after `&`, `<` and `>`: hidden characters
 * are shown as `\uXXXX`, and a workflow-command marker is broken with a character reference, which
 * a parser reads back as the same character.
 */
export function markupSafe(escaped: string): string {
  return breakCommands(showHidden(escaped), (c) => `&#${c.codePointAt(0)};`);
}
