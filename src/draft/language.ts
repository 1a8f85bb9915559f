/**
 * The article's language, as a BCP 47 tag. A declared one wins (front matter `lang:`, `<html
 * lang>`); else franc-min (trigram profiles of 82 languages) guesses from the headline and body.
 *
 * Short texts: franc-min's trigrams need text to go on (it misreads "We must act now." as Rundi), so
 * under MIN_GUESS letters the writing system decides instead: Han without kana is Chinese, kana
 * Japanese, Hangul Korean, Arabic script Arabic, Cyrillic Russian, Latin English, and so on.
 * Chinese is told apart from Traditional Chinese by characters that only one of them writes.
 */
import { franc } from 'franc-min';
import type { ArticleText } from './article.js';
import { DRAFT_LANGUAGES, primaryLanguage } from './languages/index.js';
import { labelFile } from '../labels/index.js';

/** Letters below which the trigram guess is not trusted (franc-min's own floor is 10 characters). */
const MIN_GUESS = 120;
/** How much text is enough for a guess (the headline and the first paragraphs). */
const SAMPLE = 4000;

/** The writing systems that name a language on their own, and the language they stand for. */
const SCRIPTS: [RegExp, string][] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Latin}/gu, 'en'],
];

/** Characters only Traditional (first) or only Simplified Chinese (second) writes, pair by pair. */
const TRADITIONAL = '這們說為國會對來時個於與經發關應學實現當後點開問題還並進動產業據權';
const SIMPLIFIED = '这们说为国会对来时个于与经发关应学实现当后点开问题还并进动产业据权';

export function articleLanguage(article: ArticleText): string {
  const declared = article.meta.lang && canonical(article.meta.lang);
  if (declared) return declared;
  const sample = [article.meta.title ?? '', ...article.blocks.map((b) => b.text)].join('\n').slice(0, SAMPLE);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const guess = letters >= MIN_GUESS ? franc(sample, { minLength: MIN_GUESS }) : 'und';
  const tag = guess !== 'und' ? canonical(guess) : undefined;
  const language = tag ?? byScript(sample);
  return language === 'zh' ? chineseScript(sample) : language;
}

/** The script with the most letters decides; Han counts for Japanese when there is kana too. */
function byScript(text: string): string {
  const counts = new Map(SCRIPTS.map(([pattern, language]) => [language, text.match(pattern)?.length ?? 0]));
  let best = 'en';
  for (const [language, count] of counts) if (count > (counts.get(best) ?? 0)) best = language;
  return best === 'zh' && counts.get('ja') ? 'ja' : best;
}

function chineseScript(text: string): string {
  let traditional = 0;
  let simplified = 0;
  for (const char of text) {
    if (TRADITIONAL.includes(char)) traditional++;
    else if (SIMPLIFIED.includes(char)) simplified++;
  }
  return traditional > simplified ? 'zh-Hant' : 'zh';
}

/** `fr_FR`, `FRA` or `fra` → `fr-FR`/`fr`; undefined for what is not a language tag. */
function canonical(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/** The language's English name for messages: "Hindi", "Thai"; the tag when Intl has no name. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * Why the drafter cannot handle a language, or undefined when it can. It can when it has a cue table
 * for the language (src/draft/languages/) and briefdeck has a label set for it (labels/<tag>.yaml:
 * the draft's headings and the deck's labels); its sentences are split by Intl.Segmenter, which
 * knows every script those languages use.
 */
export function unsupportedLanguage(tag: string): string | undefined {
  const primary = primaryLanguage(tag);
  if (DRAFT_LANGUAGES.includes(primary) && labelFile(primary)) return undefined;
  const names = DRAFT_LANGUAGES.map(languageName).join(', ');
  return `the article is in ${languageName(tag)} (${tag}), which briefdeck cannot draft from (it drafts from ${names})`;
}
