import { parseDocument } from 'htmlparser2';

/**
 * A slide's sanitized HTML fields (content/markdown.ts allows a short list of
 * tags) as what PowerPoint holds: paragraphs of styled runs, native tables and
 * pictures. Inline markup becomes run styles; block markup becomes paragraphs.
 */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  strike?: boolean;
  underline?: boolean;
  superscript?: boolean;
  subscript?: boolean;
  link?: string;
  /** A `<br>` before this run: a line break inside the paragraph (shift+enter). */
  breakBefore?: boolean;
}

export interface Paragraph {
  runs: Run[];
  /** 0 for body text; 1, 2 … for list items (nested lists go one deeper). */
  level: number;
  /** Numbered list item: the number it shows. */
  number?: number;
  quote?: boolean;
  heading?: boolean;
  /** A further paragraph of the list item above (a second `<p>` in an `<li>`, text after a nested list): not an item of its own. */
  continued?: boolean;
  /** Size and colour of this paragraph when they differ from its text box's (a lead, a note), CSS px and RRGGBB. */
  look?: { size?: number; color?: string; italic?: boolean };
}

/**
 * A cell's alignment: the markdown's (`---:`), or `end` for a numeric column's
 * cells (class `num`: right, or left in a right-to-left deck, as the theme's `text-align: end`).
 */
export type CellAlign = 'left' | 'center' | 'right' | 'end' | undefined;

export interface TableRow {
  header: boolean;
  cells: Run[][];
  /** One a cell. */
  align: CellAlign[];
}

export type Block =
  | { type: 'text'; paragraphs: Paragraph[] }
  | { type: 'table'; rows: TableRow[] }
  | {
      type: 'image';
      src: string;
      alt: string;
      /** A figure the deck shows beside its slide's text (class figure--beside), with its caption's paragraphs. */
      beside?: { caption: Paragraph[] };
    };

/** The parts of htmlparser2's DOM nodes read here (domhandler's types are not a dependency of their own). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

type Style = Omit<Run, 'text' | 'breakBefore'>;

const INLINE_STYLE: Record<string, Style> = {
  strong: { bold: true },
  b: { bold: true },
  em: { italic: true },
  i: { italic: true },
  cite: { italic: true },
  u: { underline: true },
  ins: { underline: true },
  s: { strike: true },
  del: { strike: true },
  code: { code: true },
  kbd: { code: true },
  sup: { superscript: true },
  sub: { subscript: true },
};

const BLOCK_TAGS = new Set(['p', 'div', 'h3', 'h4', 'h5', 'h6', 'pre', 'dt', 'dd', 'figcaption']);

/** HTML → blocks, in order. Text outside any block element (a bare inline field) is one paragraph. */
export function htmlBlocks(html: string): Block[] {
  const builder = new BlockBuilder();
  builder.walk(parseDocument(html, { decodeEntities: true }).children as DomNode[], {}, 0);
  return builder.finish();
}

/** Inline HTML (a title, an attribution) → runs, block structure flattened. */
export function htmlRuns(html: string): Run[] {
  return htmlBlocks(html).flatMap((block, i) =>
    block.type === 'text'
      ? block.paragraphs.flatMap((p, j) =>
          p.runs.map((run, k) => (k === 0 && (i || j) ? { ...run, breakBefore: true } : run)),
        )
      : [],
  );
}

class BlockBuilder {
  private readonly blocks: Block[] = [];
  private paragraphs: Paragraph[] = [];
  private current?: Paragraph;
  private pendingBreak = false;

  walk(nodes: DomNode[], style: Style, level: number, extra: Partial<Paragraph> = {}): void {
    for (const node of nodes) this.node(node, style, level, extra);
  }

  private node(node: DomNode, style: Style, level: number, extra: Partial<Paragraph>): void {
    if (node.type === 'text') {
      this.text(node.data ?? '', style, level, extra);
      return;
    }
    if (node.type !== 'tag') return;
    const name = node.name ?? '';
    const children = node.children ?? [];
    if (name === 'br') {
      this.pendingBreak = true;
      return;
    }
    if (name === 'img') {
      this.flushText();
      this.blocks.push({ type: 'image', src: node.attribs?.src ?? '', alt: node.attribs?.alt ?? '' });
      return;
    }
    if (name === 'figure' && node.attribs?.class?.split(/\s+/).includes('figure--beside')) {
      this.besideFigure(children);
      return;
    }
    if (name === 'table') {
      this.flushText();
      this.blocks.push({ type: 'table', rows: tableRows(node) });
      return;
    }
    if (name === 'a') {
      this.walk(children, { ...style, link: node.attribs?.href }, level, extra);
      return;
    }
    if (INLINE_STYLE[name]) {
      this.walk(children, { ...style, ...INLINE_STYLE[name] }, level, extra);
      return;
    }
    if (name === 'ul' || name === 'ol') {
      this.endParagraph();
      const start = Number(node.attribs?.start ?? 1) || 1;
      let index = 0;
      for (const child of children) {
        if (child.type !== 'tag' || child.name !== 'li') continue;
        const item = { level: level + 1, ...(name === 'ol' ? { number: start + index } : {}) };
        index += 1;
        this.startParagraph(item);
        this.walk(child.children ?? [], style, level + 1, item);
        this.endParagraph();
      }
      return;
    }
    if (name === 'blockquote') {
      this.block(children, style, level, { ...extra, quote: true });
      return;
    }
    if (name === 'hr') {
      this.endParagraph();
      return;
    }
    if (BLOCK_TAGS.has(name) || name === 'li' || name === 'dl' || name === 'figure') {
      const heading = /^h\d$/.test(name) ? { heading: true } : {};
      this.block(children, name === 'pre' ? { ...style, code: true } : style, level, { ...extra, ...heading });
      return;
    }
    this.walk(children, style, level, extra); // span, abbr, mark, small, q …: their text, unstyled
  }

