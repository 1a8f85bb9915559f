/**
 * Implications: sentences that carry consequences (cue words such as "implications", "raises
 * concerns", "could lead to", "risk"), helped by context (a paragraph or section whose topic is
 * consequences), ranked with TextRank, shown in article order. A bullet must stand alone (no "This
 * …" without the sentence it points back to) and be short; a long one gives way to the next
 * candidate. Grouped under `###` headings that name who or what is affected (headings.ts): the
 * article's own section headings when the implications fall under two or more, else short phrases
 * of the article's topic sentences ("For Russia"). No good heading, no grouping: one list (which the
 * deck spreads over as many slides as it needs).
 */

import { countWords, shorten, type Shortened } from './compress.js';
import { implicationScore } from './cues.js';
import { MAX_HEADING_WORDS, topicPhrase } from './headings.js';
import type { Bullet, ImplicationGroup, Sentence } from './article.js';

const CONSEQUENCE_TOPIC =
  /\b(?:implications?|consequences?|effects?|risks?|at stake|stakes|impacts?|what (?:it|this) means|so what|fallout|costs?)\b/i;

/** The longest bullet wanted, in words (as `npm run eval:draft` counts them). */
const MAX_BULLET_WORDS = 25;

export interface ImplicationOptions {
  exclude: Set<number>;
  ranks: Map<number, number>;
  /** At most this many bullets. */
  limit?: number;
  /** The article's language (BCP 47), for its consequence cues. */
  language?: string;
}

interface Candidate {
  s: Sentence;
  score: number;
  /** The bullet it becomes: shortened by deletion, with whether it fits and leans on the sentence before. */
  bullet: Shortened;
}

export function findImplications(sentences: Sentence[], options: ImplicationOptions): ImplicationGroup[] {
  const { exclude, ranks, limit = 12, language = 'en' } = options;
  // A paragraph that opens on consequences ("The effects spread beyond the building itself.")
  // goes on to list them: its other sentences count as implications.
  const topical = new Set<number>();
  for (const s of sentences)
    if (s.index === 1 && CONSEQUENCE_TOPIC.test(s.text) && implicationScore(s.text, language) >= 3) topical.add(s.para);

  const scored = sentences
    .filter(
      (s) =>
        (s.kind === 'paragraph' || s.kind === 'item') &&
        !exclude.has(s.id) &&
        s.words >= 5 &&
        !/\?\s*["”’]?$/.test(s.text),
    )
    .map((s) => {
      let cue = implicationScore(s.text, language);
      if (topical.has(s.para) && s.index > 1) cue += 2;
      if (s.heading && CONSEQUENCE_TOPIC.test(s.heading)) cue += 1;
      return { s, cue, score: cue + 2 * (ranks.get(s.id) ?? 0) };
    });
  // Consequences said plainly ("AI systems make that mistake more costly") carry one weak cue at
  // most: when fewer than two sentences carry a strong one, the weak ones are taken too, so an
  // article with consequences does not get an empty section.
  const strong = scored.filter((c) => c.cue >= 2);
  const candidates = (strong.length >= 2 ? strong : scored.filter((c) => c.cue >= 1))
    .sort((a, b) => b.score - a.score || a.s.id - b.s.id)
    .map((c) => ({ ...c, bullet: shorten(c.s, { maxWords: MAX_BULLET_WORDS, language }) }));
  // "This incident has significant implications, not just for Russia …" leans on what came before,
  // but its heading ("For Russia") does not: such a topic sentence is taken for its heading only.
  const headingOnly = new Set<Sentence>();
  for (const c of candidates)
    if (c.bullet.leans && isTopic(c.s) && topicPhrase(c.s.text, language)) {
      c.bullet.leans = false;
      headingOnly.add(c.s);
    }
  const bullets: Bullet[] = select(candidates, limit)
    .sort((a, b) => a.s.id - b.s.id)
    .map((c) => ({ text: c.bullet.text, source: c.s }));
  return group(bullets, language)
    .map((g) => ({ ...g, bullets: g.bullets.filter((b) => !headingOnly.has(b.source)) }))
    .filter((g) => g.bullets.length);
}

/** With this many bullets a section has body enough: no bullet over 25 words is added to it. */
const ENOUGH_BULLETS = 6;

/**
 * The best `limit` candidates (sorted best first) that make good bullets: first those that are
 * short and stand alone; then those that lean on the sentence before when that sentence is in too
 * (so they are not alone); then, while the section has fewer than ENOUGH_BULLETS, those still too long.
 */

function select(candidates: Candidate[], limit: number): Candidate[] {
  const picked: Candidate[] = [];
  const ids = new Set<number>();
  const take = (c: Candidate) => {
    if (picked.length >= limit || ids.has(c.s.id)) return;
    picked.push(c);
    ids.add(c.s.id);
  };
  const short = (c: Candidate) => c.bullet.fits;
  const supported = (c: Candidate) => !c.bullet.leans || (c.s.index > 1 && ids.has(c.s.id - 1));
  for (const c of candidates) if (short(c) && !c.bullet.leans) take(c);
  // Repeat: a leaning sentence taken can support the next one ("It suggests … This reinforces …").
  for (let before = -1; before !== picked.length; ) {
    before = picked.length;
    for (const c of candidates) if (short(c) && c.bullet.leans && supported(c)) take(c);
  }
  // A bullet over 25 words crowds its slide: taken only to give a short section some body.
  for (const c of candidates) if (!short(c) && supported(c) && picked.length < ENOUGH_BULLETS) take(c);
  return picked;
}

/** A group under construction: its heading may be missing. */
type Draft = ImplicationGroup;

function group(bullets: Bullet[], language: string): ImplicationGroup[] {
  if (!bullets.length) return [];
  const groups = byArticleHeadings(bullets, language) ?? byTopicSentences(bullets, language);
  // Only the first group may go without a heading (it opens the section); one headless group is one list.
  if (!groups || (groups.length === 1 && !groups[0]!.heading)) return [{ bullets }];
  return groups;
}

/** The article's own sections, when the implications fall under at least two of them and each heading is short. */
function byArticleHeadings(bullets: Bullet[], language: string): Draft[] | undefined {
  const headings = new Set(bullets.map((b) => b.source.heading).filter((h) => h !== undefined));
  if (headings.size < 2) return undefined;
  const runs: Bullet[][] = [];
  for (const bullet of bullets) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.source.heading === bullet.source.heading) last.push(bullet);
    else runs.push([bullet]);
  }
  const groups: Draft[] = runs.map((run) => {
    const heading = run[0]!.source.heading;
    return heading !== undefined && countWords(heading, language) <= MAX_HEADING_WORDS
      ? { heading, headingFrom: 'article', bullets: run }
      : { bullets: run };
  });
  return groups.slice(1).every((g) => g.heading) ? groups : undefined;
}

