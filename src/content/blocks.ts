/**
 * Which lines of markdown are literal: inside a fenced code block or an HTML
 * comment, where a `## heading`, a `>` or a list marker is not markdown. A
 * cheap line scan, run before marked, so that sections are split (and nesting
 * is measured) the way marked will read the text.
 *
 * The rules are CommonMark's (https://spec.commonmark.org/0.31.2/#fenced-code-blocks,
 * HTML block type 2 in https://spec.commonmark.org/0.31.2/#html-blocks): a
 * fence closes only with a line of at least as many of the same character and
 * nothing after them; a comment that starts a line runs to the first `-->`.
 */
export type LineKind = 'text' | 'fence' | 'comment';

export interface BlockScan {
  /** One kind per line; a fence's opening and closing lines count as 'fence'. */
  kinds: LineKind[];
  /** 0-based index of the line of a fence that is never closed (marked would take the rest of the text as code). */
  unclosedFence?: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const COMMENT_OPEN = /^ {0,3}<!--/;

export function scanBlocks(lines: string[]): BlockScan {
  const kinds: LineKind[] = [];
  let fence: { marker: string; line: number } | undefined;
  let inComment = false;
  for (const [i, line] of lines.entries()) {
    if (fence) {
      kinds.push('fence');
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1]![0] === fence.marker[0] && close[1]!.length >= fence.marker.length) fence = undefined;
    } else if (inComment || COMMENT_OPEN.test(line)) {
      kinds.push('comment');
      // The `-->` that ends a comment opened on this line must come after its `<!--`.
      const from: number = inComment ? 0 : line.indexOf('<!--') + 4;
      inComment = !line.includes('-->', from);
    } else {
      const open = FENCE_OPEN.exec(line);
      if (open) fence = { marker: open[1]!, line: i };
      kinds.push(open ? 'fence' : 'text');
    }
  }
  return { kinds, unclosedFence: fence?.line };
}
