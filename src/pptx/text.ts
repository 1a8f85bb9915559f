import type { TextProps, TextPropsOptions } from './pptxgenjs.js';
import type { Paragraph, Run } from '../html-blocks.js';
import { pt } from './geometry.js';

/** What every run of a text box shares: its font, size, colour, language and direction. */
export interface TextStyle {
  fontFace: string;
  /** CSS px (converted to pt here). */
  size: number;
  color: string;
  lang: string;
  rtl: boolean;
  bold?: boolean;
  italic?: boolean;
  /** Horizontal alignment when it is not the writing direction's start (a numeric table column's). */
  align?: 'left' | 'center' | 'right';
  /** List items get square bullets (package.ts colours them with the accent) unless `none`. */
  bullets?: 'square' | 'none';
  /** Space after each paragraph, CSS px. */
  spaceAfter?: number;
  monoFace?: string;
}

/**
 * Paragraphs → pptxgenjs text runs. Each paragraph's paragraph options
 * (bullet, level, direction) go on its FIRST run only and its last run ends
 * with `breakLine`: pptxgenjs starts a paragraph at a run with a bullet and
 * ends one at `breakLine`, and writes an `<a:pPr>` for every run (repair.ts
 * keeps only the first, https://github.com/gitbrent/Pptx/pull/1083).
 */
export function textRuns(paragraphs: Paragraph[], style: TextStyle): TextProps[] {
  const runs: TextProps[] = [];
  const numbered = paragraphs.filter((p) => p.number !== undefined);
  const startAt = numbered[0]?.number ?? 1;
  paragraphs.forEach((paragraph, index) => {
    const last = index === paragraphs.length - 1;
    const own: TextStyle = { ...style, ...paragraph.look };
    paragraph.runs.forEach((run, i) => {
      const options: TextPropsOptions = {
        ...runStyle(run, own, paragraph),
        ...(i === 0 ? paragraphOptions(paragraph, own, startAt) : {}),
        ...(i === paragraph.runs.length - 1 && !last ? { breakLine: true } : {}),
        ...(run.breakBefore && i > 0 ? { softBreakBefore: true } : {}),
      };
      runs.push({ text: run.text, options });
    });
  });
  return runs;
}

function runStyle(run: Run, style: TextStyle, paragraph: Paragraph): TextPropsOptions {
  return {
    // On every run, not just the paragraph's first: pptxgenjs starts a new paragraph where `align` changes.
    align: style.align ?? (style.rtl ? 'right' : 'left'),
    fontFace: run.code ? (style.monoFace ?? 'Consolas') : style.fontFace,
    fontSize: pt(paragraph.heading ? style.size * 1.05 : style.size),
    color: style.color,
    lang: style.lang,
    rtlMode: style.rtl,
    ...(run.bold || style.bold || paragraph.heading ? { bold: true } : {}),
    ...(run.italic || style.italic || paragraph.quote ? { italic: true } : {}),
    ...(run.strike ? { strike: 'sngStrike' as const } : {}),
    ...(run.underline ? { underline: { style: 'sng' as const } } : {}),
    ...(run.superscript ? { superscript: true } : {}),
    ...(run.subscript ? { subscript: true } : {}),
    ...(run.link ? { hyperlink: { url: run.link } } : {}),
  };
}

function paragraphOptions(paragraph: Paragraph, style: TextStyle, startAt: number): TextPropsOptions {
  const options: TextPropsOptions = {
    rtlMode: style.rtl,
    paraSpaceAfter: pt(style.spaceAfter ?? 12),
  };
  if (paragraph.level > 0 && paragraph.number !== undefined) {
    options.bullet = { type: 'number', numberStartAt: startAt, indent: pt(52) };
  } else if (paragraph.level > 0 && style.bullets !== 'none') {
    options.bullet = { characterCode: '25A0', indent: pt(30) };
  }
  if (paragraph.level > 1) options.indentLevel = paragraph.level - 1;
  return options;
}

/** Plain text (a footer, a byline) as one run in the style. */
export function plainRuns(text: string, style: TextStyle): TextProps[] {
  return textRuns([{ runs: [{ text }], level: 0 }], style);
}

/** The text of runs, for the overflow estimate. */
export function runsText(runs: Run[]): string {
  return runs.map((run) => run.text).join('');
}
