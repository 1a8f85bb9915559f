/**
 * The article's quotation: a blockquote with an attribution ("> …" / "— Name", <blockquote>),
 * else an attributed quotation in the prose: `In the words of X: “…”`, `X said: “…”`, `“…,” said X`.
 * Text and attribution are taken verbatim; only the enclosing quotation marks are dropped.
 */

import type { Article, DraftQuote, Sentence } from './article.js';

const OPEN = '[“"]';
const CLOSE = '[”"]';
const Q = `${OPEN}([^“”"]{20,600}?)${CLOSE}`;
const WHO = '([\\p{Lu}a-z][^:;“”"]{2,100}?)';
const VERB =
  '(?:said|says|wrote|writes|put it|noted|notes|observed|remarked|declared|warned|argued|once said|famously said)';
const PROSE_PATTERNS: { pattern: RegExp; who: number; text: number }[] = [
  {
    pattern: new RegExp(`\\b(?:in the words of|as|according to|to quote|quoting)\\s+${WHO}[:,]\\s*${Q}`, 'iu'),
    who: 1,
    text: 2,
  },
  { pattern: new RegExp(`(?:^|[.;]\\s)${WHO}\\s+${VERB}[:,]?\\s*${Q}`, 'u'), who: 1, text: 2 },
  { pattern: new RegExp(`${Q}\\s*,?\\s*(?:${VERB})\\s+${WHO}(?:[.,;]|$)`, 'u'), who: 2, text: 1 },
  { pattern: new RegExp(`${Q}\\s*[—–]\\s*${WHO}(?:[.,;]|$)`, 'u'), who: 2, text: 1 },
];

export interface FoundQuote {
  quote?: DraftQuote;
  /** Sentences the quotation is in, to keep them out of the other sections. */
  used: Set<number>;
}

export function findQuote(article: Article, sentences: Sentence[]): FoundQuote {
  const used = new Set<number>();
  const sentencesOf = (block: number) => sentences.filter((s) => s.block === block);

  // A blockquote with an attribution wins; one without is still better than nothing.
  const quotes = article.blocks.map((block, b) => ({ block, b })).filter(({ block }) => block.kind === 'quote');
  const best = quotes.find(({ block }) => block.attribution) ?? quotes[0];
  if (best) {
    const parts = sentencesOf(best.b);
    for (const s of parts) used.add(s.id);
    return {
      quote: {
        text: unquote(best.block.text),
        attribution: best.block.attribution,
        source: parts[0],
        sources: parts,
        para: parts[0]?.para ?? 0,
      },
      used,
    };
  }

  for (const [b, block] of article.blocks.entries()) {
    if (block.kind !== 'paragraph') continue;
    for (const { pattern, who, text } of PROSE_PATTERNS) {
      const m = pattern.exec(block.text);
      if (!m) continue;
      const quoted = m[text]!.trim();
      const speaker = m[who]!.trim().replace(/[,.]$/, '');
      if (quoted.split(/\s+/).length < 6 || speaker.split(/\s+/).length > 14) continue;
      const start = m.index + m[0].indexOf(m[text]!);
      const end = start + m[text]!.length;
      // The sentences the quotation overlaps (a quote of two sentences is two of wink's sentences).
      let offset = 0;
      const parts = sentencesOf(b).filter((s) => {
        const at = block.text.indexOf(s.text, offset);
        if (at >= 0) offset = at + s.text.length;
        return at >= 0 && at < end && at + s.text.length > start - m[0].length;
      });
      for (const s of parts) used.add(s.id);
      return {
        quote: { text: quoted, attribution: speaker, source: parts[0], sources: parts, para: parts[0]?.para ?? 0 },
        used,
      };
    }
  }
  return { used };
}

function unquote(text: string): string {
  const m = /^[“"‘']\s*([\s\S]*?)\s*[”"’']$/.exec(text);
  return m && !/[“”"]/.test(m[1]!) ? m[1]! : text;
}
