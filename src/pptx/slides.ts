import type { Pptx, PptxSlide, TextProps } from './pptxgenjs.js';
import type { Briefing, MediaFile, Source } from '../content/model.js';
import type { Slide, SlideItem } from '../deck/slide.js';
import { itemWithBadge } from '../deck/badge-text.js';
import { citationDetails } from '../deck/citation.js';
import { BRIEFING_KICKERS } from '../deck/plan.js';
import { escapeHtml } from '../html-text.js';
import { type Block, type Paragraph, type Run, htmlBlocks, htmlRuns } from '../html-blocks.js';
import { type Box, type FlowContext, addText, flowBlocks, textHeight } from './flow.js';
import { type Frame, TYPE, inch, pt } from './geometry.js';
import { PLACEHOLDER, TITLE_BOX } from './layouts.js';
import type { Labels } from '../labels/index.js';
import type { PptxLook } from './look.js';
import { type TextStyle, plainRuns, textRuns } from './text.js';

export interface SlideContext {
  pptx: Pptx;
  briefing: Briefing;
  frame: Frame;
  look: PptxLook;
  media: MediaFile[];
  logo?: { data: string; width: number; height: number; alt: string };
  /** The briefing's words (RenderedDeck.labels). */
  labels: Labels;
  /** The name of each slide kind's layout (layoutNames), worked out once a deck. */
  layouts: Record<Slide['kind'], string>;
}

/** Writes one deck slide; returns how many px its content reaches past its box (0 when it fits). */
export function writeSlide(context: SlideContext, deckSlide: Slide): number {
  const slide = context.pptx.addSlide({ masterName: context.layouts[deckSlide.kind] });
  const overflow =
    deckSlide.kind === 'title' ? titleSlide(context, slide, deckSlide) : bodySlide(context, slide, deckSlide);
  const notes = notesText(deckSlide.notesHtml);
  if (notes) slide.addNotes(notes);
  return overflow;
}

function style(context: SlideContext, size: number, color: string, extra: Partial<TextStyle> = {}): TextStyle {
  const { lang, dir } = context.briefing.meta;
  return { fontFace: context.look.fonts.body, size, color, lang, rtl: dir === 'rtl', ...extra };
}

/** The title slide: kicker, the deck title (the layout's title placeholder), subtitle, byline, source, logo. */
function titleSlide(context: SlideContext, slide: PptxSlide, deckSlide: Slide): number {
  const { frame, look, briefing } = context;
  const { meta } = briefing;
  const { colours } = look;
  const rtl = meta.dir === 'rtl';
  const titleBox: Box = { x: TITLE_BOX.x(frame, rtl), y: TITLE_BOX.y(frame), w: TITLE_BOX.w(frame), h: TITLE_BOX.h };
  const { x, w } = titleBox;
  const titleStyle = {
    // Regular, not bold: the deck's weight 600 has no PowerPoint equivalent, and a bold stand-in font runs wider and wraps.
    ...style(context, TYPE.deckTitle, colours.titleInk, { spaceAfter: 0 }),
    fontFace: look.fonts.display,
  };
  const title: Paragraph[] = [{ runs: htmlRuns(deckSlide.titleHtml), level: 0 }];
  const titleTop = titleBox.y + titleBox.h - Math.min(titleBox.h, textHeight(title, titleStyle, w));
  const kicker = [context.labels.text(BRIEFING_KICKERS[meta.type]), meta.organization]
    .filter(Boolean)
    .join(' · ')
    .toLocaleUpperCase(meta.lang);
  const kickerY = titleTop - 44;
  addText(
    { slide },
    plainRuns(kicker, style(context, TYPE.kicker, colours.titleSoft, { bold: true, spaceAfter: 0 })),
    { x, y: kickerY, w, h: 30 },
    undefined,
    letterSpacing(kicker),
  );
  addText({ slide }, textRuns(title, titleStyle), titleBox, PLACEHOLDER.title, { valign: 'bottom' });
  let y = titleBox.y + titleBox.h + 18;
  const line = (runs: Run[], s: TextStyle, gap: number) => {
    const paragraph: Paragraph[] = [{ runs, level: 0 }];
    const h = textHeight(paragraph, { ...s, spaceAfter: 0 }, w);
    addText({ slide }, textRuns(paragraph, { ...s, spaceAfter: 0 }), { x, y, w, h });
    y += h + gap;
  };
  if (meta.subtitle) line([{ text: meta.subtitle }], style(context, TYPE.subtitle, colours.titleSoft), 22);
  const byline = [meta.author, meta.date ? context.labels.date(meta.date) : undefined].filter(Boolean).join(' · ');
  if (byline) line([{ text: byline }], style(context, TYPE.byline, colours.titleInk, { bold: true }), 30);
  if (deckSlide.source) {
    line(
      [{ text: `${context.labels.text('basedOn')} ` }, ...citationRuns(deckSlide.source, context.labels)],
      style(context, TYPE.source, colours.titleSoft),
      0,
    );
  }
  // The accent rule at the start side of the block, as `.title`'s border.
  slide.addShape('rect', {
    x: inch(rtl ? frame.width - frame.padX - 10 : frame.padX),
    y: inch(kickerY),
    w: inch(10),
    h: inch(y - kickerY),
    fill: { color: colours.titleRule },
    line: { color: colours.titleRule, width: 0 },
  });
  if (context.logo) {
    const { logo } = context;
    const scale = Math.min(240 / logo.width, 90 / logo.height);
    slide.addImage({
      data: logo.data,
      x: inch(rtl ? frame.padX : frame.width - frame.padX - logo.width * scale),
      y: inch(frame.top),
      w: inch(logo.width * scale),
      h: inch(logo.height * scale),
      altText: logo.alt,
    });
  }
  return Math.max(0, Math.round(y - frame.bottom));
}

