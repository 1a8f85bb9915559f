import type { Source } from '../content/model.js';

export type SlideKind = 'title' | 'summary' | 'implication' | 'recommendations' | 'quote' | 'sources' | 'generic';

/*
 * What templates see of a slide. A field whose name ends in `Html` (or is
 * `html`) holds sanitized HTML, printed with {{{ }}}; every other string is
 * plain text, printed with {{ }}. deck/fields.ts holds templates to that.
 */

export interface SlideItem {
  /** The item (inline or block HTML). */
  html: string;
  /** 1-based position in the whole list, so numbering continues across continuation slides. */
  number: number;
  /** Line in the content file, for messages. */
  line: number;
}

export interface SlideQuote {
  /** The quotation (block HTML). */
  html: string;
  /** Who said it (inline HTML), when the content names someone. */
  attributionHtml?: string;
  /** The section's other text (before or after the quotation), when there is any; the slide shows it as `restHtml`. */
  contextHtml?: string;
}

/** One slide as templates see it. */
export interface Slide {
  kind: SlideKind;
  /** 1-based position in the deck. */
  number: number;
  /**
   * The slide's HTML id: `top` on the title slide; on the first slide of each `##` section,
   * `summary`, `implications`, `recommendations`, `background`, `quote`, `sources`, or the slug of
   * another section's heading (content/anchors.ts). Links inside the deck (`#sources`) go to it.
   */
  id?: string;
  /** Heading shown on the slide (inline HTML). */
  titleHtml: string;
  /** Plain-text name for reports and PDF bookmarks, e.g. "Recommendations (2/2)". */
  label: string;
  /** The section this slide belongs to, shown above the title (e.g. "Implications"), as inline HTML. */
  sectionHtml?: string;
  /** Plain-text name of the `##` section the slide comes from (the deck title for the title slide): one PDF bookmark per group. */
  group: string;
  /** Continuation: slide `index` of `count` for the same list. */
  part?: { index: number; count: number };
  /** What comes before the list (HTML). */
  leadHtml: string;
  /** On summary slides: the heading itself says "Bottom line" (or BLUF), so the lead needs no such label. */
  headingIsBottomLine?: boolean;
  items: SlideItem[];
  ordered: boolean;
  /** What follows the list (HTML). */
  restHtml: string;
  quote?: SlideQuote;
  source?: Source;
  /** Speaker notes (HTML), empty when none. */
  notesHtml: string;
  /** Line in the content file this slide comes from. */
  line: number;
}
