/**
 * TextRank (Mihalcea & Tarau, 2004) over sentences: a graph whose edges weigh the content words two
 * sentences share, normalised by their lengths, ranked with PageRank. Written here because the
 * npm TextRank packages are unmaintained or pull in large NLP stacks; it is thirty lines.
 * The graph is built through an inverted index, so only sentences that share a term are compared.
 */

import type { Sentence } from './article.js';

export interface RankOptions {
  damping?: number;
  iterations?: number;
  tolerance?: number;
}

/** PageRank score per sentence id (of the given sentences), normalised so the best is 1. */
export function textRank(sentences: Sentence[], options: RankOptions = {}): Map<number, number> {
  const { damping = 0.85, iterations = 50, tolerance = 1e-6 } = options;
  const n = sentences.length;
  const scores = new Map<number, number>();
  if (n === 0) return scores;
  const termSets = sentences.map((s) => [...new Set(s.terms)]);
  // Terms in most sentences of a long article are as good as stop words, and would make the graph dense.
  const df = new Map<string, number[]>();
  termSets.forEach((terms, i) => {
    for (const t of terms) (df.get(t) ?? df.set(t, []).get(t)!).push(i);
  });
  const cap = n > 200 ? Math.max(20, Math.floor(n * 0.3)) : Infinity;

  const overlap: Map<number, number>[] = sentences.map(() => new Map());
  for (const postings of df.values()) {
    if (postings.length < 2 || postings.length > cap) continue;
    for (let a = 0; a < postings.length; a++) {
      const row = overlap[postings[a]!]!;
      for (let b = a + 1; b < postings.length; b++) row.set(postings[b]!, (row.get(postings[b]!) ?? 0) + 1);
    }
  }
  const edges: Map<number, number>[] = sentences.map(() => new Map());
  const norm = termSets.map((t) => Math.log(t.length + 1));
  overlap.forEach((row, i) => {
    for (const [j, shared] of row) {
      const w = shared / (norm[i]! + norm[j]! || 1);
      edges[i]!.set(j, w);
      edges[j]!.set(i, w);
    }
  });
  const outWeight = edges.map((row) => [...row.values()].reduce((a, b) => a + b, 0));

  let rank = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    // Sentences with no edges spread their rank evenly (the usual dangling-node fix).
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (outWeight[i] === 0) {
        dangling += rank[i]!;
        continue;
      }
      for (const [j, w] of edges[i]!) next[j]! += (damping * rank[i]! * w) / outWeight[i]!;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) {
      next[i]! += (damping * dangling) / n;
      delta += Math.abs(next[i]! - rank[i]!);
    }
    rank = next;
    if (delta < tolerance) break;
  }
  const best = rank.reduce((a, b) => Math.max(a, b), 0);
  sentences.forEach((s, i) => {
    scores.set(s.id, best > 0 ? rank[i]! / best : 0);
  });
  return scores;
}

/** Jaccard similarity of two sentences' terms, for keeping near-duplicates out of one list. */
export function similarity(a: Sentence, b: Sentence): number {
  const sa = new Set(a.terms);
  const sb = new Set(b.terms);
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  const union = sa.size + sb.size - shared;
  return union ? shared / union : 0;
}
