import type { Body, Briefing, Item, Section } from '../content/model.js';
import { isBottomLineHeading } from '../content/sections.js';
import { escapeHtml, plainText } from '../html-text.js';
import type { Slide, SlideKind } from './slide.js';

export interface PlanOptions {
  /** Lists longer than this continue on further slides, titled "(2/3)". */
  maxItemsPerSlide: number;
}

type Draft = Omit<Slide, 'number'>;

/** Briefing → the ordered slides of its deck. Pure. */
export function planSlides(briefing: Briefing, options: PlanOptions): Slide[] {
  const drafts: Draft[] = [titleSlide(briefing)];
  for (const section of briefing.sections) {
    const group = plainText(section.title);
    drafts.push(...sectionSlides(section, briefing, options).map((draft) => ({ ...draft, group })));
  }
  if (briefing.meta.source && !briefing.sections.some((s) => s.kind === 'sources')) {
    drafts.push({ ...emptyDraft('sources', 'Sources', 0), source: briefing.meta.source, group: 'Sources' });
  }
  return drafts.map((draft, i) => ({ ...draft, number: i + 1 }));
}

function titleSlide(briefing: Briefing): Draft {
  return {
    ...emptyDraft('title', escapeHtml(briefing.meta.title), 1),
    label: briefing.meta.title,
    group: briefing.meta.title,
    source: briefing.meta.source,
  };
}

function sectionSlides(section: Section, briefing: Briefing, options: PlanOptions): Draft[] {
  const heading = section.title;
  switch (section.kind) {
    case 'quote':
      // The blockquote is the slide; the body's lead and rest would only repeat it. The section's
      // other text (before or after the quotation) is its context.
      return [
        { ...bodySlide('quote', heading, section), lead: '', rest: section.quote?.context ?? '', quote: section.quote },
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
      return summarySlides(section, options);
    case 'recommendations':
      return paginate(section.kind, heading, section, options, undefined);
  }
}

/**
 * The bottom line (the summary's lead) opens the first summary slide, however
 * many slides its bullets need, and is not repeated on the others. Under a
 * heading that already says "Bottom line" (or BLUF), templates leave out their
 * own "Bottom line" label.
 */
function summarySlides(section: Section, options: PlanOptions): Draft[] {
  const headingIsBottomLine = isBottomLineHeading(section.heading);
  return paginate('summary', section.title, section, options, undefined).map((draft, index) => ({
    ...draft,
    lead: index === 0 ? draft.lead : '',
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
  options: PlanOptions,
  section: string | undefined,
): Draft[] {
  const max = Math.max(1, options.maxItemsPerSlide);
  const count = Math.max(1, Math.ceil(body.items.length / max));
  const size = Math.ceil(body.items.length / count);
  return Array.from({ length: count }, (_, index) => {
    const items = body.items.slice(index * size, (index + 1) * size);
    const notes = [...(index === 0 ? body.notes : []), ...items.flatMap((item: Item) => item.notes)];
    const part = count > 1 ? { index: index + 1, count } : undefined;
    return {
      ...emptyDraft(kind, heading, items[0]?.line ?? body.line),
      label: `${plainText(heading)}${part ? ` (${part.index}/${part.count})` : ''}`,
      section,
      part,
      lead: body.lead,
      items: items.map((item, i) => ({ html: item.html, number: index * size + i + 1, line: item.line })),
      ordered: body.ordered,
      rest: index === count - 1 ? body.rest : '',
      notes: joinNotes(notes),
    };
  });
}

function bodySlide(kind: SlideKind, heading: string, section: Section): Draft {
  return {
    ...emptyDraft(kind, heading, section.line),
    lead: section.lead,
    items: section.items.map((item, i) => ({ html: item.html, number: i + 1, line: item.line })),
    ordered: section.ordered,
    rest: section.rest,
    notes: joinNotes([...section.notes, ...section.items.flatMap((item) => item.notes)]),
  };
}

function emptyDraft(kind: SlideKind, title: string, line: number): Draft {
  return {
    kind,
    title,
    label: plainText(title),
    group: '',
    lead: '',
    items: [],
    ordered: false,
    rest: '',
    notes: '',
    line,
  };
}

function hasContent(body: Body): boolean {
  return Boolean(body.lead || body.items.length || body.rest);
}

function joinNotes(notes: string[]): string {
  return notes.map((note) => (note.startsWith('<') ? note : `<p>${note}</p>`)).join('\n');
}