  /** A figure beside the text: one image block that carries its caption, for the PPTX to place as the deck does. */
  private besideFigure(children: DomNode[]): void {
    this.flushText();
    const tag = (name: string) => children.find((child) => child.type === 'tag' && child.name === name);
    const image = tag('img');
    const captionNode = tag('figcaption');
    const caption = new BlockBuilder();
    caption.walk(captionNode ? [captionNode] : [], {}, 0);
    const paragraphs = caption.finish().flatMap((block) => (block.type === 'text' ? block.paragraphs : []));
    if (image)
      this.blocks.push({
        type: 'image',
        src: image.attribs?.src ?? '',
        alt: image.attribs?.alt ?? '',
        beside: { caption: paragraphs },
      });
  }

  /** A block element: its own paragraph; a paragraph inside a list item continues the item's level. */
  private block(children: DomNode[], style: Style, level: number, extra: Partial<Paragraph>): void {
    const continuing = this.current && this.current.runs.length === 0;
    if (!continuing) {
      this.endParagraph();
      this.startParagraph({ level, ...extra, number: undefined, ...continuedItem(level) });
    }
    this.walk(children, style, level, extra);
    this.endParagraph();
  }

  private text(data: string, style: Style, level: number, extra: Partial<Paragraph>): void {
    // HTML collapses whitespace; a paragraph does not start with it.
    const text = data.replace(/\s+/g, ' ');
    if (!this.current) {
      if (!text.trim()) return;
      this.startParagraph({ level, ...extra, number: undefined, ...continuedItem(level) });
    }
    const paragraph = this.current!;
    const value = paragraph.runs.length === 0 || this.pendingBreak ? text.trimStart() : text;
    if (!value) return;
    paragraph.runs.push({ text: value, ...style, ...(this.pendingBreak ? { breakBefore: true } : {}) });
    this.pendingBreak = false;
  }

  private startParagraph(paragraph: Partial<Paragraph>): void {
    this.current = { runs: [], level: paragraph.level ?? 0, ...paragraph };
    this.pendingBreak = false;
  }

  private endParagraph(): void {
    const paragraph = this.current;
    this.current = undefined;
    this.pendingBreak = false;
    if (!paragraph || paragraph.runs.length === 0) return;
    const last = paragraph.runs.at(-1)!;
    last.text = last.text.trimEnd();
    if (!last.text) paragraph.runs.pop();
    if (paragraph.runs.length) this.paragraphs.push(paragraph);
  }

  private flushText(): void {
    this.endParagraph();
    if (this.paragraphs.length) this.blocks.push({ type: 'text', paragraphs: this.paragraphs });
    this.paragraphs = [];
  }

  finish(): Block[] {
    this.flushText();
    return this.blocks;
  }
}

/** A paragraph that starts inside a list item after the item's first one (only items have a level above 0) continues that item. */
function continuedItem(level: number): Partial<Paragraph> {
  return level > 0 ? { continued: true } : {};
}

function tableRows(table: DomNode): TableRow[] {
  const rows: TableRow[] = [];
  const visit = (node: DomNode, inHead: boolean) => {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue;
      if (child.name === 'tr') {
        const cells = (child.children ?? []).filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
        rows.push({
          header: inHead || cells.every((c) => c.name === 'th'),
          cells: cells.map((cell) => cellRuns(cell)),
          align: cells.map(cellAlign),
        });
      } else visit(child, inHead || child.name === 'thead');
    }
  };
  visit(table, false);
  return rows;
}

function cellAlign(cell: DomNode): CellAlign {
  const align = cell.attribs?.align;
  if (align === 'left' || align === 'center' || align === 'right') return align;
  return cell.attribs?.class?.split(/\s+/).includes('num') ? 'end' : undefined;
}

function cellRuns(cell: DomNode): Run[] {
  const builder = new BlockBuilder();
  builder.walk(cell.children ?? [], {}, 0);
  return builder
    .finish()
    .flatMap((block) => (block.type === 'text' ? block.paragraphs : []))
    .flatMap((p, i) => p.runs.map((run, k) => (k === 0 && i ? { ...run, breakBefore: true } : run)));
}
