import type { PptxSlide, TableRow, TextProps, TextPropsOptions } from './pptxgenjs.js';
import { imageSize } from 'image-size';
import type { MediaFile } from '../content/model.js';
import type { Block, CellAlign, Paragraph, Run } from '../html-blocks.js';
import { type TextStyle, runsText, textRuns } from './text.js';
import { inch, pt } from './geometry.js';
import type { PptxLook } from './look.js';

/** A box on the slide, in CSS px. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Average glyph width in em, for the fonts the PPTX names or Office puts in their place: Source Sans 3 about 0.47, Calibri 0.49 (DejaVu Sans, where LibreOffice has neither, is wider: 0.55). */
const GLYPH_EM = 0.48;

/**
 * Rough height of paragraphs in a box `width` px wide: PowerPoint lays text
 * out when it opens the file, so this can only estimate (average glyph GLYPH_EM,
 * 1.25 line height). It places what follows a text block and finds text that
 * cannot fit (a warning naming the slide).
 */
export function textHeight(paragraphs: Paragraph[], style: TextStyle, width: number): number {
  const spacing = style.spaceAfter ?? 12;
  return paragraphs.reduce((sum, p) => {
    const size = p.look?.size ?? style.size;
    const perLine = Math.max(1, Math.floor(width / (size * GLYPH_EM)));
    const lines = runsSplit(p.runs).reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
    return sum + lines * size * 1.25 + spacing;
  }, 0);
}

function runsSplit(runs: Run[]): string[] {
  const lines: string[] = [''];
  for (const run of runs) {
    if (run.breakBefore) lines.push('');
    lines[lines.length - 1] += run.text;
  }
  return lines.length ? lines : [runsText(runs)];
}

export interface FlowContext {
  slide: PptxSlide;
  look: PptxLook;
  media: MediaFile[];
  /** Text style per block (body text, or a list's style). */
  style: TextStyle;
  /** The first text block goes into this placeholder (so the slide's body is the layout's body); the rest into text boxes. */
  placeholder?: string;
}

/**
 * Places blocks top to bottom in `box`: text blocks as paragraphs, tables as
 * native tables, pictures scaled into the room that is left. Returns how far
 * past the box's bottom the content reaches (px; 0 when it fits).
 */
export function flowBlocks(blocks: Block[], box: Box, context: FlowContext): number {
  let y = box.y;
  let placeholder = context.placeholder;
  const bottom = box.y + box.h;
  blocks.forEach((block, index) => {
    const remaining = bottom - y;
    if (block.type === 'text') {
      const height = textHeight(block.paragraphs, context.style, box.w);
      const last = index === blocks.length - 1;
      const h = last ? Math.max(remaining, 20) : Math.max(height, 20);
      addText(context, textRuns(block.paragraphs, context.style), { ...box, y, h }, placeholder);
      placeholder = undefined;
      y += height + 8;
    } else if (block.type === 'table') {
      y += addTable(context, block, { ...box, y, h: remaining }) + 16;
    } else {
      y += addImage(context, block, { ...box, y, h: remaining }) + 16;
    }
  });
  return Math.max(0, Math.round(y - 8 - bottom));
}

export function addText(
  { slide }: { slide: PptxSlide },
  runs: TextProps[],
  box: Box,
  placeholder?: string,
  extra: TextPropsOptions = {},
): void {
  slide.addText(runs, {
    ...(placeholder ? { placeholder } : {}),
    x: inch(box.x),
    y: inch(box.y),
    w: inch(box.w),
    h: inch(box.h),
    margin: 0,
    valign: 'top',
    ...extra,
  });
}

function addTable(context: FlowContext, block: Extract<Block, { type: 'table' }>, box: Box): number {
  const { colours } = context.look;
  const style = { ...context.style, size: Math.min(context.style.size, 20), bullets: 'none' as const, spaceAfter: 0 };
  const rows: TableRow[] = block.rows.map((row) =>
    row.cells.map((cell, i) => ({
      text: textRuns([{ runs: cell.length ? cell : [{ text: '' }], level: 0 }], {
        ...style,
        bold: row.header,
        align: cellAlign(row.align[i], style.rtl),
      }),
      options: {
        fill: { color: row.header ? colours.tint : colours.paper },
        border: { type: 'solid' as const, color: colours.rule, pt: 0.75 },
        margin: [4, 6, 4, 6] as [number, number, number, number],
      },
    })),
  );
  const rowHeight = style.size * 1.25 + 12;
  context.slide.addTable(rows, { x: inch(box.x), y: inch(box.y), w: inch(box.w), fontSize: pt(style.size) });
  return rows.length * rowHeight;
}

/** A numeric column's `end` is the right in a left-to-right deck, the left in a right-to-left one. */
function cellAlign(align: CellAlign, rtl: boolean): TextStyle['align'] {
  return align === 'end' ? (rtl ? 'left' : 'right') : align;
}

function addImage(context: FlowContext, block: Extract<Block, { type: 'image' }>, box: Box): number {
  const file = findMedia(context.media, block.src);
  if (!file) return 0;
  const size = imageSize(file.contents);
  const naturalWidth = size.width ?? box.w;
  const naturalHeight = size.height ?? box.h;
  // As the theme does: never wider than the column, never taller than 360 px or the room left.
  const scale = Math.min(1, box.w / naturalWidth, Math.min(360, Math.max(box.h, 60)) / naturalHeight);
  const w = naturalWidth * scale;
  const h = naturalHeight * scale;
  context.slide.addImage({
    data: dataUrl(file),
    x: inch(context.style.rtl ? box.x + box.w - w : box.x),
    y: inch(box.y),
    w: inch(w),
    h: inch(h),
    altText: block.alt,
  });
  return h;
}

export function findMedia(media: MediaFile[], src: string): MediaFile | undefined {
  return media.find((file) => file.to === src || encodeURI(file.to) === src);
}

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

/** pptxgenjs reads `data:` images as they are (a path would make it read the disk, or fetch a URL: never here). */
export function dataUrl(file: MediaFile): string {
  const type = imageSize(file.contents).type ?? 'png';
  return `data:${MIME[type] ?? `image/${type}`};base64,${Buffer.from(file.contents).toString('base64')}`;
}
