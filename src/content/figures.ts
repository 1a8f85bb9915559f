import type { Token, Tokens } from 'marked';
import { ContentError } from '../errors.js';
import { escapeHtml } from '../html-text.js';

/**
 * Figures: an image alone in its paragraph is shown as a figure, its markdown
 * title as the caption. Attributes in braces right after it, Pandoc/Quarto
 * style (https://pandoc.org/MANUAL.html#extension-link_attributes), give its
 * width and credit:
 *
 *     ![Casualties by month](casualties.svg "Casualties, 2023–2024"){width=60% credit="ACLED"}
 *
 * The credit is the source's name; the deck puts it after the label `credit`
 * ("Credit: ACLED"). Where a figure sits beside the text of its slide, or fills
 * a slide alone, is the body's choice (content/sections.ts), told by `placement`.
 */
export interface FigureAttributes {
  /** Width as a percentage of the column the figure sits in (10–100). */
  width?: number;
  credit?: string;
}

export type FigurePlacement = 'inline' | 'beside' | 'alone';

/** A paragraph token that is one figure; the lexing stage adds its attributes and placement. */
export interface FigureParagraph extends Tokens.Paragraph {
  figure?: { attributes: FigureAttributes; placement: FigurePlacement };
}

const ATTRIBUTES = /^\{([^{}]*)\}\s*$/;
/** One `key=value` pair: a bare value or a double-quoted one (with `\"` for a quotation mark). */
const PAIR = /\s*([A-Za-z][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))\s*/y;
const WIDTH = /^(\d{1,3})%$/;
const ATTRIBUTES_HINT = 'write them as {width=60% credit="Source name"}, right after the image on its own line';

/**
 * The image of a paragraph that holds nothing else (apart from its attribute
 * braces), with the text of the braces; undefined for any other paragraph.
 */
function loneImage(paragraph: Tokens.Paragraph): { image: Tokens.Image; braces?: string } | undefined {
  const [first, ...others] = paragraph.tokens;
  if (first?.type !== 'image') return undefined;
  const after = others.map((token) => token.raw).join('');
  if (!after.trim()) return { image: first as Tokens.Image };
  return ATTRIBUTES.test(after) ? { image: first as Tokens.Image, braces: after } : undefined;
}

/** Parses the text of `{…}`; throws a ContentError at `line` for an unknown name or a bad value. */
export function parseFigureAttributes(braces: string, file: string, line: number): FigureAttributes {
  const inner = ATTRIBUTES.exec(braces)?.[1] ?? '';
  const attributes: FigureAttributes = {};
  PAIR.lastIndex = 0;
  let at = 0;
  while (at < inner.length) {
    PAIR.lastIndex = at;
    const pair = PAIR.exec(inner);
    if (!pair) {
      if (!inner.slice(at).trim()) break;
      throw new ContentError(`cannot read the image attributes "${braces.trim()}"`, ATTRIBUTES_HINT, { file, line });
    }
    at = PAIR.lastIndex;
    const [, name, quoted, bare] = pair;
    const value = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : bare!;
    if (name === 'width') {
      const percent = WIDTH.exec(value);
      const width = percent ? Number(percent[1]) : Number.NaN;
      if (!(width >= 10 && width <= 100))
        throw new ContentError(
          `image width "${value}" is not a percentage from 10% to 100%`,
          'write it as width=60% (of the column the image sits in)',
          { file, line },
        );
      attributes.width = width;
    } else if (name === 'credit') {
      if (!value.trim())
        throw new ContentError('an image credit is empty', 'name the source, credit="Source name", or leave it out', {
          file,
          line,
        });
      attributes.credit = value.trim();
    } else {
      throw new ContentError(
        `unknown image attribute "${name}"`,
        `an image takes width and credit: ${ATTRIBUTES_HINT}`,
        { file, line },
      );
    }
  }
  return attributes;
}

/**
 * Marks each top-level paragraph of `tokens` that is a lone image as a figure
 * (with its attributes, checked at `lineOf(token)`), placed `inline`; returns
 * the figures. Attribute braces after an image inside other text are an error:
 * only a figure takes them.
 */
export function markFigures(tokens: readonly [Token, number][], file: string): FigureParagraph[] {
  const figures: FigureParagraph[] = [];
  for (const [token, line] of tokens) {
    if (token.type !== 'paragraph') continue;
    const paragraph = token as FigureParagraph;
    const lone = loneImage(paragraph);
    if (lone) {
      const attributes = lone.braces ? parseFigureAttributes(lone.braces, file, line) : {};
      paragraph.figure = { attributes, placement: 'inline' };
      figures.push(paragraph);
    } else {
      checkNoStrayAttributes(paragraph, file, line);
    }
  }
  return figures;
}

/** `![a](b.png){width=50%}` in the middle of a sentence: braces that would silently show as text. */
function checkNoStrayAttributes(paragraph: Tokens.Paragraph, file: string, line: number): void {
  paragraph.tokens.forEach((token, index) => {
    const next = paragraph.tokens[index + 1];
    if (token.type === 'image' && next?.type === 'text' && /^\{[^{}]*=[^{}]*\}/.test(next.raw))
      throw new ContentError(
        'image attributes apply only to an image on its own line',
        'put the image in a paragraph of its own, or remove the {…} after it',
        { file, line },
      );
  });
}

/**
 * The HTML of a figure paragraph: the image, then a caption holding the title
 * and the credit (the deck adds the credit's label: deck/figure-credits.ts).
 * The classes and the width style are the only ones the sanitizer lets through.
 */
export function figureHtml(paragraph: FigureParagraph, imageHtml: string): string {
  const { attributes, placement } = paragraph.figure!;
  const image = paragraph.tokens[0] as Tokens.Image;
  const caption = image.title ? `<span class="figure__caption">${escapeHtml(image.title)}</span>` : '';
  const credit = attributes.credit ? `<span class="figure__credit">${escapeHtml(attributes.credit)}</span>` : '';
  const style = attributes.width ? ` style="width:${attributes.width}%"` : '';
  const captionHtml =
    caption || credit ? `<figcaption>${[caption, credit].filter(Boolean).join(' ')}</figcaption>` : '';
  return `<figure class="figure figure--${placement}"${style}>${imageHtml}${captionHtml}</figure>\n`;
}
