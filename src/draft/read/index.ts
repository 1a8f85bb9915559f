/**
 * Reading the article: a .txt, .md or .html file, or `-` for standard input (format sniffed).
 * Returns normalised text (UTF-8, no BOM, `\n` line ends) and hands it to the reader for its format.
 */

import path from 'node:path';
import { DraftError } from '../../errors.js';
import { MAX_TEXT_BYTES, readRegularFile } from '../../files.js';
import { readHtml } from './from-html.js';
import { readMarkdown } from './from-markdown.js';
import type { Article, ArticleFormat } from '../article.js';
import { readText } from './from-text.js';
import { articleLanguage } from '../language.js';

export interface ArticleInput {
  text: string;
  /** Name for messages and provenance: the path as given, or "stdin". */
  file: string;
  format: ArticleFormat;
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
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    const text = decode(Buffer.concat(chunks), 'stdin');
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
    maxBytes: MAX_TEXT_BYTES,
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
  return normalise(text);
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
  return { ...article, language: articleLanguage(article) };
}
