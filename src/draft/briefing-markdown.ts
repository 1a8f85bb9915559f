/**
 * Draft → content file: YAML front matter (every string double-quoted, `draft: true`) and the
 * markdown sections the parser in src/content expects. Article text is escaped so that it reads
 * as text, never as markdown or HTML; every bullet carries a `Note:` naming its source sentence.
 */

import { Document } from 'yaml';
import type { Article, Bullet, Draft, Sentence } from './article.js';
import { fallbackTags, labelFile } from '../labels/index.js';
import { isEnglish } from './languages/index.js';

export interface WriteOptions {
  /** The input's name as the user gave it, for notes. */
  file: string;
}

export function writeDraft(draft: Draft, article: Article, options: WriteOptions): string {
  return `${frontMatter(draft, article, options)}\n${body(draft, article, options)}`;
}

function frontMatter(draft: Draft, article: Article, { file }: WriteOptions): string {
  const meta = article.meta;
  // Without a headline the source's title is the one the draft built (flagged below), never the file name.
  const source: Record<string, string> = { title: meta.title ?? draft.title };
  if (meta.author) source.author = meta.author;
  if (meta.publisher) source.publisher = meta.publisher;
  if (meta.url) source.url = meta.url;
  if (meta.date) source.date = meta.date;
  if (meta.credits.length) source.credit = unique(meta.credits).join('; ');
  const note = [
    ...unique(meta.disclaimers),
    `Drafted by briefdeck from ${baseName(file)}: every bullet is from a sentence of the source, shortened by deletion only (its note quotes the sentence whole), unreviewed.`,
  ];
  source.note = note.join(' ');
  const data: Record<string, unknown> = { title: draft.title, draft: true, source };
  // English is every briefing's default; another language says so, for the deck's labels and headings.
  if (!isEnglish(article.language)) data.lang = article.language;
  if (draft.keywords.length) data.keywords = draft.keywords;
  const doc = new Document(data);
  if (draft.titleFrom !== 'headline') {
    const comment = ` built from ${draft.titleFrom === 'key terms' ? 'key terms' : 'the lead sentence'}: the article has no headline; review it`;
    (doc.get('title', true) as { comment?: string }).comment = comment;
    (doc.get('source') as { get(key: string, keepScalar: true): { comment?: string } }).get('title', true).comment =
      comment;
  }
  return `---\n${doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 })}---\n`;
}

