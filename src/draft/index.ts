/**
 * `briefdeck draft`: an article (.txt, .md, .html or stdin) → a draft content file that
 * `briefdeck build` turns into a deck as it is. Extractive only: every bullet is a sentence of the
 * article shortened by deletion only (compress.ts), each with a note quoting that sentence whole.
 *
 *   readInput → readArticle (blocks, metadata, boilerplate out, language) → splitSentences
 *   → textRank → findQuote, findRecommendations, bottomLine, summarise, findImplications → writeDraft
 * Each sentence goes to one section at most.
 */

import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Warning } from '../content/model.js';
import { slugify } from '../content/parse.js';
import { DraftError } from '../errors.js';
import { writeOnce } from '../output/write-once.js';
import { bottomLine, titleTermsOf } from './bottom-line.js';
import { findImplications } from './implications.js';
import { readArticle, readInput, sniff, type ArticleInput } from './read/index.js';
import { keyTerms, titleFrom, titleFromLead } from './keyterms.js';
import { unsupportedLanguage } from './language.js';
import { isEnglish } from './languages/index.js';
import type { Article, ArticleFormat, Draft, Sentence } from './article.js';
import { findQuote } from './quote.js';
import { textRank } from './rank.js';
import { findRecommendations } from './recommendations.js';
import { loadNlp, splitSentences } from './sentences.js';
import { lead3, summarise } from './summary.js';
import { writeDraft } from './briefing-markdown.js';

export type { Article, Draft } from './article.js';

export interface DraftResult {
  /** The content file's text. */
  markdown: string;
  draft: Draft;
  article: Article;
  /** All sentences of the article, in order. */
  sentences: Sentence[];
  /** The first three body sentences (the lead-3 baseline). */
  lead3: string[];
  /** Slug for the default output name. */
  slug: string;
  warnings: Warning[];
}

export interface DraftTextOptions {
  /** Name for messages and provenance notes (default "stdin"). */
  file?: string;
  /** Default: from the file name's extension, else sniffed. */
  format?: ArticleFormat;
  /** Told what the drafter is doing, in pieces of one line, for articles over 1 MB (the CLI writes them to stderr). */
  progress?: (text: string) => void;
}

/** Articles from this size on are long enough (a second or more) to say what is happening. */
const PROGRESS_FROM = 1024 * 1024;

/** Drafts a briefing from an article's text. No file system access. */
export async function draftBriefing(text: string, options: DraftTextOptions = {}): Promise<DraftResult> {
  const file = options.file ?? 'stdin';
  const format = options.format ?? formatOf(file) ?? sniff(text);
  return draftArticle({ text, file, format }, options.progress);
}

async function draftArticle(input: ArticleInput, progress?: (text: string) => void): Promise<DraftResult> {
  if (!progress || input.text.length < PROGRESS_FROM) return draftSteps(input);
  let open = false;
  try {
    return await draftSteps(input, (text) => {
      progress(text);
      open = !text.endsWith('\n');
    });
  } finally {
    // An error is one line of its own, never the end of a progress line.
    if (open) progress('\n');
  }
}

