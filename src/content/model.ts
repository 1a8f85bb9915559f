/**
 * The validated briefing model: what the content stage hands to the deck stage.
 * Everything here is already checked; HTML fields are rendered from markdown
 * and sanitized, so templates may print them with {{{ }}}.
 */

export type SectionKind =
  | 'summary'
  | 'implications'
  | 'recommendations'
  | 'background'
  | 'quote'
  | 'sources'
  | 'generic';

export interface Source {
  title: string;
  author?: string;
  publisher?: string;
  url?: string;
  /** ISO date, YYYY-MM-DD. */
  date?: string;
  /** Image or other credit that must travel with the material. */
  credit?: string;
  license?: string;
  /** Anything else a reader should know about the source (e.g. a disclaimer). */
  note?: string;
}

export interface BriefingMeta {
  title: string;
  subtitle?: string;
  /** ISO date, YYYY-MM-DD. */
  date?: string;
  author?: string;
  organization?: string;
  /** Banner shown top and bottom of every slide and PDF page, e.g. TLP:CLEAR. */
  marking?: string;
  source?: Source;
  keywords: string[];
  /** Template name; when absent, the project config's or `default`. */
  template?: string;
  /** Template options, checked against the template's manifest at render time. */
  options: Record<string, unknown>;
  lang: string;
}

/** One list item: sanitized inline HTML plus the notes written inside it. */
export interface Item {
  html: string;
  line: number;
  notes: string[];
}

/**
 * The body of a section or sub-section, split the way slides need it:
 * what comes before the first list, the list, and what follows.
 */
export interface Body {
  lead: string;
  items: Item[];
  ordered: boolean;
  rest: string;
  /** Sanitized HTML paragraphs from `Note:` onward. */
  notes: string[];
}

export interface Quote {
  html: string;
  attribution?: string;
}

export interface Subsection extends Body {
  /** The heading rendered as sanitized inline HTML. */
  title: string;
  line: number;
}

export interface Section extends Body {
  kind: SectionKind;
  /** The heading as written (markdown source), for messages. */
  heading: string;
  /** The heading rendered as sanitized inline HTML. */
  title: string;
  line: number;
  /** `###` sub-sections, in order (empty when there are none). */
  subsections: Subsection[];
  quote?: Quote;
}

export interface Briefing {
  /** Path of the content file, as given. */
  file: string;
  slug: string;
  meta: BriefingMeta;
  /** All sections in document order. */
  sections: Section[];
  /** Lines of front-matter fields checked later (template name, each option), for error messages. */
  lines: { template?: number; options: Record<string, number> };
}

export interface Warning {
  file: string;
  line?: number;
  message: string;
}
