/**
 * The bottom line: the one or two sentences that state the article's main judgment, shown as the
 * summary's lead paragraph (the deck's BLUF callout). Signals, after the way analysts find a
 * thesis: the sentence is central (TextRank), shares the headline's words, says what something
 * shows or means ("… highlights the troubling reality that …", "The real problem is …"), or
 * closes the argument (the conclusion paragraphs, "Ultimately, …"). Sentences that lean on the one
 * before ("This …"), questions, conditionals and reported speech are not candidates.
 */

import type { Bullet, Sentence } from './article.js';
import { fewestWords, shorten } from './compress.js';
import { similarity } from './rank.js';

export interface BottomLineOptions {
  /** Sentence ids that belong to other sections (recommendations, the quote). */
  exclude: Set<number>;
  ranks: Map<number, number>;
  /** Stems of the headline's content words (empty when there is none). */
  titleTerms: Set<string>;
  /** The article's language (BCP 47), for shortening. */
  language?: string;
}

/**
 * How many of the best-scored sentences the bottom line and the summary consider (shorten, check
 * for leaning): only the best few can be chosen, and shortening every sentence of a long article is slow.
 */
export const SHORTLIST = 40;

/** A bottom line sentence is shortened (by deletion) to this many words at most. */
const MAX_WORDS = 30;

/** Words that say a sentence states a judgment or draws the conclusion, in the languages drafted. */
const JUDGMENT =
  /\b(?:highlights?|underscores?|underlines?|shows?|demonstrates?|reveals?|illustrates?|makes? (?:it )?clear|confirms?|proves?|means? that|suggests? that|is (?:a|the) (?:stark |clear )?(?:reminder|lesson|sign|test)|the (?:real|central|key|bigger|main|core|underlying) (?:problem|lesson|question|issue|point|risk|challenge|story|danger)|(?:is|are|was|remains) (?:the |a |an )?(?:\w+est|most|least|worst|best)\b|the truth is|the answer (?:is|lies)|depends on|hinges on|cannot|will not|(?:is|are) not\b|no longer|remains?)\b|\b(?:montre|démontre|révèle|souligne|rappelle|dépend de|ne peut|n'est pas|reste|demuestra|revela|subraya|depende de|no puede|zeigt|verdeutlicht|unterstreicht|hängt von|kann nicht|bleibt)\b|(?:يُظهر|يظهر|يكشف|يؤكد|يعتمد على|لا يمكن)|(?:表明|显示|凸显|说明|取决于|不能|仍然)/iu;
const CONCLUSION =
  /^(?:ultimately|in (?:the end|short|sum|conclusion|the final analysis)|to (?:conclude|sum up)|overall|all (?:in all|told)|the bottom line|in other words|for now|en (?:somme|définitive|conclusion|fin de compte)|au fond|en (?:definitiva|suma|resumen)|al final|letztlich|kurz(?: gesagt)?|im kern|unterm strich|في (?:المحصلة|النهاية)|خلاصة القول|总之|归根结底|说到底|总而言之)\b/iu;
/** Reported, conditional or asked: not the author's own judgment. */
const NOT_A_JUDGMENT =
  /^(?:if|unless|whether|when|as|some)\b|\?\s*["”’»]?$|^["“«]|\b(?:said|says|told|according to|argued|claimed|asked|(?:is|are) (?:often |sometimes )?(?:described|seen|portrayed) as|critics|supporters)\b/iu;
/**
 * A figure, a date or a data source as subject: the sentence more likely reports evidence than
 * states the judgment ("Customs data show that imports fell by more than a third").
 */
const EVIDENCE =
  /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|third|quarter|percent|per cent)\b|^(?:(?:the |new |recent )?(?:data|figures|surveys?|statistics|monitoring|records|polls?|studies|research|estimates)\b)/iu;

export function bottomLine(
  sentences: Sentence[],
  { exclude, ranks, titleTerms, language = 'en' }: BottomLineOptions,
): Bullet[] {
  const prose = sentences.filter((s) => s.kind === 'paragraph');
  const paragraphs = [...new Set(prose.map((s) => s.para))];
  const lastParagraphs = new Set(paragraphs.slice(-2));
  const fewest = fewestWords(prose);
  const top = Math.max(...prose.map((s) => ranks.get(s.id) ?? 0), Number.MIN_VALUE);
  const scored = prose
    .filter((s) => !exclude.has(s.id) && s.words >= fewest)
    .map((s) => {
      const centrality = (ranks.get(s.id) ?? 0) / top;
      const headline = titleTerms.size ? s.terms.filter((t) => titleTerms.has(t)).length / titleTerms.size : 0;
      const judgment = statesJudgment(s.text) ? 1 : 0;
      const evidence = EVIDENCE.test(s.text) ? 1 : 0;
      // Op-eds open on their thesis or close on it.
      const place =
        (s.para === paragraphs[0] ? (s.index === 1 ? 0.2 : 0.1) : 0) +
        (lastParagraphs.has(s.para) ? 0.2 : 0) +
        (CONCLUSION.test(s.text) ? 0.4 : 0);
      return {
        s,
        score: 0.35 * centrality + 0.4 * Math.min(headline, 0.75) + 0.35 * judgment + place - 0.3 * evidence,
      };
    })
    .sort((a, b) => b.score - a.score || a.s.id - b.s.id)
    .slice(0, SHORTLIST)
    .map((c) => ({ ...c, short: shorten(c.s, { maxWords: MAX_WORDS, language }) }))
    .filter(({ short }) => short.fits && !short.leans && !NOT_A_JUDGMENT.test(short.text));
  const best = scored[0];
  if (!best) return [];
  const chosen = [best];
  // A second sentence when a strong one stands elsewhere in the article (opening thesis and
  // closing judgment) and the two say different things; never more than about 50 words.
  const second = scored.find(
    (c) =>
      c.s.para !== best.s.para &&
      c.score >= 0.85 * best.score &&
      statesJudgment(c.s.text) &&
      similarity(c.s, best.s) < 0.3 &&
      c.short.words + best.short.words <= 2 * MAX_WORDS - 10,
  );
  if (second) chosen.push(second);
  return chosen.sort((a, b) => a.s.id - b.s.id).map((c) => ({ text: c.short.text, source: c.s }));
}

/** True when the sentence says what something shows or means, or draws the conclusion. */
export function statesJudgment(text: string): boolean {
  return JUDGMENT.test(text) || CONCLUSION.test(text);
}

/** The stems of a headline's words, found through the article's own spellings of them. */
export function titleTermsOf(title: string | undefined, surface: Map<string, Map<string, number>>): Set<string> {
  if (!title) return new Set();
  const stemOf = new Map<string, string>();
  for (const [stem, forms] of surface)
    for (const form of forms.keys()) stemOf.set(form.replace(/^\^/, '').toLowerCase(), stem);
  const terms = new Set<string>();
  for (const word of title.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
    const stem = stemOf.get(word);
    if (stem) terms.add(stem);
  }
  return terms;
}