async function draftSteps(input: ArticleInput, say?: (text: string) => void): Promise<DraftResult> {
  const nlp = loadNlp(); // start loading the model while the input is parsed
  say?.(`drafting ${input.file}: reading…`);
  const article = await readArticle(input);
  const unsupported = unsupportedLanguage(article.language);
  if (unsupported)
    throw new DraftError(
      unsupported,
      'if its language was misread, declare it (`lang:` in front matter, `<html lang>`); else write the briefing by hand',
      { file: input.file },
    );
  say?.(` ${article.blocks.length.toLocaleString('en')} paragraphs… sentences…`);
  await nlp;
  const { sentences, surface } = await splitSentences(article);
  say?.(` ${sentences.length.toLocaleString('en')}… ranking…`);
  const warnings: Warning[] = [];
  const file = input.file;
  if (sentences.filter((s) => s.kind === 'paragraph' || s.kind === 'item').length < 3) {
    throw new DraftError(
      'found fewer than three sentences of article text',
      input.format === 'html'
        ? 'is this the article page? save the page with its text, or paste the text into a .txt file'
        : 'give the full text of the article',
      { file },
    );
  }

  const ranks = textRank(sentences.filter((s) => s.kind !== 'quote'));
  say?.(' choosing…');
  const quote = findQuote(article, sentences);
  const recs = findRecommendations(article, sentences);
  for (const id of quote.used) recs.used.delete(id);
  // Each sentence goes to one section at most, in this order of claim.
  const exclude = new Set([...recs.used, ...quote.used]);
  const titleTerms = titleTermsOf(article.meta.title, surface);
  const language = article.language;
  const lead = bottomLine(sentences, { exclude, ranks, titleTerms, language });
  for (const b of lead) exclude.add(b.source.id);
  const summary = summarise(sentences, { exclude, ranks, hasBottomLine: lead.length > 0, language });
  for (const b of summary) exclude.add(b.source.id);
  const implications = findImplications(sentences, { exclude, ranks, language });

  const terms = keyTerms(sentences, surface);
  const headline = article.meta.title;
  // The lead-sentence phrase knows English function words only; other languages get key terms.
  const leadTitle = headline || !isEnglish(article.language) ? undefined : titleFromLead(sentences);
  const draft: Draft = {
    title: headline ?? leadTitle ?? titleFrom(terms, article.language),
    titleFrom: headline ? 'headline' : leadTitle ? 'lead sentence' : 'key terms',
    keywords: terms.map((t) => t.text),
    bottomLine: lead,
    summary,
    implications,
    recommendations: recs.items,
    recommendationsFrom: recs.from,
    recommendationsIntro: recs.intro,
    quote: quote.quote,
  };

  if (!headline)
    warnings.push({
      file,
      message: `the article has no headline: the title "${draft.title}" was built from its ${draft.titleFrom === 'key terms' ? 'key terms' : 'lead sentence'} — review it`,
    });
  if (!recs.items.length) {
    warnings.push({
      file,
      message:
        'no recommendations found (no recommendations list, no sentence saying what should or must be done): the Recommendations section is left empty — add your own or say the source makes none',
    });
  }
  if (!implications.length)
    warnings.push({
      file,
      message: 'no implications found: the Implications section is left empty — write them yourself',
    });
  if (summary.length < 3)
    warnings.push({
      file,
      message: `only ${summary.length} summary sentence${summary.length === 1 ? '' : 's'} found — the article may be too short`,
    });

  const markdown = writeDraft(draft, article, { file });
  say?.(' done\n');
  const slug = (file === 'stdin' ? slugify(draft.title) : slugify(path.basename(file, path.extname(file)))) ?? 'draft';
  return { markdown, draft, article, sentences, lead3: lead3(sentences), slug, warnings };
}

export interface DraftFileOptions {
  /** Output file (default `content/<slug>.md`, relative to `cwd`). */
  out?: string;
  /** Overwrite an existing output file. */
  force?: boolean;
  cwd?: string;
  stdin?: NodeJS.ReadableStream;
  progress?: (text: string) => void;
}

/** Reads the article (`-` for stdin), drafts it and writes the content file. */
export async function draftFile(
  name: string,
  options: DraftFileOptions = {},
): Promise<DraftResult & { outFile: string }> {
  const cwd = options.cwd ?? process.cwd();
  const nlp = loadNlp();
  // Refuse early, before the work, when the default or given output exists.
  if (!options.force && options.out && (await exists(path.resolve(cwd, options.out)))) {
    throw new DraftError('already exists', 'pass --force to overwrite it, or choose another file with -o <file>', {
      file: options.out,
    });
  }
  const input = await readInput(name, options.stdin, cwd);
  await nlp;
  const result = await draftArticle(input, options.progress);
  const outFile = options.out ?? path.join('content', `${result.slug}.md`);
  await writeOnce(path.resolve(cwd, outFile), result.markdown, outFile, {
    force: Boolean(options.force),
    as: DraftError,
  });
  return { ...result, outFile };
}

function formatOf(file: string): ArticleFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  return extension === '.html' || extension === '.htm'
    ? 'html'
    : extension === '.md' || extension === '.markdown'
      ? 'md'
      : extension === '.txt'
        ? 'txt'
        : undefined;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
