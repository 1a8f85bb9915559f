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
/** How many sentences a term may be in and still link them, in an article of over 200 sentences. */
const MAX_POSTINGS = 100;

export function textRank(sentences: Sentence[], options: RankOptions = {}): Map<number, number> {
  const { damping = 0.85, iterations = 50, tolerance = 1e-6 } = options;
  const n = sentences.length;
  const scores = new Map<number, number>();
  if (n === 0) return scores;
  const termSets = sentences.map((s) => [...new Set(s.terms)]);
  // Terms in most sentences of a long article are as good as stop words, and would make the graph
  // dense: its cost grows with the square of a term's sentence count, so a long article keeps only
  // terms found in at most MAX_POSTINGS sentences (like the max-df filter of document retrieval).
  const cap = n > 200 ? Math.min(MAX_POSTINGS, Math.max(20, Math.floor(n * 0.3))) : Infinity;
  const postings = new Map<string, number[]>();
  termSets.forEach((terms, i) => {
    for (const t of terms) (postings.get(t) ?? postings.set(t, []).get(t)!).push(i);
  });
  const kept = termSets.map((terms) =>
    terms.map((t) => postings.get(t)!).filter((list) => list.length >= 2 && list.length <= cap),
  );

  // Sparse graph, one row per sentence; shared terms counted in a scratch array (a Map per row made
  // a 1 MB article take 15 s and 900 MB).
  const to: number[][] = sentences.map(() => []);
  const weight: number[][] = sentences.map(() => []);
  const norm = termSets.map((t) => Math.log(t.length + 1));
  const shared = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const list of kept[i]!) {
      for (let k = list.length - 1; k >= 0 && list[k]! > i; k--) {
        const j = list[k]!;
        if (shared[j] === 0) touched.push(j);
        shared[j]! += 1;
      }
    }
    for (const j of touched) {
      const w = shared[j]! / (norm[i]! + norm[j]! || 1);
      to[i]!.push(j);
      weight[i]!.push(w);
      to[j]!.push(i);
      weight[j]!.push(w);
      shared[j] = 0;
    }
    touched.length = 0;
  }
  const outWeight = weight.map((row) => row.reduce((a, b) => a + b, 0));

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
      const share = (damping * rank[i]!) / outWeight[i]!;
      const row = to[i]!;
      const w = weight[i]!;
      for (let k = 0; k < row.length; k++) next[row[k]!]! += share * w[k]!;
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
