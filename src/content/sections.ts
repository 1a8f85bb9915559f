import type { Token, Tokens } from 'marked';
import { ContentError } from '../errors.js';
import type { ContentMarkdown } from './markdown.js';
import type { Body, Item, Quote, Section, SectionKind, Subsection } from './model.js';
import { countNewlines } from './text.js';

/** Heading names (lower case) that mark each kind of section; anything else is a generic slide. */
export const SECTION_ALIASES: Record<Exclude<SectionKind, 'generic'>, string[]> = {
  summary: ['summary', 'bottom line', 'bottom line up front', 'bluf', 'key judgments', 'key judgements', 'executive summary', 'key points', 'key takeaways'],
  implications: ['implications', 'so what', 'what it means', 'consequences', 'analysis'],
  recommendations: ['recommendations', 'recommended actions', 'policy recommendations', 'actions', 'next steps'],
  background: ['background', 'context'],
  quote: ['quote', 'quotation'],
  sources: ['sources', 'references', 'further reading'],
};

export const REQUIRED_SECTIONS = ['summary', 'implications', 'recommendations'] as const;

// Leading spaces survive when a list item is indented deeper than its marker needs.
const NOTE = /^\s*note:\s*/i;

interface RawSection {
  heading: string;
  line: number;
  text: string;
  textLine: number;
}

/**
 * Splits markdown into blocks headed by a heading of the given level (2 or 3),
 * skipping fenced code. Returns the text before the first heading separately.
 */
export function splitByHeading(markdown: string, firstLine: number, level: 2 | 3): { before: string; parts: RawSection[] } {
  const heading = new RegExp(`^ {0,3}#{${level}}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$`);
  const lines = markdown.split('\n');
  const parts: RawSection[] = [];
  // Each part's lines, blank leading ones included, so that its text starts on its textLine.
  const partLines: string[][] = [];
  const before: string[] = [];
  let fence: string | null = null;
  for (const [i, line] of lines.entries()) {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1]![0]!;
      else if (fenceMatch[1]![0] === fence) fence = null;
    }
    const match = fence === null ? heading.exec(line) : null;
    if (match) {
      parts.push({ heading: (match[1] ?? '').trim(), line: firstLine + i, text: '', textLine: firstLine + i + 1 });
      partLines.push([]);
    } else if (parts.length > 0) {
      partLines[partLines.length - 1]!.push(line);
    } else {
      before.push(line);
    }
  }
  parts.forEach((part, i) => (part.text = partLines[i]!.join('\n')));
  return { before: before.join('\n'), parts };
}

export function classify(heading: string): SectionKind {
  const name = heading.toLowerCase().replace(/[*_`]/g, '').replace(/:$/, '').trim();
  for (const [kind, aliases] of Object.entries(SECTION_ALIASES)) {
    // "Recommendations (source author)" and "Implications for Russia" still count.
    if (aliases.some((alias) => name === alias || new RegExp(`^${alias}\\b[^a-z]`).test(name))) return kind as SectionKind;
  }
  return 'generic';
}

/** Parses the markdown body (after front matter) into sections; `md` checks and renders its markdown. */
export function parseSections(markdown: string, firstLine: number, file: string, md: ContentMarkdown): Section[] {
  const { before, parts } = splitByHeading(markdown, firstLine, 2);
  const stray = firstContentLine(before);
  if (stray !== undefined) {
    throw new ContentError(
      'text before the first `##` section would not appear on any slide',
      'put it under a heading such as `## Summary`, or move a title into the front matter',
      { file, line: firstLine + stray },
    );
  }
  return parts.map((part) => parseSection(part, file, md));
}

function parseSection(part: RawSection, file: string, md: ContentMarkdown): Section {
  if (!part.heading) {
    throw new ContentError('a `##` heading has no text', 'name the section, e.g. `## Implications`', { file, line: part.line });
  }
  const kind = classify(part.heading);
  const { before, parts: subparts } = kind === 'implications' || kind === 'generic' || kind === 'background'
    ? splitByHeading(part.text, part.textLine, 3)
    : { before: part.text, parts: [] };
  const body = parseBody(before, part.textLine, md);
  const subsections: Subsection[] = subparts.map((sub) => {
    if (!sub.heading) throw new ContentError('a `###` heading has no text', 'name it, or remove the line', { file, line: sub.line });
    return { title: md.renderInline(sub.heading, sub.line), line: sub.line, ...parseBody(sub.text, sub.textLine, md) };
  });
  const section: Section = { kind, heading: part.heading, title: md.renderInline(part.heading, part.line), line: part.line, subsections, ...body };
  if (kind === 'quote') section.quote = parseQuote(before, part, file, md);
  return section;
}

