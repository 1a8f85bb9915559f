import type { Token, Tokens } from 'marked';
import { countNewlines } from './source-text.js';

/**
 * The line each marked token starts on, carried down the token tree rather than found again by
 * searching the source for a token's text (which finds the first place that text occurs, not the
 * token's own). marked's tokens have no positions, but each has its `raw` source text; siblings'
 * raws follow one another, and a container's children are lexed from its content line for line (a
 * list item or a quotation loses its indent or `>` on each line, never a line). So a token starts
 * on its parent's line plus the line breaks in the raws of the siblings before it.
 */

/** Each of `tokens` (siblings, the first starting on `firstLine`) with the line it starts on. */
export function* withLines<T extends { raw: string }>(tokens: readonly T[], firstLine: number): Generator<[T, number]> {
  let line = firstLine;
  for (const token of tokens) {
    yield [token, line + countLeadingNewlines(token.raw)];
    line += countNewlines(token.raw);
  }
}

/** Visits every token of the tree, in the order marked's walkTokens does, with the line it starts on. */
export function walkWithLines(
  tokens: readonly Token[],
  firstLine: number,
  visit: (token: Token, line: number) => void,
): void {
  for (const [token, line] of withLines(tokens, firstLine)) {
    visit(token, line);
    if (token.type === 'table') {
      // One row per line: the header, the delimiter row, then the body rows.
      const table = token as Tokens.Table;
      for (const cell of table.header) walkWithLines(cell.tokens, line, visit);
      table.rows.forEach((row, index) => {
        for (const cell of row) walkWithLines(cell.tokens, line + 2 + index, visit);
      });
    } else if (token.type === 'list') {
      walkWithLines((token as Tokens.List).items, line, visit);
    } else {
      const children = (token as { tokens?: Token[] }).tokens;
      if (children) walkWithLines(children, line, visit);
    }
  }
}

function countLeadingNewlines(text: string): number {
  return /^\n*/.exec(text)![0].length;
}
