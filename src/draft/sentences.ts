/**
 * Sentences and terms. English: wink-nlp and its small English model, for sentence boundaries that
 * know abbreviations ("U.S.", "George W. Bush"), and per sentence the stems of its content words for
 * similarity; loaded on first use (about 0.3 s), so other commands never pay for it. Every other
 * language: Intl.Segmenter (Node's full ICU), which ends sentences at the punctuation of each script
 * (Arabic ؟ and ۔, CJK 。！？, Devanagari ।) and finds the words of Chinese and Japanese with its
 * dictionary; terms are its lower-cased words without the language's stop words (languages/).
 */

import type { Article, Block, Sentence } from './article.js';
import { cuesFor, isEnglish, primaryLanguage } from './languages/index.js';

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
    memoiseStem(model as unknown as { addons: { stem: (word: string) => string } });
    return (winkNLP as unknown as (model: unknown, pipe: string[]) => Nlp)(model, ['sbd']);
  })();
  return loading;
}

/**
 * The Porter stemmer is a pure function of the word, and was half the time of a long article
 * (2.5 s of 4.7 s splitting 5 MB): wink calls it once per token, so the model's addon is memoised.
 * wink reads `model.addons` on every readDoc, so replacing it here is enough.
 */
function memoiseStem(model: { addons: { stem: (word: string) => string } }): void {
  const stem = model.addons.stem;
  const stems = new Map<string, string>();
  model.addons.stem = (word) => {
    let result = stems.get(word);
    if (result === undefined) {
      result = stem(word);
      stems.set(word, result);
    }
    return result;
  };
}

export interface SentenceSet {
  sentences: Sentence[];
  /** Stem → how it is written in the article, with counts (for key terms and headings); `^` marks a sentence-initial spelling. */
  surface: Map<string, Map<string, number>>;
}

/** One sentence of a block, with its terms and word count, before it is numbered. */
interface Split {
  text: string;
  terms: string[];
  words: number;
}

/** Splits every block into sentences, numbering paragraphs the way a reader would count them. */
export async function splitSentences(article: Article): Promise<SentenceSet> {
  const surface = new Map<string, Map<string, number>>();
  const split = isEnglish(article.language)
    ? englishSplitter(await loadNlp(), surface)
    : intlSplitter(article.language, surface);
  const sentences: Sentence[] = [];
  let para = 0;
  let heading: { text: string; block: number } | undefined;
  article.blocks.forEach((block, b) => {
    if (block.kind === 'heading') {
      heading = { text: block.text, block: b };
      return;
    }
    para++;
    let index = 0;
    for (const { text, terms, words } of split(block)) {
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
    }
  });
  return { sentences, surface };
}

type Splitter = (block: Block) => Split[];

/** Counts a spelling of a term (`^` marks a capital that only starts the sentence). */
function addForm(surface: SentenceSet['surface'], term: string, form: string): void {
  const forms = surface.get(term) ?? new Map<string, number>();
  forms.set(form, (forms.get(form) ?? 0) + 1);
  surface.set(term, forms);
}

function englishSplitter(nlp: Nlp, surface: SentenceSet['surface']): Splitter {
  const its = nlp.its as Record<'type' | 'stem' | 'stopWordFlag' | 'value', unknown>;
  return (block) => {
    const found: Split[] = [];
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
          addForm(surface, stem, words === 1 && /^\p{Lu}\p{Ll}+$/u.test(values[t]!) ? `^${values[t]!}` : values[t]!);
        });
        found.push({ text, terms, words });
      });
    return found;
  };
}

/**
 * ICU ends a sentence after any "X." followed by a capital, so "M. Dupont" and "Dr. Weber" would be
 * cut: a segment that ends on one capital letter or a capitalised word of up to three letters and a
 * full stop goes on into the next.
 */
const ABBREVIATION_END = /(?:^|[\s(])(?:\p{Lu}\p{Ll}{0,2}|\p{Ll})\.\s*$/u;

function intlSplitter(language: string, surface: SentenceSet['surface']): Splitter {
  const sentenceSegmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const wordSegmenter = new Intl.Segmenter(language, { granularity: 'word' });
  const cues = cuesFor(language);
  const primary = primaryLanguage(language);
  return (block) => {
    const parts: string[] = [];
    for (const { segment } of sentenceSegmenter.segment(block.text)) {
      const last = parts.length - 1;
      if (last >= 0 && ABBREVIATION_END.test(parts[last]!)) parts[last] += segment;
      else parts.push(segment);
    }
    return parts
      .map((part) => part.trim())
      .filter(Boolean)
      .map((text) => {
        const terms: string[] = [];
        let words = 0;
        for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
          if (!isWordLike) continue;
          words++;
          const lower = segment.toLocaleLowerCase(language);
          // Arabic joins "al-" (the) and "wa-" (and) to the noun; a one-letter word (a Chinese particle
          // such as 的, French "l'") says nothing.
          const term = primary === 'ar' ? lower.replace(/^(?:[وف]?ال|[وف](?=\p{L}{3}))/u, '') : lower;
          if (term.length < 2 || /^\p{N}+$/u.test(term) || cues?.stopWords.has(lower)) continue;
          terms.push(term);
          addForm(surface, term, words === 1 && /^\p{Lu}\p{Ll}+$/u.test(segment) ? `^${segment}` : segment);
        }
        return { text, terms, words };
      });
  };
}
