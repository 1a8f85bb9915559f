import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { FIXTURES } from '../helpers.js';

export const ARTICLES = path.join(FIXTURES, 'articles');

export interface Expected {
  shape: string;
  title: string | null;
  source: Record<string, string>;
  recommendations: string[];
  implications: string[];
  quote: { text: string; attribution: string } | null;
  summary: string;
}

export interface Fixture {
  name: string;
  file: string;
  text: string;
  expected: Expected;
}

export const fixtures: Fixture[] = readdirSync(ARTICLES)
  .filter((f) => /\.(txt|md|html)$/.test(f))
  .sort()
  .map((name) => ({
    name,
    file: path.join(ARTICLES, name),
    text: readFileSync(path.join(ARTICLES, name), 'utf8'),
    expected: JSON.parse(
      readFileSync(path.join(ARTICLES, name.replace(/\.\w+$/, '.expected.json')), 'utf8'),
    ) as Expected,
  }));

/** Whitespace collapsed, no-break and typographic spaces included. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What a reader of the source sees, derived independently of the drafter: the text file as it is,
 * markdown without its inline markup, or an HTML page's text content (tags dropped, entities decoded).
 */
export function readerText(fixture: Fixture): string {
  if (fixture.name.endsWith('.html')) {
    const { document } = parseHTML(fixture.text);
    return squash(
      Array.from(document.querySelectorAll('p, li, h1, h2, h3, blockquote, figcaption'))
        .map((e) => e.textContent ?? '')
        .join(' '),
    );
  }
  if (fixture.name.endsWith('.md')) {
    return squash(
      fixture.text
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\*\*|__|(?<!\w)[*_]|[*_](?!\w)/g, ''),
    );
  }
  return squash(fixture.text);
}

/** Rendered (sanitized) HTML of the deck → the text the audience reads. */
export function htmlText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body><div>${html}</div></body></html>`);
  return squash(document.querySelector('div')?.textContent ?? '');
}

/** True when `text` occurs in `source`, allowing the first letter's case to differ (a dropped "Moreover, " capitalises it). */
export function occursIn(text: string, source: string): boolean {
  if (!text) return false;
  if (source.includes(text)) return true;
  const rest = text.slice(1);
  let at = source.indexOf(rest);
  while (at > 0) {
    if (source[at - 1]!.toLowerCase() === text[0]!.toLowerCase()) return true;
    at = source.indexOf(rest, at + 1);
  }
  return false;
}

const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });
function wordsOf(text: string): string[] {
  return [...wordSegmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/**
 * True when `shown` is the source sentence with words deleted and nothing else: its words occur in
 * `source` in the same order, spelled the same (only the first word's first letter may change case,
 * as it does when a leading "Moreover," is dropped).
 */
export function isDeletionOf(shown: string, source: string): boolean {
  const want = wordsOf(shown);
  const have = wordsOf(source);
  if (!want.length) return false;
  let at = 0;
  for (const word of have) {
    const next = want[at];
    if (next === undefined) break;
    const same =
      at === 0 ? next.toLowerCase() === word.toLowerCase() && next.slice(1) === word.slice(1) : next === word;
    if (same) at++;
  }
  return at === want.length;
}

/** The “…” quotation of a note: the source sentence(s) it cites, in full. */
export function quotedIn(note: string): string | undefined {
  return /“(.*)”/.exec(htmlText(note))?.[1];
}