function bodySlide(context: SlideContext, slide: PptxSlide, deckSlide: Slide): number {
  const { frame, look } = context;
  const { colours } = look;
  const box: Box = { x: frame.padX, y: frame.body.y, w: frame.width - 2 * frame.padX, h: frame.body.h };
  if (deckSlide.kind === 'quote') return quoteSlide(context, slide, deckSlide, box);
  heading(context, slide, deckSlide);
  const body = style(context, TYPE.body, colours.ink, { spaceAfter: 12 });
  const list = style(context, TYPE.list, colours.ink, { spaceAfter: 12 });
  const blocks: Block[] = [];
  let y = box.y;
  if (deckSlide.kind === 'summary' && deckSlide.leadHtml) {
    y += bottomLine(context, slide, deckSlide, { ...box, y }) + 24;
  } else if (deckSlide.kind === 'sources' && deckSlide.source) {
    blocks.push({
      type: 'text',
      paragraphs: sourceParagraphs(deckSlide.source, context.labels, colours.muted),
    });
  }
  if (deckSlide.leadHtml && deckSlide.kind !== 'summary') {
    // A lead is larger and softer than the list (`.lead`); recommendations open with a note on where they
    // come from, small, italic and muted (`.attribution-note`).
    const look =
      deckSlide.kind === 'recommendations'
        ? { size: TYPE.small, color: colours.muted, italic: true }
        : { size: TYPE.lead, color: colours.inkSoft };
    blocks.push(...htmlBlocks(deckSlide.leadHtml).map((block) => withLook(block, look)));
  }
  if (deckSlide.items.length) {
    const numbered = deckSlide.ordered || deckSlide.kind === 'recommendations';
    blocks.push({ type: 'text', paragraphs: listParagraphs(deckSlide.items, numbered) });
  } else if (deckSlide.kind === 'recommendations') {
    blocks.push({
      type: 'text',
      paragraphs: [{ runs: [{ text: context.labels.text('noRecommendations'), italic: true }], level: 0 }],
    });
  }
  for (const group of deckSlide.groups ?? []) {
    // An option's pros, cons and cost, each under its label in the accent colour as on the slide.
    const label: Paragraph = {
      runs: [{ text: group.label.toLocaleUpperCase(context.briefing.meta.lang), bold: true }],
      level: 0,
      look: { size: TYPE.small, color: colours.accent },
    };
    const items = group.items.length ? listParagraphs(group.items, false) : [{ runs: [{ text: '—' }], level: 1 }];
    blocks.push({ type: 'text', paragraphs: [label, ...items] });
  }
  if (deckSlide.restHtml) blocks.push(...htmlBlocks(deckSlide.restHtml));
  const hasList = deckSlide.items.length > 0 || Boolean(deckSlide.groups);
  const flow: FlowContext = {
    slide,
    look,
    media: context.media,
    style: hasList ? list : body,
    // The layout's body placeholder holds the body where it starts at the layout's place (pptxgenjs puts placeholder text there whatever the box).
    placeholder: y === box.y ? PLACEHOLDER.body : undefined,
  };
  const room = { ...box, y, h: box.y + box.h - y };
  if (deckSlide.kind === 'recommendation') return framed(context, slide, mergeText(blocks), room, flow);
  const figure = blocks.find((block) => block.type === 'image' && block.beside);
  if (figure?.type === 'image') return besideFigure(context, blocks, figure, room, flow);
  return flowBlocks(mergeText(blocks), room, flow);
}

