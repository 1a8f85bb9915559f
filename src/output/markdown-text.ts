import { type Block, type CellAlign, type Paragraph, type Run, htmlBlocks, htmlRuns } from '../html-blocks.js';

/*
 * Sanitized HTML fields and plain text as Markdown that any renderer (CommonMark, GitHub, a text
 * editor's preview) shows as the text it is: every character that could start markup is escaped
 * (a title `# *x*`, a bullet that starts `1.`, a `<b>` written as text), while the content's own
 * markup is written as Markdown (bold, italic, code, strike-through, links, lists, quotes, tables,
 * images). The HTML is read by html-blocks.ts, as the PowerPoint writer reads it.
 */

/** Inline punctuation that CommonMark or GFM can read as markup anywhere in a line (`$`: GitHub's math). */
const INLINE_MARKUP = /[\\`*_[\]<>~|$]/g;
/** Character references (`&copy;`, `&#169;`) would be decoded by a renderer: their `&` is escaped. */
const REFERENCE = /&(?=#?[0-9a-z]+;)/gi;
/** What opens a block at the start of a line: a heading, quote, list item, thematic break or setext underline. */
const LINE_START = /^(?:[#>+\-=]|\d{1,9}(?=[.)]))/;

/** Plain text, escaped so that it reads as text. `lineStart`: it begins a line. */
export function escapeMarkdown(text: string, lineStart = true): string {
  const escaped = text.replace(INLINE_MARKUP, '\\$&').replace(REFERENCE, '\\&');
  if (!lineStart) return escaped;
  const opening = LINE_START.exec(escaped);
  if (!opening) return escaped;
  // "1." → "1\.": the number stays readable; "#", ">", "-" … get a backslash before them.
  return /^\d/.test(opening[0]) ? `${opening[0]}\\${escaped.slice(opening[0].length)}` : `\\${escaped}`;
}

/** Inline HTML (a title, an attribution) as one line of Markdown; `<br>`s become spaces. */
export function inlineMarkdown(html: string): string {
  return runsMarkdown(htmlRuns(html).map((run) => (run.breakBefore ? { ...run, text: ` ${run.text}` } : run)));
}

/** Block HTML (a lead, a note, a list item) as Markdown lines; `indent` is the column its lines start at (inside a list item). */
export function blocksMarkdown(html: string, indent = ''): string {
  return htmlBlocks(html)
    .map((block) => blockMarkdown(block, indent))
    .filter(Boolean)
    .join('\n\n');
}

/** A list item on a slide: its marker (`- `, `7. `) before its first paragraph, the rest indented under it. */
export function listItemMarkdown(html: string, marker: string): string {
  const indent = ' '.repeat(marker.length);
  const body = blocksMarkdown(html, indent);
  return `${marker}${body.slice(indent.length)}`;
}

function blockMarkdown(block: Block, indent: string): string {
  switch (block.type) {
    case 'image': {
      const image = `${indent}![${escapeMarkdown(block.alt, false)}](${linkTarget(block.src)})`;
      const caption = block.beside?.caption ?? [];
      return caption.length ? `${image}\n\n${paragraphsMarkdown(caption, indent)}` : image;
    }
    case 'table':
      return tableMarkdown(block, indent);
    case 'text':
      return paragraphsMarkdown(block.paragraphs, indent);
  }
}

/**
 * Paragraphs at list levels 1, 2 … are list items (nested under the item above); a `continued` one
 * is a further paragraph of the item above, indented to its text. Items follow each other line by
 * line; every other paragraph stands apart by a blank line (a quote's by a `>` line).
 */
function paragraphsMarkdown(paragraphs: Paragraph[], indent: string): string {
  /** Where the text of each open list level starts: `columns[0]` is the body's own indent. */
  const columns: string[] = [indent];
  let out = '';
  let previous: Paragraph | undefined;
  for (const paragraph of paragraphs) {
    const { level } = paragraph;
    let first: string;
    let rest: string;
    if (isItem(paragraph)) {
      const marker = paragraph.number === undefined ? '- ' : `${paragraph.number}. `;
      const base = columns[Math.min(level - 1, columns.length - 1)]!;
      columns.length = level;
      columns.push(base + ' '.repeat(marker.length));
      [first, rest] = [base + marker, columns[level]!];
    } else {
      const base = columns[Math.min(level, columns.length - 1)]!;
      first = rest = paragraph.quote ? `${base}> ` : base;
    }
    if (previous) {
      if (isItem(paragraph) && isItem(previous)) out += '\n';
      else if (paragraph.quote && previous.quote && !isItem(paragraph)) out += `\n${first.trimEnd()}\n`;
      else out += '\n\n';
    }
    const runs = paragraph.heading ? paragraph.runs.map((run) => ({ ...run, bold: true })) : paragraph.runs;
    out += first + runsMarkdown(runs, rest);
    previous = paragraph;
  }
  return out;
}

function isItem(paragraph: Paragraph): boolean {
  return paragraph.level > 0 && !paragraph.continued;
}

/** GFM's delimiter row keeps the deck's column alignment (a numeric column's is right). */
const DELIMITERS = { none: '---', left: ':---', center: ':---:', right: '---:', end: '---:' } as const;

/** A table as a GFM table; its first row is the header (GFM tables need one). */
function tableMarkdown(block: Extract<Block, { type: 'table' }>, indent: string): string {
  const width = Math.max(...block.rows.map((row) => row.cells.length));
  const row = (cells: string[]) =>
    `${indent}| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head, ...body] = block.rows.map((r) => r.cells.map((cell) => runsMarkdown(cell).replace(/\\\n\s*/g, ' ')));
  if (!head) return '';
  const delimiter = (align: CellAlign) => DELIMITERS[align ?? 'none'];
  const aligns = block.rows[0]!.align;
  const delimiters = Array.from({ length: width }, (_, i) => delimiter(aligns[i]));
  return [row(head), row(delimiters), ...body.map(row)].join('\n');
}

type Style = Pick<Run, 'bold' | 'italic' | 'code' | 'strike' | 'link'>;

/**
 * Runs as one Markdown paragraph: runs with the same style and link are joined, then each gets its
 * markers (spaces kept outside them, where emphasis can close); a `<br>` is a hard line break
 * (`\` at the end of a line), the next line starting at `indent`.
 */
function runsMarkdown(runs: Run[], indent = ''): string {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && !run.breakBefore && sameStyle(last, run)) last.text += run.text;
    else merged.push({ ...run });
  }
  let out = '';
  let group: Run[] = [];
  const flushLink = () => {
    if (!group.length) return;
    const text = group.map((run) => styled(run, false)).join('');
    out += markdownLink(text, group[0]!.link!);
    group = [];
  };
  let lineStart = true;
  for (const run of merged) {
    if (run.breakBefore) {
      flushLink();
      out = `${out.trimEnd()}\\\n${indent}`;
      lineStart = true;
    }
    if (run.link) {
      if (group.length && group[0]!.link !== run.link) flushLink();
      group.push(run);
    } else {
      flushLink();
      out += styled(run, lineStart);
    }
    lineStart = false;
  }
  flushLink();
  return out;
}

function sameStyle(a: Style, b: Style): boolean {
  return (
    Boolean(a.bold) === Boolean(b.bold) &&
    Boolean(a.italic) === Boolean(b.italic) &&
    Boolean(a.code) === Boolean(b.code) &&
    Boolean(a.strike) === Boolean(b.strike) &&
    a.link === b.link
  );
}

/** One run with its emphasis markers; whitespace at its ends stays outside them (`** x**` would not close). */
function styled(run: Run, lineStart: boolean): string {
  const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
  if (!core) return run.text;
  if (run.code) return `${before}${codeSpan(core)}${after}`;
  let text = escapeMarkdown(core, lineStart && !before);
  if (run.strike) text = `~~${text}~~`;
  if (run.italic) text = `*${text}*`;
  if (run.bold) text = `**${text}**`;
  return `${before}${text}${after}`;
}

/** Code as a code span: fenced with one backtick more than the longest run of them inside (CommonMark 6.1). */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((ticks) => ticks.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A link: `text` is Markdown already. */
export function markdownLink(text: string, href: string): string {
  return `[${text}](${linkTarget(href)})`;
}

/** A link or image target that cannot end the link early: spaces, parentheses and angle brackets percent-encoded. */
function linkTarget(href: string): string {
  return href.replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