/** Splits a body into lead / first list / rest, with `Note:` and everything after it as speaker notes. */
export function parseBody(markdown: string, firstLine: number, md: ContentMarkdown): Body {
  const lead: Token[] = [];
  const rest: Token[] = [];
  const notes: string[] = [];
  let items: Item[] = [];
  let ordered = false;
  let list: Tokens.List | undefined;
  let inNotes = false;
  let line = firstLine;
  for (const token of md.lex(markdown, firstLine)) {
    const tokenLine = line + leadingNewlines(token.raw);
    line += countNewlines(token.raw);
    if (token.type === 'space') continue;
    if (!inNotes && isNote(token)) inNotes = true;
    if (inNotes) {
      notes.push(renderNote(token, tokenLine, md));
    } else if (token.type === 'list' && !list) {
      list = token as Tokens.List;
      ordered = list.ordered;
      items = parseItems(list, tokenLine, md);
    } else {
      (list ? rest : lead).push(token);
    }
  }
  return { lead: md.renderBlocks(lead), items, ordered, rest: md.renderBlocks(rest), notes: notes.filter(Boolean) };
}

function parseItems(list: Tokens.List, firstLine: number, md: ContentMarkdown): Item[] {
  let line = firstLine;
  return list.items.map((item) => {
    const itemLine = line;
    line += countNewlines(item.raw);
    const content: Token[] = [];
    const notes: string[] = [];
    let inNotes = false;
    for (const token of item.tokens) {
      if (token.type === 'space') continue;
      if (!inNotes && isNote(token)) inNotes = true;
      if (inNotes) notes.push(renderNote(token, itemLine, md));
      else content.push(token);
    }
    return { html: md.renderInlineBlocks(content), line: itemLine, notes: notes.filter(Boolean) };
  });
}

function parseQuote(markdown: string, part: RawSection, file: string, md: ContentMarkdown): Quote {
  // Lexed again here, so checked again: parseBody has already reported any bad reference at its exact line.
  const tokens = md.lex(markdown, part.textLine).filter((t) => t.type !== 'space' && !isNote(t));
  const quote = tokens.find((t): t is Tokens.Blockquote => t.type === 'blockquote');
  if (!quote) {
    throw new ContentError('the quote section has no blockquote', 'write the quotation as `> text` and the speaker as `— Name`', {
      file,
      line: part.line,
    });
  }
  // Attribution: a last "— Name" line inside the quote, or a paragraph after it.
  const inner = [...quote.tokens];
  let attribution: string | undefined;
  const last = inner[inner.length - 1];
  const dash = /^\s*(?:—|–|--|-)\s*/;
  if (last?.type === 'paragraph') {
    const lines = (last as Tokens.Paragraph).text.split('\n');
    const lastLine = lines[lines.length - 1]!;
    if (dash.test(lastLine)) {
      attribution = md.renderInline(lastLine.replace(dash, ''), part.textLine);
      if (lines.length > 1) inner[inner.length - 1] = { ...last, ...md.lex(lines.slice(0, -1).join('\n'), part.textLine)[0]! } as Token;
      else inner.pop();
    }
  }
  if (!attribution) {
    const after = tokens[tokens.indexOf(quote) + 1];
    if (after?.type === 'paragraph') attribution = md.renderInline((after as Tokens.Paragraph).text.replace(dash, ''), part.textLine);
  }
  return { html: md.renderBlocks(inner), attribution };
}

function isNote(token: Token): boolean {
  return token.type === 'paragraph' && NOTE.test((token as Tokens.Paragraph).text);
}

function renderNote(token: Token, line: number, md: ContentMarkdown): string {
  if (isNote(token)) return md.renderInline((token as Tokens.Paragraph).text.replace(NOTE, ''), line);
  return md.renderBlocks([token]);
}


function leadingNewlines(text: string): number {
  return /^\n*/.exec(text)![0].length;
}

function firstContentLine(text: string): number | undefined {
  const index = text.split('\n').findIndex((line) => line.trim() !== '' && !/^<!--.*-->$/.test(line.trim()));
  return index < 0 ? undefined : index;
}
