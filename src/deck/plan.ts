import { addsSourcesSlide, SOURCES_SLIDE_ID, TITLE_SLIDE_ID } from '../content/anchors.js';
import {
  type Body,
  type Briefing,
  type BriefingType,
  CONFIDENCE_LEVELS,
  type Item,
  OPTION_GROUPS,
  type Quote,
  type Section,
  type Subsection,
} from '../content/model.js';
import { isBottomLineHeading, sectionAliases } from '../content/sections.js';
import { briefingLabels, type LabelKey, type Labels } from '../labels/index.js';
import { escapeHtml, plainText } from '../html-text.js';
import { labelCredits } from './figure-credits.js';
import type { Slide, SlideItem, SlideKind, SlideQuote } from './slide.js';
import { tablePages } from './table-pages.js';

/** Table rows on one slide when the template does not say (template.json `maxTableRowsPerSlide`). */
export const DEFAULT_MAX_TABLE_ROWS = 7;

export interface PlanOptions {
  /** Lists longer than this continue on further slides, titled "(2/3)". */
  maxItemsPerSlide: number;
  /** Tables with more body rows than this continue on further slides, their header row repeated. */
  maxTableRowsPerSlide?: number;
  /** The briefing's labels (the sources slide's title, the "(2/3)" of continued slides); by default its language's. */
  labels?: Labels;
}

type LabelledPlan = Required<PlanOptions>;

/** A slide before it is numbered (numbers are given once the whole deck is planned). */
type PlannedSlide = Omit<Slide, 'number'>;

/** Briefing → the ordered slides of its deck. Pure. */
export function planSlides(briefing: Briefing, given: PlanOptions): Slide[] {
  const options = {
    ...given,
    maxTableRowsPerSlide: given.maxTableRowsPerSlide ?? DEFAULT_MAX_TABLE_ROWS,
    labels: given.labels ?? briefingLabels(briefing.meta),
  };
  const planned: PlannedSlide[] = [titleSlide(briefing)];
  for (const section of briefing.sections) {
    const group = plainText(section.title);
    // The section's id goes on its first slide only: a continued list's further slides are not its start.
    planned.push(
      ...sectionSlides(section, briefing, options).map((slide, i) => ({
        ...slide,
        group,
        ...(i === 0 ? { id: section.id } : {}),
      })),
    );
  }
  const legend = legendSlide(planned, options.labels);
  if (legend) planned.splice(legendPlace(planned), 0, legend);
  if (addsSourcesSlide(briefing.meta, briefing.sections)) {
    const title = options.labels.text('sources');
    const sources = emptySlide('sources', escapeHtml(title), 0);
    planned.push({ ...sources, id: SOURCES_SLIDE_ID, source: briefing.meta.source, group: title });
  }
  return planned.map((slide, i) => ({ ...withCreditLabels(slide, options.labels), number: i + 1 }));
}

function withCreditLabels(slide: PlannedSlide, labels: Labels): PlannedSlide {
  return {
    ...slide,
    leadHtml: labelCredits(slide.leadHtml, labels),
    restHtml: labelCredits(slide.restHtml, labels),
    items: slide.items.map((item) => ({ ...item, html: labelCredits(item.html, labels) })),
  };
}

function titleSlide(briefing: Briefing): PlannedSlide {
  return {
    ...emptySlide('title', escapeHtml(briefing.meta.title), 1),
    id: TITLE_SLIDE_ID,
    label: briefing.meta.title,
    group: briefing.meta.title,
    source: briefing.meta.source,
  };
}

function sectionSlides(section: Section, briefing: Briefing, options: LabelledPlan): PlannedSlide[] {
  const heading = section.title;
  switch (section.kind) {
    case 'quote':
      // The blockquote is the slide; the body's lead and rest would only repeat it. The section's
      // other text (before or after the quotation) is its context.
      return [
        {
          ...bodySlide('quote', heading, section),
          leadHtml: '',
          restHtml: section.quote?.context ?? '',
          quote: section.quote && slideQuote(section.quote),
        },
      ];
    case 'sources':
      return [{ ...bodySlide('sources', heading, section), source: briefing.meta.source }];
    case 'implications':
    case 'background':
    case 'generic':
      if (section.subsections.length > 0) {
        const kind: SlideKind = section.kind === 'implications' ? 'implication' : 'generic';
        const overview = hasContent(section) ? paginate(kind, heading, section, options, undefined) : [];
        const subs = section.subsections.flatMap((sub) => paginate(kind, sub.title, sub, options, heading));
        return [...overview, ...subs];
      }
      return paginate(
        section.kind === 'implications' ? 'implication' : 'generic',
        heading,
        section,
        options,
        undefined,
      );
    case 'summary':
      return summarySlides(section, briefing.meta.lang, options);
    case 'recommendations':
    case 'recommendation': {
      const recommendedBy =
        section.kind === 'recommendation'
          ? options.labels.text('brieferRecommendation')
          : authorsLabel(briefing, options.labels);
      return paginate(section.kind, heading, section, options, undefined).map((slide) => ({ ...slide, recommendedBy }));
    }
    case 'judgments':
      return paginate(section.kind, heading, section, options, undefined);
    case 'options':
      return optionSlides(section, options);
  }
}

