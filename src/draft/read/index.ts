/**
 * Reading the article: a .txt, .md or .html file, or `-` for standard input (format sniffed).
 * Returns normalised text (UTF-8, no BOM, `\n` line ends) and hands it to the reader for its format.
 */

import path from 'node:path';
import { DraftError } from '../../errors.js';
import { MAX_TEXT_BYTES, readRegularFile } from '../../files.js';
import { authorNote } from './lines.js';
import { readHtml } from './from-html.js';
import { readMarkdown } from './from-markdown.js';
import type { Article, ArticleFormat, ArticleText } from '../article.js';
import { readText } from './from-text.js';
import { articleLanguage } from '../language.js';

export interface ArticleInput {
  text: string;
  /** Name for messages and provenance: the path as given, or "stdin". */
  file: string;
  format: ArticleFormat;
}

/**
 * The largest article text drafted: 5 MB (about 800,000 words, several books) drafts in about
 * 5 s and 310 MB on a 2-core machine; 20 MB would take 20 s and over 1 GB. An HTML page may be up to
 * MAX_TEXT_BYTES (20 MB: saved pages carry scripts, styles and inline images), but its text is held
 * to this limit too.
 */
const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** One line naming the limit, for a file, standard input or a page's text. */
function tooLong(bytes: number, file: string, what = 'article'): DraftError {
  return new DraftError(
    `the ${what} is ${megabytes(bytes)}, over the ${megabytes(MAX_ARTICLE_BYTES)} that briefdeck draft reads`,
    'draft a part of it: cut the text at a heading into files under 5 MB',
    { file },
  );
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(2).replace(/\.?0+$/, '') : Math.round(mb)} MB`;
}

const EXTENSIONS: Record<string, ArticleFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

/** Reads the article named on the command line (`-` reads `stdin`); messages name it as given. */
export async function readInput(
  name: string,
  stdin: NodeJS.ReadableStream = process.stdin,
  cwd = process.cwd(),
): Promise<ArticleInput> {
  if (name === '-') {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += bytes.length;
      // Stop reading at the limit for pages: an endless pipe must not fill the memory.
      if (total > MAX_TEXT_BYTES) throw tooLong(total, 'stdin', 'input');
      chunks.push(bytes);
    }
    const text = decode(Buffer.concat(chunks), 'stdin');
    if (sniff(text) !== 'html' && total > MAX_ARTICLE_BYTES) throw tooLong(total, 'stdin');
    if (!text.trim())
      throw new DraftError('standard input is empty', 'pipe the article in, e.g. `briefdeck draft - < article.txt`', {
        file: 'stdin',
      });
    return { text, file: 'stdin', format: sniff(text) };
  }
  const extension = path.extname(name).toLowerCase();
  const format = EXTENSIONS[extension];
  if (!format) {
    throw new DraftError(
      `cannot draft from a "${extension || 'file without extension'}" file`,
      'give a .txt, .md or .html article, or pipe it in with `-`',
      { file: name },
    );
  }
  const bytes = await readRegularFile(path.resolve(cwd, name), {
    as: DraftError,
    noun: 'article (.txt, .md or .html)',
    maxBytes: format === 'html' ? MAX_TEXT_BYTES : MAX_ARTICLE_BYTES,
    tooLarge: (bytes) => tooLong(bytes, name, format === 'html' ? 'page' : 'article'),
    shown: name,
    whenMissing: { what: 'no such article', hint: 'check the path' },
  });
  const text = decode(bytes, name);
  if (!text.trim()) throw new DraftError('the article is empty', "give a file with the article's text", { file: name });
  return { text, file: name, format };
}

/** Text of unknown type: HTML if it looks like a page, markdown if it has markdown headings or emphasis, else plain text. */
export function sniff(text: string): ArticleFormat {
  const head = text.slice(0, 2000);
  if (
    /^\s*(?:<!doctype html|<html\b|<\?xml[^>]*>\s*<html\b)/i.test(head) ||
    (head.match(/<\/?(?:p|div|body|article|h[1-6])\b[^>]*>/gi) ?? []).length >= 3
  )
    return 'html';
  if (
    /^#{1,6} \S/m.test(head) ||
    /^---\n[\s\S]*?\n---\n/.test(head) ||
    /\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)/.test(head)
  )
    return 'md';
  return 'txt';
}

export function decode(bytes: Buffer, file: string): string {
  if (bytes.indexOf(0) >= 0)
    throw new DraftError('the article contains NUL bytes (is it binary?)', 'give a text, markdown or HTML file', {
      file,
    });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Web pages saved from old sites are often Windows-1252; better a faithful guess than a refusal.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const odd = oddShare(text);
  if (odd > 0.01)
    throw new DraftError(
      `the article is not text: ${Math.round(odd * 100)}% of its characters are control codes (is it binary?)`,
      'give a text, markdown or HTML file in UTF-8 or Windows-1252',
      { file },
    );
  return normalise(text);
}

/**
 * The share of characters no text has: control codes other than tab, line feed, form feed and
 * carriage return, and U+FFFD. Random bytes decoded as Windows-1252 give about 12 % (every byte
 * under 0x20 is one, as are the five bytes Windows-1252 leaves undefined); a real page gives none.
 */
function oddShare(text: string): number {
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) odd++;
  }
  return text.length ? odd / text.length : 0;
}

export function normalise(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ');
}

/** Splits the article into blocks with its format's reader, and tells its language. */
export async function readArticle(input: ArticleInput): Promise<Article> {
  const text = normalise(input.text);
  const article =
    input.format === 'html'
      ? await readHtml(text, input.file)
      : input.format === 'md'
        ? readMarkdown(text, input.file)
        : readText(text, input.file);
  const bytes = article.blocks.reduce((n, b) => n + Buffer.byteLength(b.text) + 1, 0);
  if (bytes > MAX_ARTICLE_BYTES) throw tooLong(bytes, input.file, "page's text");
  const closed = withClosingMeta(article);
  return { ...closed, language: articleLanguage(closed) };
}

/**
 * What only the end of an article or a second choice gives: a closing line about the author
 * ("Helena Voss is a senior fellow at …", taken out of the text), the date of an "Updated" line
 * when there is no publication date, the holder of the copyright as the publisher when no other
 * is named.
 */
function withClosingMeta(article: ArticleText): ArticleText {
  const { meta, blocks } = article;
  for (let i = blocks.length - 1, seen = 0; i >= 0 && seen < 3; i--) {
    const block = blocks[i]!;
    if (block.kind === 'heading') continue;
    seen++;
    const name = block.kind === 'paragraph' ? authorNote(block.text, meta.author) : undefined;
    if (!name) continue;
    meta.author ??= name;
    article.dropped.push(block.text);
    blocks.splice(i, 1);
    break;
  }
  meta.date ??= meta.updated;
  meta.publisher ??= meta.copyrightHolder;
  return article;
}