/**
 * As the theme's grid does: the text in one column, the figure and its
 * caption in the other (the first column is on the right in a right-to-left
 * deck). Returns the overflow of the taller column.
 */
function besideFigure(
  context: SlideContext,
  blocks: Block[],
  figure: Extract<Block, { type: 'image' }>,
  room: Box,
  flow: FlowContext,
): number {
  const gap = 48;
  const half = (room.w - gap) / 2;
  const [first, second] = flow.style.rtl ? [room.x + half + gap, room.x] : [room.x, room.x + half + gap];
  const text = mergeText(blocks.filter((block) => block !== figure));
  const caption = style(context, TYPE.small, context.look.colours.muted, { spaceAfter: 4 });
  const figureBlocks: Block[] = [
    { type: 'image', src: figure.src, alt: figure.alt },
    ...(figure.beside?.caption.length ? [{ type: 'text' as const, paragraphs: figure.beside.caption }] : []),
  ];
  return Math.max(
    // Not the layout's body placeholder: pptxgenjs would put its text at the placeholder's full width.
    flowBlocks(text, { ...room, x: first, w: half }, { ...flow, placeholder: undefined }),
    flowBlocks(figureBlocks, { ...room, x: second, w: half }, { ...flow, style: caption, placeholder: undefined }),
  );
}

/**
 * The briefer's own recommendation, as `.briefer-recommendation`: on the tint, framed in the accent
 * colour with a wide bar at the start side, apart from the source author's numbered recommendations.
 */
function framed(context: SlideContext, slide: PptxSlide, blocks: Block[], room: Box, flow: FlowContext): number {
  const { colours } = context.look;
  const rtl = context.briefing.meta.dir === 'rtl';
  const pad = { x: 34, y: 22 };
  const inner = { x: room.x + pad.x, y: room.y + pad.y, w: room.w - 2 * pad.x };
  const text = blocks.flatMap((block) => (block.type === 'text' ? block.paragraphs : []));
  const height = Math.min(room.h, textHeight(text, flow.style, inner.w) + 2 * pad.y);
  const rect = (x: number, w: number, fill: string) =>
    slide.addShape('rect', {
      x: inch(x),
      y: inch(room.y),
      w: inch(w),
      h: inch(height),
      fill: { color: fill },
      line: { color: colours.accent, width: 2.25 },
    });
  rect(room.x, room.w, colours.tint);
  rect(rtl ? room.x + room.w - 14 : room.x, 14, colours.accent);
  return flowBlocks(blocks, { ...inner, h: room.h - 2 * pad.y }, { ...flow, placeholder: undefined });
}

/** A list's paragraphs: each item with its number (when numbered) and a key judgment's confidence in words. */
function listParagraphs(items: SlideItem[], numbered: boolean): Paragraph[] {
  return items.flatMap((item) => itemParagraphs(itemWithBadge(item), numbered ? item.number : undefined));
}

/** The kicker (the section a sub-section slide belongs to) and the title, with "(2/3)" on continuation slides. */
function heading(context: SlideContext, slide: PptxSlide, deckSlide: Slide): void {
  const { frame, look } = context;
  const { lang } = context.briefing.meta;
  const { colours } = look;
  const w = frame.width - 2 * frame.padX;
  const title: Run[] = htmlRuns(deckSlide.titleHtml);
  if (deckSlide.part) title.push({ text: ` (${deckSlide.part.index}/${deckSlide.part.count})` });
  const titleStyle = {
    ...style(context, TYPE.title, colours.ink, { spaceAfter: 0 }),
    fontFace: look.fonts.display,
  };
  const runs = textRuns([{ runs: title, level: 0 }], titleStyle);
  if (deckSlide.part) {
    // The part number in the body font, smaller and muted, as `.slide__part`.
    const part = runs.at(-1)!;
    part.options = {
      ...part.options,
      fontFace: look.fonts.body,
      fontSize: (part.options?.fontSize ?? 34) * 0.6,
      color: colours.muted,
    };
  }
  const kickerHtml = deckSlide.sectionHtml ?? (deckSlide.recommendedBy && escapeHtml(deckSlide.recommendedBy));
  if (kickerHtml) {
    const titleLines = Math.round(textHeight([{ runs: title, level: 0 }], titleStyle, w) / (TYPE.title * 1.25));
    const kickerY =
      titleLines > 1 ? frame.kicker.y : frame.title.y + frame.title.h - TYPE.title * 1.25 - frame.kicker.h;
    addText(
      { slide },
      textRuns(
        [{ runs: htmlRuns(kickerHtml).map((r) => ({ ...r, text: r.text.toLocaleUpperCase(lang) })), level: 0 }],
        {
          ...style(context, TYPE.kicker, colours.accent, { bold: true, spaceAfter: 0 }),
        },
      ),
      { x: frame.padX, y: kickerY, w, h: frame.kicker.h },
      undefined,
      { ...letterSpacing(kickerHtml), valign: 'bottom' },
    );
  }
  const titleBox: Box = { x: frame.padX, y: frame.title.y, w, h: frame.title.h };
  addText({ slide }, runs, titleBox, PLACEHOLDER.title, { valign: 'bottom' });
}

