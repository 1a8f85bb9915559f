import type { ConfidenceLevel, OptionGroup, Source } from '../content/model.js';

export type SlideKind =
  | 'title'
  | 'summary'
  | 'implication'
  | 'recommendations'
  | 'quote'
  | 'sources'
  | 'generic'
  /** One option of a decision briefing's `## Options`. */
  | 'option'
  /** The briefer's own `## Recommendation` (a decision briefing), shown apart from the source author's. */
  | 'recommendation'
  /** `## Key judgments`, each with its confidence badge. */
  | 'judgments'
  /** What the confidence badges mean (ICD 203), at the end of a deck that uses them. */
  | 'legend';

/** The slide kinds a template written before briefing types may lack: a deck that needs one tells it (deck/render.ts). */
export const NEWER_SLIDE_KINDS: readonly SlideKind[] = ['option', 'recommendation', 'judgments', 'legend'];

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
  /** A key judgment's confidence badge (on judgments and legend slides). */
  confidence?: SlideConfidence;
}

export interface SlideConfidence {
  level: ConfidenceLevel;
  /** The badge's words ("High confidence"), in the briefing's language. */
  label: string;
}

/** One group of an option slide: its pros, its cons or its cost. */
export interface SlideOptionGroup {
  kind: OptionGroup;
  /** The group's heading ("Advantages"), in the briefing's language. */
  label: string;
  items: SlideItem[];
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
  /**
   * On recommendations slides, whose they are, in words: the source author's ("Recommendations of
   * J. Marlow", "The author's recommendations") or the briefer's own ("Our recommendation").
   */
  recommendedBy?: string;
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
  /** On option slides: the pros, the cons and the cost, in that order, each possibly empty. */
  groups?: SlideOptionGroup[];
  source?: Source;
  /** Speaker notes (HTML), empty when none. */
  notesHtml: string;
  /** Line in the content file this slide comes from. */
  line: number;
}