/** The label of the title slide's kicker for each type of briefing. */
export const BRIEFING_KICKERS: Record<BriefingType, LabelKey> = {
  article: 'briefing',
  information: 'informationBriefing',
  decision: 'decisionBriefing',
};

/** Whose the source's recommendations are: its author's, by name when the source names one. */
function authorsLabel(briefing: Briefing, labels: Labels): string {
  const author = briefing.meta.source?.author;
  return author ? labels.text('authorsRecommendationsBy', { author }) : labels.text('authorsRecommendations');
}

/**
 * A slide for each option (each `###` of `## Options`), its kicker "Option 2", its description and its
 * pros, cons and cost; before them, a slide of the section's own text when it has some (or has no
 * options at all, which only a briefing that is not a decision briefing may).
 */
function optionSlides(section: Section, options: LabelledPlan): PlannedSlide[] {
  const overview =
    hasContent(section) || section.subsections.length === 0
      ? paginate('generic', section.title, section, options, undefined)
      : [];
  return [...overview, ...section.subsections.map((sub, i) => optionSlide(sub, i + 1, options.labels))];
}

function optionSlide(option: Subsection, number: number, labels: Labels): PlannedSlide {
  const groups = option.groups ?? { pro: [], con: [], cost: [] };
  const keys = { pro: 'optionPros', con: 'optionCons', cost: 'optionCost' } as const;
  const items = option.items;
  const every = [...items, ...OPTION_GROUPS.flatMap((group) => groups[group])];
  return {
    ...emptySlide('option', option.title, option.line),
    sectionHtml: escapeHtml(labels.text('option', { number })),
    leadHtml: option.lead,
    items: items.map((item, i) => slideItem(item, i + 1, labels)),
    ordered: option.ordered,
    restHtml: option.rest,
    groups: OPTION_GROUPS.map((kind) => ({
      kind,
      label: labels.text(keys[kind]),
      items: groups[kind].map((item, i) => slideItem(item, i + 1, labels)),
    })),
    notesHtml: joinNotes([...option.notes, ...every.flatMap((item) => item.notes)]),
  };
}

/** A list item as a slide shows it: with its number in the whole list, and its confidence badge. */
function slideItem(item: Item, number: number, labels: Labels): SlideItem {
  const confidence = item.confidence && {
    level: item.confidence,
    label: labels.text(CONFIDENCE_LABELS[item.confidence]),
  };
  return { html: item.html, number, line: item.line, ...(confidence ? { confidence } : {}) };
}

const CONFIDENCE_LABELS = { high: 'confidenceHigh', moderate: 'confidenceModerate', low: 'confidenceLow' } as const;
const CONFIDENCE_MEANINGS = {
  high: 'confidenceHighMeaning',
  moderate: 'confidenceModerateMeaning',
  low: 'confidenceLowMeaning',
} as const;

/**
 * When a judgment carries a confidence badge: a slide that says what the three levels mean. The levels
 * and their meanings follow ODNI, Intelligence Community Directive 203, Analytic Standards (2015),
 * which asks analysts to express confidence in their judgments as high, moderate or low and to say
 * what it rests on (the quality and corroboration of the information behind it).
 */
function legendSlide(planned: PlannedSlide[], labels: Labels): PlannedSlide | undefined {
  const judged = planned.find(hasBadges);
  if (!judged) return undefined;
  const title = labels.text('confidenceLegend');
  return {
    ...emptySlide('legend', escapeHtml(title), judged.line),
    group: title,
    items: CONFIDENCE_LEVELS.map((level, i) => ({
      html: escapeHtml(labels.text(CONFIDENCE_MEANINGS[level])),
      number: i + 1,
      line: judged.line,
      confidence: { level, label: labels.text(CONFIDENCE_LABELS[level]) },
    })),
  };
}

const hasBadges = (slide: PlannedSlide) => slide.items.some((item) => item.confidence);

/** The legend goes at the end, before a `## Sources` section that comes after the last judgment. */
function legendPlace(planned: PlannedSlide[]): number {
  const lastJudged = planned.map(hasBadges).lastIndexOf(true);
  const sources = planned.findIndex((slide, i) => i > lastJudged && slide.kind === 'sources');
  return sources >= 0 ? sources : planned.length;
}

