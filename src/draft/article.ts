/**
 * Types handed between the drafting steps:
 * input (txt/md/html) → Article (blocks + metadata) → Sentence[] → extraction → Draft → markdown.
 */

export type ArticleFormat = 'txt' | 'md' | 'html';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'quote';

/** One block of the article's body text, whitespace already collapsed to single spaces. */
export interface Block {
  kind: BlockKind;
  text: string;
  /** Heading level (1–6) for headings. */
  level?: number;
  /** Items of the same list share an id. */
  list?: number;
  ordered?: boolean;
  /** For a quote block: the "— Name" line that closes it, without the dash. */
  attribution?: string;
  /** 1-based line in the input file, where the format has lines that mean something (txt, md). */
  line?: number;
}

/** What the article says about itself: headline, byline, dates, credits, disclaimers. */
export interface ArticleMeta {
  title?: string;
  /** The language the article declares (front matter `lang:`, `<html lang>`), as written. */
  lang?: string;
  author?: string;
  publisher?: string;
  url?: string;
  /** YYYY-MM-DD: the publication date. */
  date?: string;
  /** YYYY-MM-DD from an "Updated …" line: the date when the article gives no other. */
  updated?: string;
  /** The name in a "© 2026 The Northern Ledger" line: the publisher when the article names no other. */
  copyrightHolder?: string;
  /** Image and other credits found in the text (moved out of the body). */
  credits: string[];
  /** "The views expressed are the author's" and similar lines (moved out of the body). */
  disclaimers: string[];
}

/** What a reader makes of the input, before its language is known. */
export interface ArticleText {
  /** The input's name for messages and provenance ("article.txt", or "stdin"). */
  file: string;
  format: ArticleFormat;
  blocks: Block[];
  meta: ArticleMeta;
  /** Lines dropped as site boilerplate ("Share.", "Read the full article here", ads …), for the record. */
  dropped: string[];
}

export interface Article extends ArticleText {
  /** BCP 47 tag: the declared language, else the detected one (language.ts). */
  language: string;
}

export interface Sentence {
  /** Position in the article's sentence list. */
  id: number;
  /** Index of its block in Article.blocks. */
  block: number;
  /** 1-based number of its paragraph (list items and quotes count; headings do not). */
  para: number;
  /** 1-based number of the sentence within its paragraph. */
  index: number;
  text: string;
  kind: BlockKind;
  /** Text of the nearest heading above it, if any. */
  heading?: string;
  /** Index of that heading's block. */
  headingBlock?: number;
  line?: number;
  /** Stems of its content words (no stop words, no punctuation), for similarity. */
  terms: string[];
  /** Number of word tokens. */
  words: number;
}

/** A drafted bullet: display text (the sentence, possibly with a leading connective trimmed) and where it came from. */
export interface Bullet {
  text: string;
  source: Sentence;
  /** For items taken whole from a list, all sentences of the item. */
  sources?: Sentence[];
}

export interface Recommendation extends Bullet {
  /** The part of `text` before the bold lead ("At home, ", "We recommend that "); `text` is before + lead + rest. */
  before?: string;
  /** The part of `text` shown in bold: the prescriptive clause, or a list item's label. */
  lead: string;
  /** The rest of `text` after the lead (may start with punctuation or be empty). */
  rest: string;
}

export interface ImplicationGroup {
  /** `###` heading (at most 8 words); undefined for one ungrouped list, or for a first group that opens the section. */
  heading?: string;
  /**
   * Where the heading came from: the article's own heading, a phrase of a topic sentence of the
   * article ("Strategic implications" from "The strategic implications are just as real.").
   */
  headingFrom?: 'article' | 'sentence';
  /** The topic sentence the heading was taken from (it is not repeated as a bullet). */
  headingSource?: Sentence;
  bullets: Bullet[];
}

export interface DraftQuote {
  text: string;
  attribution?: string;
  source: Sentence | undefined;
  /** Every sentence the quotation is in. */
  sources: Sentence[];
  para: number;
}

export type RecommendationOrigin = 'list' | 'section' | 'prose' | 'none';

export interface Draft {
  title: string;
  /**
   * Where the title came from: the article's headline, or (when it has none) a phrase of its lead
   * sentence, else its key terms; the last two are flagged for review.
   */
  titleFrom: 'headline' | 'lead sentence' | 'key terms';
  keywords: string[];
  /** One or two sentences stating the article's main judgment: the summary's lead paragraph. */
  bottomLine: Bullet[];
  summary: Bullet[];
  implications: ImplicationGroup[];
  recommendations: Recommendation[];
  recommendationsFrom: RecommendationOrigin;
  /** The heading or lead-in line that introduced the recommendations, when there was one. */
  recommendationsIntro?: string;
  quote?: DraftQuote;
}