function body(draft: Draft, article: Article, { file }: WriteOptions): string {
  const out: string[] = [];
  const name = baseName(file);

  const heading = (kind: HeadingKind) => `## ${sectionHeading(kind, article.language)}`;
  out.push(heading('summary'), '');
  // The summary's first paragraph is its bottom line (the deck's BLUF callout), each of its
  // sentences with a note quoting its source (after the list: a section's notes close it).
  if (draft.bottomLine.length) out.push(escapeBlock(draft.bottomLine.map((b) => b.text).join(' ')), '');
  out.push(...draft.summary.flatMap((b) => bullet('-', b, article)));
  for (const b of draft.bottomLine) out.push(note(`Bottom line: ${sourceOf(b, article)}`), '');
  out.push(
    note(
      (draft.bottomLine.length
        ? "The bottom line is the article's main judgment as briefdeck found it (a thesis or concluding sentence). "
        : '') +
        `Drafted by briefdeck from ${name}: the ${draft.summary.length} sentences that TextRank found most central, in article order, shortened by deletion only (leading connectives, asides and reporting clauses taken out; each note quotes the whole sentence). ` +
        (draft.titleFrom !== 'headline'
          ? `The article has no headline, so the title "${draft.title}" was built from its ${draft.titleFrom === 'key terms' ? 'key terms' : 'lead sentence'}: replace it. `
          : '') +
        'Check every bullet against its source note before presenting.',
    ),
    '',
  );

  out.push(heading('implications'), '');
  const groups = draft.implications;
  const headed = groups.some((g) => g.heading);
  for (const group of groups) {
    // A group without a heading (only ever the first) opens the section, before its `###` groups.
    if (group.heading) out.push(`### ${escapeInline(group.heading)}`, '');
    out.push(...group.bullets.flatMap((b) => bullet('-', b, article)));
    if (group.headingFrom === 'sentence' && group.headingSource) {
      out.push(
        note(
          `The heading is taken from a sentence of the source: ${where(group.headingSource, article)}: “${group.headingSource.text}”`,
        ),
        '',
      );
    }
  }
  if (!groups.length)
    out.push(
      note(
        `No sentence of ${name} outside the bottom line and summary reads as a consequence (such as "could lead to", "raises concerns", "risk"). Write the implications yourself.`,
      ),
      '',
    );
  else
    out.push(
      ...(headed ? [] : [note('Sentences of the source that carry consequences, ranked and in article order.'), '']),
    );

  out.push(heading('recommendations'), '');
  if (draft.recommendations.length) {
    draft.recommendations.forEach((rec, i) => {
      const marker = `${i + 1}.`;
      const before = rec.before ? escapeInline(rec.before) : '';
      const rest = rec.rest ? escapeInline(rec.rest, false) : '';
      out.push(
        `${marker} ${before}**${escapeInline(rec.lead, !before)}**${rest}`,
        '',
        indent(provenance(rec, article), marker.length + 1),
        '',
      );
    });
    // Where they come from goes in a note, not on the slide: the slide's kicker already says whose
    // recommendations they are, and a lead-in line pushed ten of them off two slides.
    out.push(note(originOf(draft)), '');
  } else {
    out.push(
      note(
        `${name} makes no recommendations that briefdeck could find (no recommendations list, and no sentence saying what should or must be done). None were invented: add your own, or say that the source makes none.`,
      ),
      '',
    );
  }

  if (draft.quote) {
    const q = draft.quote;
    out.push(heading('quote'), '', `> ${escapeBlock(q.text)}`);
    if (q.attribution) out.push('>', `> — ${escapeInline(q.attribution)}`);
    out.push(
      '',
      note(
        q.source
          ? `Source: ${where(q.source, article, q.sources.length)}: “${q.sources.map((s) => s.text).join(' ')}”`
          : `From ${name}.`,
      ),
      '',
    );
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
}

type HeadingKind = 'summary' | 'implications' | 'recommendations' | 'quote';

/**
 * A section's heading in the article's language: the first heading its label set gives for the kind
 * (labels/<lang>.yaml `sections:`, the most specific file first), with a capital where the script has
 * them ("Synthèse", "Empfehlungen", "التوصيات", "摘要"), so that `briefdeck build` knows the section.
 */
function sectionHeading(kind: HeadingKind, lang: string): string {
  const tags = fallbackTags(lang).reverse();
  const name = tags.map((tag) => labelFile(tag)?.sections?.[kind]?.[0]).find((each) => each !== undefined) ?? kind;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

function originOf(draft: Draft): string {
  const shortened =
    'in its own words (any over 25 words shortened by deletion only; each note quotes the whole sentence).';
  switch (draft.recommendationsFrom) {
    case 'list':
      return `The source's recommendations list, ${shortened}`;
    case 'section':
      return `The source's section on what should be done, ${shortened}`;
    default:
      return `Sentences of the source that say what should be done, ${shortened}`;
  }
}

function bullet(marker: string, b: Bullet, article: Article): string[] {
  return [`${marker} ${escapeBlock(b.text)}`, '', indent(provenance(b, article), marker.length + 1), ''];
}

/** "Note: Source: paragraph 3, sentence 2 (line 7): “…”" */
function provenance(b: Bullet, article: Article): string {
  return note(sourceOf(b, article));
}

/** "Source: paragraph 3, sentence 2 (line 7): “…”", quoting the whole source sentence(s). */
function sourceOf(b: Bullet, article: Article): string {
  const sources = b.sources ?? [b.source];
  const text = sources.map((s) => s.text).join(' ');
  return `Source: ${where(b.source, article, sources.length)}: “${text}”`;
}

function where(s: Sentence, article: Article, count = 1): string {
  const block = article.blocks[s.block];
  const kind = block?.kind === 'item' ? 'list item (paragraph' : 'paragraph';
  const sentence = count > 1 ? `sentences ${s.index}–${s.index + count - 1}` : `sentence ${s.index}`;
  const close = block?.kind === 'item' ? ')' : '';
  return `${kind} ${s.para}${close}, ${sentence}${s.line ? ` (line ${s.line})` : ''}`;
}

function note(text: string): string {
  return `Note: ${escapeInline(text, false)}`;
}

function indent(text: string, by: number): string {
  return text
    .split('\n')
    .map((line) => (line ? ' '.repeat(by) + line : line))
    .join('\n');
}

/**
 * Escapes text so markdown shows it as written: backslash-escapes the inline specials
 * (CommonMark allows a backslash before any ASCII punctuation) and, at the start of a line, what
 * would open a heading, quote, list, table or a `Note:`.
 */
function escapeBlock(text: string): string {
  return escapeInline(text, true);
}

export function escapeInline(text: string, lineStart = true): string {
  let out = text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>&~|#!]/g, '\\$&');
  if (lineStart) {
    out = out
      .replace(/^(\s*)([-+=>])/, '$1\\$2')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      .replace(/^(note)(:)/i, '$1\\$2');
  }
  return out;
}

function baseName(file: string): string {
  return file === 'stdin' ? 'standard input' : (file.split(/[\\/]/).pop() ?? file);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
