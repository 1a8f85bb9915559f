/**
 * The summary: 3–5 sentences chosen by TextRank with a bonus for the article's opening
 * paragraphs, for topic sentences and for what the article concludes (judgment sentences, the
 * closing paragraphs), without near-duplicates or sentences that lean on the one before, shown in
 * article order.
 */

import { SHORTLIST, statesJudgment } from './bottom-line.js';
import { fewestWords, shorten } from './compress.js';
import { implicationScore } from './cues.js';
import type { Bullet, Sentence } from './article.js';
import { similarity } from './rank.js';

export interface SummaryOptions {
  /** Sentence ids that belong to other sections (recommendations, the quote). */
  exclude: Set<number>;
  ranks: Map<number, number>;
  /** True when a bottom line opens the summary. */
  hasBottomLine?: boolean;
  /** The article's language (BCP 47), for shortening. */
  language?: string;
}

/**
 * How many summary bullets an article of this many sentences gets: 3, 4 or 5, one fewer (never
 * under 3) when a bottom line opens the slide, so the slide still fits.
 */
function summaryLength(sentenceCount: number, hasBottomLine = false): number {
  const count = sentenceCount < 20 ? 3 : sentenceCount < 45 ? 4 : 5;
  return hasBottomLine ? Math.max(3, count - 1) : count;
}

/** An implication cue score this high (implications.ts) says the sentence states a consequence. */
const STATES_CONSEQUENCE = 3;

export function summarise(
  sentences: Sentence[],
  { exclude, ranks, hasBottomLine, language = 'en' }: SummaryOptions,
): Bullet[] {
  const prose = sentences.filter((s) => s.kind === 'paragraph');
  const paragraphs = [...new Set(prose.map((s) => s.para))];
  const fewest = fewestWords(prose);
  const candidates = prose.filter(
    (s) => !exclude.has(s.id) && s.words >= fewest && s.words <= 55 && !/[?:]\s*["”’]?$/.test(s.text),
  );
  const lastParagraphs = new Set(paragraphs.slice(-2));
  // Positions by paragraph once: an indexOf per candidate made long articles quadratic.
  const positionOf = new Map(paragraphs.map((para, i) => [para, i]));
  const scored = candidates
    .map((s) => {
      const position = positionOf.get(s.para)!;
      const lead = position === 0 ? 0.3 : position === 1 ? 0.15 : position === 2 ? 0.05 : 0;
      const topic = s.index === 1 ? 0.1 : 0;
      const conclusion = (statesJudgment(s.text) ? 0.15 : 0) + (lastParagraphs.has(s.para) ? 0.1 : 0);
      const score = (ranks.get(s.id) ?? 0) * (1 + lead + topic + conclusion);
      return { s, score };
    })
    .sort((a, b) => b.score - a.score || a.s.id - b.s.id)
    .slice(0, SHORTLIST)
    .map((c) => ({ ...c, short: shorten(c.s, { language }) }));
  // A sentence that states a consequence outright ("could lead to", "raises concerns") belongs under
  // Implications, never here: a short article's summary would otherwise take them all. One that
  // leans on the one before ("This reinforces …") reads as a dangling bullet, and one that cannot be
  // shortened to 25 words crowds the slide: each only when nothing better is left.
  const penalty = (c: (typeof scored)[number]) => (c.short.leans ? 2 : 0) + (c.short.fits ? 0 : 1);
  const ordered = [0, 1, 2, 3].flatMap((p) =>
    scored.filter((c) => penalty(c) === p && implicationScore(c.s.text, language) < STATES_CONSEQUENCE),
  );

  const count = summaryLength(sentences.length, hasBottomLine);
  const chosen: typeof scored = [];
  for (const c of ordered) {
    if (chosen.length >= count) break;
    if (chosen.some((other) => similarity(other.s, c.s) > 0.35)) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.s.id - b.s.id).map((c) => ({ text: c.short.text, source: c.s }));
}

/** The first three sentences of the body: the usual baseline for news summaries. */
export function lead3(sentences: Sentence[]): string[] {
  return sentences
    .filter((s) => s.kind === 'paragraph')
    .slice(0, 3)
    .map((s) => s.text);
}