/** The summary's bottom line, its own text on the tint with the accent bar; returns its height. */
function bottomLine(context: SlideContext, slide: PptxSlide, deckSlide: Slide, box: Box): number {
  const { colours } = context.look;
  const rtl = context.briefing.meta.dir === 'rtl';
  const textStyle = style(context, TYPE.lead, colours.ink, { spaceAfter: 6 });
  const paragraphs = htmlBlocks(deckSlide.leadHtml).flatMap((b) => (b.type === 'text' ? b.paragraphs : []));
  const label: Paragraph[] = deckSlide.headingIsBottomLine
    ? []
    : [
        {
          runs: [{ text: context.labels.text('bottomLine').toLocaleUpperCase(context.briefing.meta.lang), bold: true }],
          level: 0,
        },
      ];
  const inner = { x: box.x + 34, w: box.w - 60 };
  const height = textHeight(paragraphs, textStyle, inner.w) + (label.length ? 26 : 0) + 30;
  slide.addShape('rect', {
    x: inch(box.x),
    y: inch(box.y),
    w: inch(box.w),
    h: inch(height),
    fill: { color: colours.tint },
    line: { color: colours.tint, width: 0 },
  });
  slide.addShape('rect', {
    x: inch(rtl ? box.x + box.w - 8 : box.x),
    y: inch(box.y),
    w: inch(8),
    h: inch(height),
    fill: { color: colours.accent },
    line: { color: colours.accent, width: 0 },
  });
  const labelRuns = label.length
    ? textRuns(label, { ...textStyle, size: 17, color: colours.accent, spaceAfter: 4 })
    : [];
  if (labelRuns.length) labelRuns.at(-1)!.options = { ...labelRuns.at(-1)!.options, breakLine: true, charSpacing: 2 };
  addText({ slide }, [...labelRuns, ...textRuns(paragraphs, textStyle)], {
    x: rtl ? box.x + 26 : inner.x,
    y: box.y + 15,
    w: inner.w,
    h: height - 30,
  });
  return height;
}

/**
 * The quotation, its attribution and its context as paragraphs of the Quote
 * layout's body, which centres them vertically as `.slide--quote` does; the
 * opening mark in the accent colour.
 */
function quoteSlide(context: SlideContext, slide: PptxSlide, deckSlide: Slide, box: Box): number {
  const { look, frame } = context;
  const { colours } = look;
  const quote = deckSlide.quote;
  const quoteStyle: TextStyle = {
    ...style(context, TYPE.quote, colours.ink, { italic: true, bullets: 'none', spaceAfter: 10 }),
    fontFace: look.fonts.display,
  };
  const paragraphs = quote ? htmlBlocks(quote.html).flatMap((b) => (b.type === 'text' ? b.paragraphs : [])) : [];
  if (paragraphs[0]) paragraphs[0] = { ...paragraphs[0], runs: [{ text: '“' }, ...paragraphs[0].runs] };
  const runs = textRuns(paragraphs, quoteStyle);
  if (runs[0]) runs[0].options = { ...runs[0].options, color: colours.accent, bold: true, italic: false };
  const inner: Box = { x: frame.padX + 40, y: frame.top, w: box.w - 80, h: frame.bottom - frame.top };
  let height = textHeight(paragraphs, quoteStyle, inner.w);
  if (quote?.attributionHtml) {
    const attribution: Paragraph = { runs: [{ text: '— ' }, ...htmlRuns(quote.attributionHtml)], level: 0 };
    const attributionStyle = style(context, TYPE.attribution, colours.muted, { bold: true, spaceAfter: 20 });
    appendParagraphs(runs, textRuns([attribution], { ...attributionStyle, bullets: 'none' }), 20);
    height += textHeight([attribution], attributionStyle, inner.w) + 20;
  }
  const rest = (deckSlide.restHtml ? htmlBlocks(deckSlide.restHtml) : []).flatMap((b) =>
    b.type === 'text' ? b.paragraphs : [],
  );
  if (rest.length) {
    const restStyle = style(context, 22, colours.muted, { spaceAfter: 8, bullets: 'none' });
    appendParagraphs(runs, textRuns(rest, restStyle), 28);
    height += textHeight(rest, restStyle, inner.w) + 28;
  }
  addText({ slide }, runs, inner, PLACEHOLDER.body, { valign: 'middle' });
  return Math.max(0, Math.round(height - inner.h));
}

