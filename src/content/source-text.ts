/**
 * Control characters (BEL, ESC, backspace …; not tab or newline) have no place
 * in a briefing and are invalid in HTML: copy-and-paste brings them in, so they
 * are dropped, as are those written as YAML escapes (see yaml.ts).
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '');
}

/** Line breaks in a piece of the source: how far a line number moves across it. */
export function countNewlines(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\n') n++;
  return n;
}
