/**
 * Sentences and terms, with wink-nlp and its small English model: sentence boundaries that know
 * abbreviations ("U.S.", "George W. Bush"), and per sentence the stems of its content words for
 * similarity. Loaded on first use (about 0.3 s), so other commands never pay for it.
 */

import type { Article, Sentence } from './article.js';

type Nlp = {
  readDoc(text: string): {
    sentences(): { each(cb: (s: WinkSentence) => void): void };
  };
  its: Record<string, unknown>;
};
type WinkSentence = {
  out(): string;
  tokens(): { out(its: unknown): unknown[] };
};

let loading: Promise<Nlp> | undefined;

/** The wink-nlp instance (sentence boundaries only: no POS tagging or entities, which we do not use). */
export function loadNlp(): Promise<Nlp> {
  loading ??= (async () => {
    const [{ default: winkNLP }, { default: model }] = await Promise.all([
      import('wink-nlp'),
      import('wink-eng-lite-web-model'),
    ]);
    return (winkNLP as unknown as (model: unknown, pipe: string[]) => Nlp)(model, ['sbd']);
  })();
  return loading;
}

export interface SentenceSet {
  sentences: Sentence[];
  /** Stem → how it is written in the article, with counts (for key terms and headings); `^` marks a sentence-initial spelling. */
  surface: Map<string, Map<string, number>>;
}

/** Splits every block into sentences, numbering paragraphs the way a reader would count them. */
export async function splitSentences(article: Article): Promise<SentenceSet> {
  const nlp = await loadNlp();
  const its = nlp.its as Record<'type' | 'stem' | 'stopWordFlag' | 'value', unknown>;
  const sentences: Sentence[] = [];
  const surface = new Map<string, Map<string, number>>();
  let para = 0;
  let heading: { text: string; block: number } | undefined;
  article.blocks.forEach((block, b) => {
    if (block.kind === 'heading') {
      heading = { text: block.text, block: b };
      return;
    }
    para++;
    let index = 0;
    let from = 0;
    nlp
      .readDoc(block.text)
      .sentences()
      .each((s) => {
        const out = s.out().trim();
        if (!out) return;
        // wink's text is a substring of the block; keep the exact source characters.
        const at = block.text.indexOf(out, from);
        const text = at >= 0 ? block.text.slice(at, at + out.length) : out;
        if (at >= 0) from = at + out.length;
        const tokens = s.tokens();
        const types = tokens.out(its.type) as string[];
        const stems = tokens.out(its.stem) as string[];
        const stops = tokens.out(its.stopWordFlag) as boolean[];
        const values = tokens.out(its.value) as string[];
        const terms: string[] = [];
        let words = 0;
        types.forEach((type, t) => {
          if (type !== 'word') return;
          words++;
          const stem = stems[t]!.toLowerCase();
          if (stops[t] || stem.length < 2) return;
          terms.push(stem);
          // A capital at the start of a sentence says nothing about the word: "Routine surgery" is not a name.
          const value = words === 1 && /^\p{Lu}\p{Ll}+$/u.test(values[t]!) ? `^${values[t]!}` : values[t]!;
          const forms = surface.get(stem) ?? new Map<string, number>();
          forms.set(value, (forms.get(value) ?? 0) + 1);
          surface.set(stem, forms);
        });
        sentences.push({
          id: sentences.length,
          block: b,
          para,
          index: ++index,
          text,
          kind: block.kind,
          heading: heading?.text,
          headingBlock: heading?.block,
          line: block.line,
          terms,
          words,
        });
      });
  });
  return { sentences, surface };
}
