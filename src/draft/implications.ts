/**
 * Implications: sentences that carry consequences (cue words such as "implications", "raises
 * concerns", "could lead to", "risk"), helped by context (a paragraph or section whose topic is
 * consequences), ranked with TextRank, shown in article order. Grouped under `###` headings by the
 * article's own section headings when it has them, else, for longer lists, by runs of paragraphs
 * labelled with their key terms.
 */

import { implicationScore, trimConnective } from './cues.js';
import { keyTerms } from './keyterms.js';
import type { Bullet, ImplicationGroup, Sentence } from './article.js';

const CONSEQUENCE_TOPIC =
  /\b(?:implications?|consequences?|effects?|risks?|at stake|stakes|impacts?|what (?:it|this) means|so what|fallout|costs?)\b/i;

export interface ImplicationOptions {
  exclude: Set<number>;
  ranks: Map<number, number>;
  surface: Map<string, Map<string, number>>;
  /** At most this many bullets. */
  limit?: number;
  /** The article's language (BCP 47), for its consequence cues. */
  language?: string;
}

export function findImplications(sentences: Sentence[], options: ImplicationOptions): ImplicationGroup[] {
  const { exclude, ranks, surface, limit = 12, language = 'en' } = options;
  // A paragraph that opens on consequences ("The effects spread beyond the building itself.")
  // goes on to list them: its other sentences count as implications.
  const topical = new Set<number>();
  for (const s of sentences)
    if (s.index === 1 && CONSEQUENCE_TOPIC.test(s.text) && implicationScore(s.text, language) >= 3) topical.add(s.para);

  const candidates = sentences
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
    })
    .filter((c) => c.cue >= 2);
  const chosen = candidates
    .sort((a, b) => b.score - a.score || a.s.id - b.s.id)
    .slice(0, limit)
    .map((c) => c.s)
    .sort((a, b) => a.id - b.id);
  const bullets: Bullet[] = chosen.map((s) => ({ text: trimConnective(s.text).text, source: s }));
  return group(bullets, sentences, surface);
}

function group(
  bullets: Bullet[],
  sentences: Sentence[],
  surface: Map<string, Map<string, number>>,
): ImplicationGroup[] {
  if (!bullets.length) return [];
  // The article's own sections, when the implications fall under at least two of them.
  const headings = new Set(bullets.map((b) => b.source.heading).filter((h) => h !== undefined));
  if (headings.size >= 2) {
    const runs: Bullet[][] = [];
    for (const bullet of bullets) {
      const last = runs[runs.length - 1];
      if (last && last[0]!.source.heading === bullet.source.heading) last.push(bullet);
      else runs.push([bullet]);
    }
    return runs.map((run) =>
      run[0]!.source.heading !== undefined
        ? { heading: run[0]!.source.heading, headingFrom: 'article', bullets: run }
        : labelled(run, sentences, surface),
    );
  }
  // Topic sentences ("The strategic implications are just as real.") open groups and head them.
  const topics = bullets.filter((b) => isTopic(b.source));
  if (topics.length >= 2 || (topics.length === 1 && bullets.length > 2)) {
    const groups: ImplicationGroup[] = [];
    let run: Bullet[] = [];
    let topic: Bullet | undefined;
    const flush = () => {
      if (topic && run.length)
        groups.push({ heading: topic.text, headingFrom: 'sentence', headingSource: topic.source, bullets: run });
      // A topic sentence with nothing under it stays a bullet.
      else if (topic && groups.length) groups[groups.length - 1]!.bullets.push(topic);
      else if (topic) groups.push(labelled([topic], sentences, surface));
      else if (run.length) groups.push(labelled(run, sentences, surface));
    };
    for (const bullet of bullets) {
      if (topics.includes(bullet)) {
        flush();
        topic = bullet;
        run = [];
      } else {
        run.push(bullet);
      }
    }
    flush();
    return groups;
  }
  if (bullets.length <= 5) return [{ bullets }];
  // Runs of paragraphs: cut the article-ordered list at its widest gaps into groups of about four.
  const groupCount = Math.ceil(bullets.length / 4);
  const gaps = bullets
    .slice(1)
    .map((b, i) => ({ at: i + 1, gap: b.source.para - bullets[i]!.source.para }))
    .filter((g) => g.gap > 0)
    .sort((a, b) => b.gap - a.gap || a.at - b.at)
    .slice(0, groupCount - 1)
    .map((g) => g.at)
    .sort((a, b) => a - b);
  const groups: ImplicationGroup[] = [];
  let start = 0;
  for (const end of [...gaps, bullets.length]) {
    const part = bullets.slice(start, end);
    start = end;
    if (!part.length) continue;
    groups.push(labelled(part, sentences, surface));
  }
  return groups;
}

/** A group headed by its key terms (words of the article, not a claim of ours). */
function labelled(
  bullets: Bullet[],
  sentences: Sentence[],
  surface: Map<string, Map<string, number>>,
): ImplicationGroup {
  const terms = keyTerms(
    sentences,
    surface,
    bullets.map((b) => b.source),
    3,
  ).map((t) => t.text);
  return terms.length ? { heading: terms.join(' · '), headingFrom: 'key terms', bullets } : { bullets };
}

/** A short first sentence of a paragraph that announces consequences: a heading in the article's words. */
function isTopic(s: Sentence): boolean {
  return s.index === 1 && s.words <= 16 && CONSEQUENCE_TOPIC.test(s.text) && !/[:;]/.test(s.text);
}