/** Runs of further paragraphs after `runs`, `gap` px below them. */
function appendParagraphs(runs: TextProps[], more: TextProps[], gap: number): void {
  const last = runs.at(-1);
  if (last) last.options = { ...last.options, breakLine: true };
  if (more[0]) more[0].options = { ...more[0].options, paraSpaceBefore: pt(gap) };
  runs.push(...more);
}

/**
 * The letter-spaced labels (kickers), as the theme's `letter-spacing`, but
 * never for connected scripts: spacing pulls Arabic letters apart (browsers
 * drop it there; PowerPoint and LibreOffice do not).
 */
function letterSpacing(text: string): { charSpacing?: number } {
  return /[\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/.test(text) ? {} : { charSpacing: 2 };
}

/** A list item's HTML as paragraphs at level 1; its first paragraph carries the item's number. */
function itemParagraphs(html: string, number: number | undefined): Paragraph[] {
  const paragraphs = htmlBlocks(html).flatMap((b) => (b.type === 'text' ? b.paragraphs : []));
  return paragraphs.map((p, i) => ({
    ...p,
    level: p.level + 1,
    ...(i === 0 && number !== undefined ? { number } : {}),
  }));
}

function withLook(block: Block, look: Paragraph['look']): Block {
  return block.type === 'text' ? { ...block, paragraphs: block.paragraphs.map((p) => ({ ...p, look })) } : block;
}

/** Neighbouring text blocks become one (one text box, so PowerPoint flows them as one body). */
function mergeText(blocks: Block[]): Block[] {
  const merged: Block[] = [];
  for (const block of blocks) {
    const last = merged.at(-1);
    if (block.type === 'text' && last?.type === 'text') last.paragraphs = [...last.paragraphs, ...block.paragraphs];
    else merged.push(block.type === 'text' ? { ...block, paragraphs: [...block.paragraphs] } : block);
  }
  return merged;
}

/** The citation as the `citation` partial writes it: title (italic), author, publisher, date, URL (a link). */
export function citationRuns(source: Source, labels: Labels): Run[] {
  const separator = labels.text('citationSeparator');
  const runs: Run[] = [{ text: source.title, italic: true }];
  for (const part of citationDetails(source, labels)) runs.push({ text: `${separator}${part}` });
  if (source.url) runs.push({ text: separator }, { text: source.url, link: source.url });
  runs.push({ text: labels.text('citationEnd') });
  return runs;
}

/** The briefing's source (`.source`): the citation, then its note, credit and licence, smaller and muted. */
function sourceParagraphs(source: Source, labels: Labels, muted: string): Paragraph[] {
  const small = { size: TYPE.small, color: muted };
  const paragraphs: Paragraph[] = [{ runs: citationRuns(source, labels), level: 0, look: { size: 24 } }];
  const licence = source.license ? labels.text('licence', { licence: source.license }) : undefined;
  for (const text of [source.note, source.credit, licence]) {
    if (text) paragraphs.push({ runs: [{ text }], level: 0, look: small });
  }
  return paragraphs;
}

/** Speaker notes are plain text on the notes page: one line per paragraph. */
function notesText(html: string): string {
  if (!html) return '';
  return htmlBlocks(html)
    .flatMap((b) => (b.type === 'text' ? b.paragraphs : []))
    .map((p) => p.runs.map((r) => (r.breakBefore ? `\n${r.text}` : r.text)).join(''))
    .join('\n');
}
