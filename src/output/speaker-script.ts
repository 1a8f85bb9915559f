import type { BriefingMeta, Source } from '../content/model.js';
import { briefingMarking, markingBanner } from '../content/marking.js';
import type { Labels } from '../labels/index.js';
import type { RenderedDeck } from '../deck/render.js';
import type { Slide, SlideItem } from '../deck/slide.js';
import { itemWithBadge } from '../deck/badge-text.js';
import { citationDetails } from '../deck/citation.js';
import { blocksMarkdown, escapeMarkdown, inlineMarkdown, listItemMarkdown, markdownLink } from './markdown-text.js';

/** What --script wrote: the Markdown, and how many of its slides have speaker notes. */
export interface SpeakerScript {
  markdown: string;
  slides: number;
  withNotes: number;
}

/**
 * The speaker script of a deck (`<slug>-script.md`): for rehearsal, and for whoever briefs it next
 * time. A document of the briefing like its PDF: the marking (and DRAFT notice) at the top and the
 * bottom, the title, date and source; then each slide in reading order under its number as the deck
 * and the PDF show it ("Slide 7 of 10", continued lists "(2/3)"), with what the slide says as a
 * reminder and its speaker notes, or a line saying it has none. Made from the rendered slides, the
 * same Slide[] the HTML, PDF and PowerPoint come from; every piece of text is escaped as Markdown
 * (markdown-text.ts).
 */
export function speakerScript(deck: RenderedDeck): SpeakerScript {
  const { meta } = deck.briefing;
  const { labels } = deck;
  const total = deck.slides.length;
  const banner = bannerLine(meta, labels);
  const parts = [
    ...(banner ? [banner] : []),
    `# ${escapeMarkdown(labels.text('speakerScriptTitle', { title: meta.title }), false)}`,
    ...aboutTheBriefing(meta, labels),
    escapeMarkdown(labels.text('speakerScriptIntro', { count: total })),
    ...deck.slides.map((slide) => slideSection(slide, total, labels)),
    ...(banner ? ['---', banner] : []),
  ];
  return {
    markdown: `${parts.join('\n\n')}\n`,
    slides: total,
    withNotes: deck.slides.filter((slide) => slide.notesHtml).length,
  };
}

/** The marking as the PDF's banner reads, bold: `**DRAFT – … · TLP:AMBER**`. */
function bannerLine(meta: BriefingMeta, labels: Labels): string | undefined {
  const marking = briefingMarking(meta, labels);
  return marking && `**${escapeMarkdown(markingBanner(marking, ' · '), false)}**`;
}

/** Subtitle, author and date, and the source with its credit, licence and note. */
function aboutTheBriefing(meta: BriefingMeta, labels: Labels): string[] {
  const lines: string[] = [];
  if (meta.subtitle) lines.push(`*${escapeMarkdown(meta.subtitle, false)}*`);
  const byline = [meta.author, meta.organization, meta.date && labels.date(meta.date)].filter(Boolean);
  if (byline.length) lines.push(escapeMarkdown(byline.join(' · ')));
  if (meta.source) lines.push(...sourceLines(meta.source, labels, `${labels.text('basedOn')} `));
  return lines;
}

/** The citation as the title and sources slides write it, then the note, credit and licence. */
function sourceLines(source: Source, labels: Labels, before = ''): string[] {
  const separator = escapeMarkdown(labels.text('citationSeparator'), false);
  let citation = `${escapeMarkdown(before)}*${escapeMarkdown(source.title, false)}*`;
  for (const part of citationDetails(source, labels)) citation += `${separator}${escapeMarkdown(part, false)}`;
  if (source.url) citation += `${separator}${markdownLink(escapeMarkdown(source.url, false), source.url)}`;
  const more = [
    source.note,
    source.credit,
    source.license && labels.text('licence', { licence: source.license }),
  ].filter(Boolean);
  return [
    `${citation}${escapeMarkdown(labels.text('citationEnd'), false)}`,
    ...more.map((text) => escapeMarkdown(text!)),
  ];
}

function slideSection(slide: Slide, total: number, labels: Labels): string {
  const kicker = slide.sectionHtml ? `${inlineMarkdown(slide.sectionHtml)}: ` : '';
  const part = slide.part
    ? ` ${escapeMarkdown(labels.text('part', { index: slide.part.index, count: slide.part.count }), false)}`
    : '';
  const title = slide.kind === 'title' ? escapeMarkdown(slide.label, false) : inlineMarkdown(slide.titleHtml);
  const shown = shownOn(slide, labels);
  const heading = escapeMarkdown(labels.text('slideOfTotal', { number: slide.number, total }), false);
  return [
    '---',
    `## ${heading}: ${kicker}${title}${part}`,
    ...(shown.length ? [`**${escapeMarkdown(labels.text('onTheSlide'), false)}**`, ...shown] : []),
    `**${escapeMarkdown(labels.text('speakerNotes'), false)}**`,
    slide.notesHtml ? blocksMarkdown(slide.notesHtml) : `*${escapeMarkdown(labels.text('noSpeakerNotes'), false)}*`,
  ].join('\n\n');
}

/** What the slide shows besides its title, as a reminder: its lead, bullets, quote, source and closing text. */
function shownOn(slide: Slide, labels: Labels): string[] {
  const shown: string[] = [];
  if (slide.kind === 'sources' && slide.source) shown.push(...sourceLines(slide.source, labels));
  if (slide.quote) {
    shown.push(quoted(blocksMarkdown(slide.quote.html)));
    if (slide.quote.attributionHtml) shown.push(`— ${inlineMarkdown(slide.quote.attributionHtml)}`);
  }
  if (slide.recommendedBy) shown.push(`*${escapeMarkdown(slide.recommendedBy, false)}*`);
  if (slide.leadHtml) {
    if (slide.kind === 'summary' && !slide.headingIsBottomLine)
      shown.push(`*${escapeMarkdown(labels.text('bottomLine'), false)}*`);
    shown.push(blocksMarkdown(slide.leadHtml));
  }
  if (slide.items.length) {
    // Recommendations are always numbered on the slide; numbers run on across continued slides.
    const numbered = slide.ordered || slide.kind === 'recommendations';
    shown.push(itemsMarkdown(slide.items, numbered));
  }
  for (const group of slide.groups ?? []) {
    shown.push(
      `**${escapeMarkdown(group.label, false)}**`,
      group.items.length ? itemsMarkdown(group.items, false) : '—',
    );
  }
  if (slide.restHtml) shown.push(blocksMarkdown(slide.restHtml));
  return shown;
}

/** A list, a key judgment's confidence in words before its text. */
function itemsMarkdown(items: SlideItem[], numbered: boolean): string {
  return items.map((item) => listItemMarkdown(itemWithBadge(item), numbered ? `${item.number}. ` : '- ')).join('\n');
}

/** Markdown as a block quote: every line behind `> `. */
function quoted(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}