/**
 * The bottom line (the summary's lead) opens the first summary slide, however
 * many slides its bullets need, and is not repeated on the others. Under a
 * heading that already says "Bottom line" (or BLUF), templates leave out their
 * own "Bottom line" label.
 */
function summarySlides(section: Section, lang: string, options: LabelledPlan): PlannedSlide[] {
  const headingIsBottomLine = isBottomLineHeading(section.heading, sectionAliases(lang), lang);
  return paginate('summary', section.title, section, options, undefined).map((slide, index) => ({
    ...slide,
    leadHtml: index === 0 ? slide.leadHtml : '',
    headingIsBottomLine,
  }));
}

/**
 * One slide for a body, or several when its list is longer than the limit.
 * Continuation slides share the lead, split the items evenly (11 items with a
 * limit of 5 give 4+4+3, not 5+5+1), and carry the notes of their own items;
 * notes written for the section as a whole go on its first slide.
 */
function paginate(
  kind: SlideKind,
  heading: string,
  body: Body & { line: number },
  options: LabelledPlan,
  section: string | undefined,
): PlannedSlide[] {
  const tableSlides = kind === 'summary' ? undefined : paginateTable(kind, heading, body, options, section);
  if (tableSlides) return tableSlides;
  const max = Math.max(1, options.maxItemsPerSlide);
  const count = Math.max(1, Math.ceil(body.items.length / max));
  const size = Math.ceil(body.items.length / count);
  return Array.from({ length: count }, (_, index) => {
    const items = body.items.slice(index * size, (index + 1) * size);
    const notes = [...(index === 0 ? body.notes : []), ...items.flatMap((item: Item) => item.notes)];
    const part = count > 1 ? { index: index + 1, count } : undefined;
    return {
      ...emptySlide(kind, heading, items[0]?.line ?? body.line),
      label: `${plainText(heading)}${part ? ` ${options.labels.text('part', part)}` : ''}`,
      sectionHtml: section,
      part,
      leadHtml: body.lead,
      items: items.map((item, i) => slideItem(item, index * size + i + 1, options.labels)),
      ordered: body.ordered,
      restHtml: index === count - 1 ? body.rest : '',
      notesHtml: joinNotes(notes),
    };
  });
}

/**
 * A body without a list whose text holds a table longer than the limit: one
 * slide per page of rows (deck/table-pages.ts), titled "(2/3)" like a list's;
 * the section's notes go on the first. A table beside a list is not split.
 */
function paginateTable(
  kind: SlideKind,
  heading: string,
  body: Body & { line: number },
  options: LabelledPlan,
  section: string | undefined,
): PlannedSlide[] | undefined {
  if (body.items.length > 0) return undefined;
  const pages = tablePages(body.lead, options.maxTableRowsPerSlide);
  if (!pages) return undefined;
  return pages.map((leadHtml, index) => {
    const part = { index: index + 1, count: pages.length };
    return {
      ...emptySlide(kind, heading, body.line),
      label: `${plainText(heading)} ${options.labels.text('part', part)}`,
      sectionHtml: section,
      part,
      leadHtml,
      restHtml: index === pages.length - 1 ? body.rest : '',
      notesHtml: index === 0 ? joinNotes(body.notes) : '',
    };
  });
}

function bodySlide(kind: SlideKind, heading: string, section: Section): PlannedSlide {
  return {
    ...emptySlide(kind, heading, section.line),
    leadHtml: section.lead,
    items: section.items.map((item, i) => ({ html: item.html, number: i + 1, line: item.line })),
    ordered: section.ordered,
    restHtml: section.rest,
    notesHtml: joinNotes([...section.notes, ...section.items.flatMap((item) => item.notes)]),
  };
}

/** `titleHtml` is inline HTML; the plain-text label is made from it. */
function emptySlide(kind: SlideKind, titleHtml: string, line: number): PlannedSlide {
  return {
    kind,
    titleHtml,
    label: plainText(titleHtml),
    group: '',
    leadHtml: '',
    items: [],
    ordered: false,
    restHtml: '',
    notesHtml: '',
    line,
  };
}

function slideQuote(quote: Quote): SlideQuote {
  return { html: quote.html, attributionHtml: quote.attribution, contextHtml: quote.context };
}

function hasContent(body: Body): boolean {
  return Boolean(body.lead || body.items.length || body.rest);
}

function joinNotes(notes: string[]): string {
  return notes.map((note) => (note.startsWith('<') ? note : `<p>${note}</p>`)).join('\n');
}
