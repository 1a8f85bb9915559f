/**
 * The languages the drafter reads besides English, by primary language subtag. A language drafts
 * when it has a table here and a label set in labels/ (for the headings of the draft and the deck).
 */
import { ar } from './ar.js';
import type { LanguageCues } from './cues.js';
import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

export type { LanguageCues } from './cues.js';

const TABLES: Record<string, LanguageCues> = { ar, de, es, fr, pt, ru, zh };

const primaries = new Map<string, string>();

/** The primary subtag of a BCP 47 tag: `fr-CA` → `fr`, `zh-Hant` → `zh`. */
export function primaryLanguage(tag: string): string {
  // Called for every sentence and cue: an Intl.Locale each time was 0.35 s of a 1 MB article.
  let primary = primaries.get(tag);
  if (primary === undefined) {
    try {
      primary = new Intl.Locale(tag).language;
    } catch {
      primary = tag.toLowerCase();
    }
    primaries.set(tag, primary);
  }
  return primary;
}

/** True for English in any region ("en", "en-GB"): the language with the drafter's fullest rules. */
export function isEnglish(tag: string): boolean {
  return primaryLanguage(tag) === 'en';
}

const wordSegmenters = new Map<string, Intl.Segmenter>();

/** One word segmenter per language, made once: building one costs more than most texts it splits. */
export function wordSegmenter(language: string): Intl.Segmenter {
  let segmenter = wordSegmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    wordSegmenters.set(language, segmenter);
  }
  return segmenter;
}

/** The cue table of a language other than English, if the drafter has one. */
export function cuesFor(tag: string): LanguageCues | undefined {
  return TABLES[primaryLanguage(tag)];
}

/** Every language the drafter reads: English and the tables here. */
export const DRAFT_LANGUAGES: readonly string[] = ['en', ...Object.keys(TABLES)];

/** Punctuation that ends a clause, in Latin, Arabic and CJK scripts. */
const CLAUSE_END = /^[,;:،؛，；：]$/u;

/**
 * The bold lead of a recommendation in a language other than English: the sentence up to its first
 * comma, semicolon or colon after four to twenty words ("Nous recommandons de limiter le recours à
 * l'intérim, qui …"), else the whole sentence. English has its own rules (recommendations.ts).
 */
export function firstClause(text: string, lang: string): { lead: string; rest: string } {
  let words = 0;
  for (const { segment, index, isWordLike } of wordSegmenter(lang).segment(text)) {
    if (isWordLike && ++words > 20) break;
    if (!isWordLike && CLAUSE_END.test(segment.trim()) && words >= 4)
      return { lead: text.slice(0, index), rest: text.slice(index) };
  }
  return { lead: text, rest: '' };
}
