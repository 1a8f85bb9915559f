/**
 * Markdown → blocks, with marked's lexer: headings, paragraphs, list items (nested lists become
 * lists of their own), blockquotes with a "— Name" attribution. Inline markup is reduced to its
 * text (links keep their text, images and raw HTML are dropped). A leading `# Title` is the
 * headline; YAML front matter, if any, gives title/author/date.
 */

import { Lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { afterAttributionDash } from '../../content/attribution.js';
import { countNewlines } from '../../content/source-text.js';
import { withLines } from '../../content/token-lines.js';
import { decodeEntities } from '../../html-text.js';
import { absorbLine, classifyLine, emptyMeta, findDate, hiddenAfter, squash } from './lines.js';
import type { ArticleText, Block } from '../article.js';

export function readMarkdown(source: string, file: string): ArticleText {
  const meta = emptyMeta();
  const dropped: string[] = [];
  let body = source;
  let line = 1;
  const fm = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(source);
  if (fm) {
    try {
      const data = parseYaml(fm[1]!) as Record<string, unknown> | null;
      if (data && typeof data === 'object') {
        if (typeof data.title === 'string') meta.title = squash(data.title);
        if (typeof data.author === 'string') meta.author = squash(data.author);
        if (typeof data.lang === 'string') meta.lang = data.lang;
        for (const key of ['publisher', 'site_name', 'site', 'publication'])
          if (typeof data[key] === 'string') meta.publisher ??= squash(data[key] as string);
        const date =
          data.date instanceof Date
            ? data.date.toISOString().slice(0, 10)
            : typeof data.date === 'string'
              ? findDate(data.date)?.date
              : undefined;
        if (date) meta.date = date;
      }
    } catch {
      // Not YAML after all: treat it as text.
    }
    body = source.slice(fm[0].length);
    line += countNewlines(fm[0]);
  }

  const blocks: Block[] = [];
  let listId = 0;
  const header = () => blocks.filter((b) => b.kind !== 'heading').length < 1;

  const addText = (kind: 'paragraph' | 'item', text: string, at: number, extra: Partial<Block> = {}) => {
    if (!text) return;
    if (absorbLine(meta, dropped, classifyLine(text, header()), text)) return;
    blocks.push({ kind, text, line: at, ...extra });
  };

  // A `<template>` or `<noscript>` block can span blank lines: marked then gives the tokens in between as markdown.
  let hidden: string | undefined;
  const walk = (tokens: Token[], startLine: number) => {
    for (const [token, tokenLine] of withLines(tokens, startLine)) {
      if (token.type === 'html') {
        hidden = hiddenAfter(token.raw, hidden);
        continue;
      }
      if (hidden) continue;
      switch (token.type) {
        case 'heading': {
          const heading = token as Tokens.Heading;
          const text = plain(heading.tokens);
          if (classifyLine(text, header())?.type === 'boilerplate') {
            dropped.push(text); // "## Related", "## Read more"
            break;
          }
          if (heading.depth === 1 && !meta.title && !blocks.length) meta.title = text;
          else if (text) blocks.push({ kind: 'heading', text, level: heading.depth, line: tokenLine });
          break;
        }
        case 'paragraph':
        case 'text':
          addText(
            'paragraph',
            plain((token as Tokens.Paragraph).tokens ?? []) || squash((token as Tokens.Text).text),
            tokenLine,
          );
          break;
        case 'list':
          list(token as Tokens.List, tokenLine);
          break;
        case 'blockquote': {
          const inner = (token as Tokens.Blockquote).tokens.filter((t) => t.type !== 'space');
          const texts = inner.flatMap((t) => (t.type === 'paragraph' ? splitLines(t as Tokens.Paragraph) : []));
          const speaker = texts.length > 1 ? squash(afterAttributionDash(texts[texts.length - 1]!) ?? '') : '';
          const text = squash((speaker ? texts.slice(0, -1) : texts).join(' '));
          if (text) blocks.push({ kind: 'quote', text, attribution: speaker || undefined, line: tokenLine });
          break;
        }
        default:
          // code, tables, html, hr: not part of the argument.
          break;
      }
    }
  };

  const list = (token: Tokens.List, startLine: number) => {
    const id = ++listId;
    const nested: [Tokens.List, number][] = [];
    for (const [item, itemLine] of withLines(token.items, startLine)) {
      const parts: string[] = [];
      for (const [child, childLine] of withLines(item.tokens, itemLine)) {
        if (child.type === 'list') nested.push([child as Tokens.List, childLine]);
        else if (child.type === 'text' || child.type === 'paragraph')
          parts.push(plain((child as Tokens.Text).tokens ?? []) || squash((child as Tokens.Text).text));
      }
      addText('item', squash(parts.join(' ')), itemLine, { list: id, ordered: token.ordered });
    }
    for (const [child, childLine] of nested) list(child, childLine);
  };

  walk(new Lexer({ gfm: true }).lex(body), line);
  return { file, format: 'md', blocks, meta, dropped };
}

/** Plain text of inline tokens. */
export function plain(tokens: Token[]): string {
  return squash(visible(tokens).map(inlineText).join(''));
}

/** The inline tokens outside `<script>…</script>`, `<style>`, `<template>` and `<noscript>`, which marked gives as text between two html tokens. */
function visible(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let hidden: string | undefined;
  for (const token of tokens) {
    if (token.type === 'html') hidden = hiddenAfter(token.raw, hidden);
    else if (!hidden) out.push(token);
  }
  return out;
}

function inlineText(token: Token): string {
  switch (token.type) {
    case 'image':
    case 'html':
      return '';
    case 'br':
      return ' ';
    case 'escape':
    case 'codespan':
      return (token as Tokens.Escape).text; // as written: CommonMark reads no character references in code
    default: {
      const children = (token as { tokens?: Token[] }).tokens;
      if (children?.length) return visible(children).map(inlineText).join('');
      return decodeEntities((token as { text?: string }).text ?? '');
    }
  }
}

function splitLines(paragraph: Tokens.Paragraph): string[] {
  // The attribution is usually the last line of the quote's last paragraph.
  const lines = paragraph.text.split('\n');
  const last = lines[lines.length - 1]!;
  if (lines.length > 1 && afterAttributionDash(last))
    return [plain(new Lexer().inlineTokens(lines.slice(0, -1).join('\n'))), squash(last)];
  return [plain(paragraph.tokens)];
}
