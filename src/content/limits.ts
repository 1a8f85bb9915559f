import { ContentError, type Location } from '../errors.js';
import type { LineKind } from './blocks.js';

/**
 * Limits that no real briefing reaches, checked with a cheap scan BEFORE marked
 * reads the text: marked recurses once per level of nesting and runs regular
 * expressions over whole paragraphs, so a 2 KB line of 2,000 `>` overflowed the
 * stack, lists nested 1,500 deep took 32 s and 1.4 GB, and a single 8 MB
 * paragraph overflowed the stack inside a RegExp (all "internal errors").
 */
export const LIMITS = {
  /** 6 MB: a briefing is a few pages; a paragraph of 8 MB overflows marked's regular expressions. */
  fileBytes: 6 * 1024 * 1024,
  /** Block quotes and lists inside each other. */
  blockNesting: 20,
  /** Emphasis markers (`*`, `_`, `~`) opened and not yet closed in one paragraph. */
  emphasisNesting: 20,
};

export function checkFileSize(bytes: number, file: string): void {
  if (bytes > LIMITS.fileBytes) throw fileSizeError(bytes, file);
}

/** The error for a content file of `bytes`, over the limit (also what readRegularFile throws for one). */
export function fileSizeError(bytes: number, file: string): ContentError {
  return new ContentError(
    `the file is ${megabytes(bytes)} (the limit is ${megabytes(LIMITS.fileBytes)})`,
    'a briefing is a few pages: keep the article itself as its source, or split the briefing into several files',
    { file },
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

// A container marker at the start of what is left of a line: a block quote's `>`, or a list item's
// bullet or number followed by spaces (or the end of the line).
const QUOTE = /^( *)>( ?)/;
const LIST_ITEM = /^( *)([-+*]|\d{1,9}[.)])( +|$)/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * Throws at the first line nested deeper than the limits. Block nesting is
 * counted like CommonMark containers: the `>` at the start of the line, plus
 * the list items the line is inside, known from the columns where the open
 * items' content starts (a line indented at least that far belongs to them).
 * Only list-item lines, and paragraphs after a blank line, close items: a lazy
 * continuation line does not, so the count is never lower than marked's.
 */
export function checkNesting(lines: string[], kinds: LineKind[], firstLine: number, file: string): void {
  const contentColumns: number[] = [];
  let emphasis = 0;
  let afterBlank = true;
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\t/g, '    ');
    const where = { file, line: firstLine + i };
    if (kinds[i] !== 'text' || line.trim() === '') {
      emphasis = 0;
      afterBlank = line.trim() === '';
      continue;
    }
    if (HEADING.test(line)) {
      contentColumns.length = 0;
      emphasis = 0;
      afterBlank = false;
      continue;
    }
    let column = 0;
    let quotes = 0;
    let listItem = false;
    // Marker by marker, checking as it goes: a line can hold thousands (`>>>>…`, `- - - …`).
    for (let rest = line; ; rest = line.slice(column)) {
      const quote = QUOTE.exec(rest);
      const item = quote ? null : LIST_ITEM.exec(rest);
      if (quote) {
        quotes++;
        column += quote[0].length;
      } else if (item) {
        const marker = column + item[1]!.length;
        const spaces = item[3]!.length;
        closeItemsRightOf(contentColumns, marker);
        // Five or more spaces after the marker start an indented code block: the content starts after one.
        contentColumns.push(marker + item[2]!.length + (spaces > 4 || spaces === 0 ? 1 : spaces));
        column += item[0].length;
        listItem = true;
      } else break;
      checkBlockDepth(quotes + contentColumns.length, where);
    }
    if (listItem) emphasis = 0;
    // After a blank line, a paragraph less indented than an item's content is no longer in that item.
    else if (afterBlank) closeItemsRightOf(contentColumns, column + /^ */.exec(line.slice(column))![0].length);
    checkBlockDepth(quotes + contentColumns.length, where);
    emphasis = emphasisDepth(line.slice(column), emphasis, where);
    afterBlank = false;
  }
}

/**
 * How many emphasis markers are open after `text`, starting with `open`: a run
 * of `*`, `_` or `~` with a space (or nothing) before it and text after it
 * opens as many levels as it is long; one with text before it and a space
 * after it closes them. A run inside a word (`snake_case`, `2*3`) does neither.
 */
function emphasisDepth(text: string, open: number, where: Location): number {
  let depth = open;
  for (const run of text.matchAll(/(?<![*_~\\])([*_~])\1*/g)) {
    const before = text[run.index - 1];
    const after = text[run.index + run[0].length];
    const opens = after !== undefined && !/\s/.test(after) && (before === undefined || /[\s\p{P}\p{S}]/u.test(before));
    const closes = before !== undefined && !/\s/.test(before) && (after === undefined || /[\s\p{P}\p{S}]/u.test(after));
    if (opens && !closes) depth += run[0].length;
    else if (closes && !opens) depth = Math.max(0, depth - run[0].length);
    if (depth > LIMITS.emphasisNesting) {
      throw new ContentError(
        `emphasis nested ${depth} deep (the limit is ${LIMITS.emphasisNesting})`,
        'close each `*`, `_` or `~` emphasis before opening another, or write a literal one as `\\*`',
        where,
      );
    }
  }
  return depth;
}

function closeItemsRightOf(contentColumns: number[], column: number): void {
  while (contentColumns.length && contentColumns[contentColumns.length - 1]! > column) contentColumns.pop();
}

function checkBlockDepth(depth: number, where: Location): void {
  if (depth <= LIMITS.blockNesting) return;
  throw new ContentError(
    `block quotes and lists nested ${depth} deep (the limit is ${LIMITS.blockNesting})`,
    'a slide can show a few levels at most: flatten the list or quote',
    where,
  );
}
