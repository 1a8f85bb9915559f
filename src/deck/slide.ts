import type { Quote, Source } from '../content/model.js';

export type SlideKind = 'title' | 'summary' | 'implication' | 'recommendations' | 'quote' | 'sources' | 'generic';

export interface SlideItem {
  html: string;
  /** 1-based position in the whole list, so numbering continues across continuation slides. */
  number: number;
  /** Line in the content file, for messages. */
  line: number;
}

/** One slide as templates see it. HTML fields are sanitized; `label` is plain text. */
export interface Slide {
  kind: SlideKind;
  /** 1-based position in the deck. */
  number: number;
  /** Heading shown on the slide (inline HTML). */
  title: string;
  /** Plain-text name for reports and PDF bookmarks, e.g. "Recommendations (2/2)". */
  label: string;
  /** The section this slide belongs to, shown above the title (e.g. "Implications"). */
  section?: string;
  /** Plain-text name of the `##` section the slide comes from (the deck title for the title slide): one PDF bookmark per group. */
  group: string;
  /** Continuation: slide `index` of `count` for the same list. */
  part?: { index: number; count: number };
  lead: string;
  /** On summary slides: the heading itself says "Bottom line" (or BLUF), so the lead needs no such label. */
  headingIsBottomLine?: boolean;
  items: SlideItem[];
  ordered: boolean;
  rest: string;
  quote?: Quote;
  source?: Source;
  /** Speaker notes (HTML), empty when none. */
  notes: string;
  /** Line in the content file this slide comes from. */
  line: number;
}