/**
 * Topic sentences ("The strategic implications are just as real.") open groups and give them their
 * heading, a phrase of the sentence ("Strategic implications"); the sentence itself is then not a
 * bullet. Bullets before the first topic open the section without a heading.
 */
function byTopicSentences(bullets: Bullet[], language: string): Draft[] | undefined {
  const phrases = new Map<Bullet, string>();
  for (const b of bullets) {
    const phrase = isTopic(b.source) ? topicPhrase(b.source.text, language) : undefined;
    if (phrase) phrases.set(b, phrase);
  }
  if (!(phrases.size >= 2 || (phrases.size === 1 && bullets.length > 2))) return undefined;
  const runs: { topic?: Bullet; bullets: Bullet[] }[] = [];
  for (const bullet of bullets) {
    if (phrases.has(bullet)) runs.push({ topic: bullet, bullets: [] });
    else if (runs.length) runs[runs.length - 1]!.bullets.push(bullet);
    else runs.push({ bullets: [bullet] });
  }
  const groups: Draft[] = [];
  for (const { topic, bullets: run } of runs) {
    const last = groups[groups.length - 1];
    if (topic && run.length)
      groups.push({ heading: phrases.get(topic), headingFrom: 'sentence', headingSource: topic.source, bullets: run });
    // A topic sentence with nothing under it heads nothing: it stays a bullet.
    else if (topic && last) last.bullets.push(topic);
    else groups.push({ bullets: topic ? [topic] : run });
  }
  return groups;
}

/** "The situation raises pressing questions about …": a paragraph that opens on what is in doubt. */
const QUESTION_TOPIC = /\braise[sd]? (?:\w+ ){0,2}(?:questions|concerns|doubts|fears) about\b/i;

/** A short first sentence of a paragraph that announces consequences (or what they put in doubt). */
function isTopic(s: Sentence): boolean {
  return (
    s.index === 1 &&
    s.words <= 16 &&
    (CONSEQUENCE_TOPIC.test(s.text) || QUESTION_TOPIC.test(s.text)) &&
    !/[:;]/.test(s.text)
  );
}
