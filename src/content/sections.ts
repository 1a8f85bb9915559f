import type { Token, Tokens } from 'marked';
import { ContentError } from '../errors.js';
import { sectionAnchors } from './anchors.js';
import { afterAttributionDash } from './attribution.js';
import { plainText } from '../html-text.js';
import type { ContentMarkdown } from './markdown.js';
import { scanBlocks, type LineKind } from './blocks.js';
import { checkNesting } from './limits.js';
import {
  type Body,
  type BriefingType,
  type Item,
  NAMED_SECTION_KINDS,
  OPTION_GROUPS,
  type OptionGroup,
  type Quote,
  type Section,
  type SectionKind,
  type Subsection,
  type Warning,
} from './model.js';
import { withLines } from './token-lines.js';
import { type FigureParagraph, markFigures } from './figures.js';
import { type LabelSet, labelSetFor } from '../labels/index.js';
import { takeConfidence, takeKeyword } from './item-tags.js';

export { NAMED_SECTION_KINDS } from './model.js';

/** Headings by section kind, in the briefing's language and English, plus `bottomLine` (summary headings that name its first paragraph). */
export type SectionAliases = Record<string, string[]>;

/** The headings a briefing in `lang` may use for each kind of section: its language's and English. */
export function sectionAliases(lang: string): SectionAliases {
  return labelSetFor(lang).sections;
}

/** The sections each type of briefing must have, in the order a missing one is reported. */
export const REQUIRED_SECTIONS = {
  article: ['summary', 'implications', 'recommendations'],
  information: ['summary', 'implications'],
  decision: ['summary', 'implications', 'options', 'recommendation'],
} as const satisfies Record<BriefingType, readonly SectionKind[]>;

/**
 * The start of a speaker note: `Note:` or its word in the briefing's language (`keywords: note:` of
 * its label set, English too), with a colon or a full-width `：`. Leading spaces survive when a list
 * item is indented deeper than its marker needs.
 */
function noteMarker(lang: string): RegExp {
  const words = labelSetFor(lang).keywords.note ?? ['note'];
  return new RegExp(`^\\s*(?:${words.map(escapeRegExp).join('|')})\\s*[:：]\\s*`, 'iu');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface RawSection {
  heading: string;
  line: number;
  /** The lines under the heading, blank leading ones included, so that they start on textLine. */
  lines: string[];
  kinds: LineKind[];
  textLine: number;
}

/** Lines of markdown with their kinds (content/blocks.ts), starting on `firstLine` of the file. */
interface Lines {
  lines: string[];
  kinds: LineKind[];
  firstLine: number;
}

/**
 * Splits markdown into blocks headed by a heading of the given level (2 or 3).
 * A heading inside fenced code or an HTML comment is not one. Returns the lines
 * before the first heading separately.
 */
export function splitByHeading(
  { lines, kinds, firstLine }: Lines,
  level: 2 | 3,
): { before: Lines; parts: RawSection[] } {
  const heading = new RegExp(`^ {0,3}#{${level}}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$`);
  const parts: RawSection[] = [];
  let start = 0;
  const close = (end: number) => {
    const part = parts[parts.length - 1];
    if (part) [part.lines, part.kinds] = [lines.slice(start, end), kinds.slice(start, end)];
  };
  for (const [i, line] of lines.entries()) {
    const match = kinds[i] === 'text' ? heading.exec(line) : null;
    if (!match) continue;
    close(i);
    parts.push({
      heading: (match[1] ?? '').trim(),
      line: firstLine + i,
      lines: [],
      kinds: [],
      textLine: firstLine + i + 1,
    });
    start = i + 1;
  }
  close(lines.length);
  const beforeEnd = parts.length ? parts[0]!.line - firstLine : lines.length;
  return { before: { lines: lines.slice(0, beforeEnd), kinds: kinds.slice(0, beforeEnd), firstLine }, parts };
}

export function classify(heading: string, aliases: SectionAliases, lang = 'en'): SectionKind {
  for (const kind of NAMED_SECTION_KINDS) {
    if (namedBy(heading, aliases[kind] ?? [], lang)) return kind;
  }
  return 'generic';
}

/** A summary headed "Bottom line", "Bottom line up front" or "BLUF" (its slide needs no second "Bottom line" label). */
export function isBottomLineHeading(heading: string, aliases: SectionAliases, lang = 'en'): boolean {
  return namedBy(heading, aliases.bottomLine ?? [], lang);
}

/**
 * A heading as aliases are written: lower case in its language (Turkish İ is i), emphasis and a
 * closing colon (`:`, Arabic `:`, full-width `：`) left out, and the lenticular brackets that Chinese
 * and Japanese documents put round a heading (`【概要】`, `【建议】作者`) too.
 */
export function headingName(heading: string, lang: string): string {
  return heading
    .normalize('NFKC')
    .toLocaleLowerCase(lang)
    .replace(/[*_`]/g, '')
    .replace(/^【([^】]*)】/, '$1 ')
    .replace(/[:：]$/, '')
    .trim();
}

function namedBy(heading: string, aliases: string[], lang: string): boolean {
  // Lower-cased in the briefing's language and in English: the English headings every briefing may
  // use lower-case the English way (Turkish makes "IMPLICATIONS" "ımplıcatıons").
  const names = new Set([headingName(heading, lang), headingName(heading, 'en')]);
  // "Recommendations (source author)", "Implications for Russia" and "建议（作者）" still count:
  // the alias, then anything that is not a letter or digit of the same word.
  return [...names].some((name) =>
    aliases.some(
      (alias) => name === alias || (name.startsWith(alias) && /^[^\p{L}\p{N}\p{M}]/u.test(name.slice(alias.length))),
    ),
  );
}

/** What parsing one file's sections needs: its name (for messages), its markdown, and where warnings go. */
interface Context {
  file: string;
  md: ContentMarkdown;
  warnings: Warning[];
  lang: string;
  aliases: SectionAliases;
  /** What starts a speaker note in this language (noteMarker). */
  note: RegExp;
  /** The label set of the briefing's language: the words of confidence tags and option keywords. */
  words: Pick<LabelSet, 'confidence' | 'keywords'>;
}

/** What the content syntax reads at the start of a list item (content/item-tags.ts): a confidence tag, an option's keyword. */
type ItemReader = (content: Token[], line: number) => { confidence?: Item['confidence']; group?: OptionGroup };

/**
 * Parses the markdown body (after front matter) into sections; `md` checks and
 * renders its markdown. Before marked reads anything, the whole body is checked
 * for an unclosed code fence and for nesting past the limits (content/limits.ts).
 */
export function parseSections(
  markdown: string,
  firstLine: number,
  file: string,
  md: ContentMarkdown,
  lang = 'en',
): { sections: Section[]; warnings: Warning[] } {
  const lines = markdown.split('\n');
  const { kinds, unclosedFence } = scanBlocks(lines);
  if (unclosedFence !== undefined) {
    throw new ContentError(
      'a code fence opened here is never closed',
      'end the code with a line of the same fence (e.g. ```): until then every later line, headings included, is taken as code',
      { file, line: firstLine + unclosedFence },
    );
  }
  checkNesting(lines, kinds, firstLine, file);
  const { before, parts } = splitByHeading({ lines, kinds, firstLine }, 2);
  const stray = before.lines.findIndex((line, i) => line.trim() !== '' && before.kinds[i] !== 'comment');
  if (stray >= 0) {
    throw new ContentError(
      'text before the first `##` section would not appear on any slide',
      'put it under a heading such as `## Summary`, or move a title into the front matter',
      { file, line: firstLine + stray },
    );
  }
  const context: Context = {
    file,
    md,
    warnings: [],
    lang,
    aliases: sectionAliases(lang),
    note: noteMarker(lang),
    words: labelSetFor(lang),
  };
  const sections = parts.map((part) => parseSection(part, context));
  const ids = sectionAnchors(sections);
  return { sections: sections.map((section, i) => ({ ...section, id: ids[i]! })), warnings: context.warnings };
}

function parseSection(part: RawSection, context: Context): Omit<Section, 'id'> {
  const { file, md } = context;
  if (!part.heading) {
    throw new ContentError('a `##` heading has no text', 'name the section, e.g. `## Implications`', {
      file,
      line: part.line,
    });
  }
  const kind = classify(part.heading, context.aliases, context.lang);
  const own: Lines = { lines: part.lines, kinds: part.kinds, firstLine: part.textLine };
  const { before, parts: subparts } =
    kind === 'implications' || kind === 'generic' || kind === 'background' || kind === 'options'
      ? splitByHeading(own, 3)
      : { before: own, parts: [] };
  const text = before.lines.join('\n');
  const body = parseBody(text, part.textLine, context, kind === 'judgments' ? confidenceReader(context) : undefined);
  const subsections: Subsection[] = subparts.map((sub) => {
    if (!sub.heading)
      throw new ContentError('a `###` heading has no text', 'name it, or remove the line', { file, line: sub.line });
    const title = md.renderInline(sub.heading, sub.line);
    if (kind !== 'options') return { title, line: sub.line, ...parseBody(sub.lines.join('\n'), sub.textLine, context) };
    return {
      title,
      line: sub.line,
      ...optionBody(parseBody(sub.lines.join('\n'), sub.textLine, context, keywordReader(context))),
    };
  });
  const section: Omit<Section, 'id'> = {
    kind,
    heading: part.heading,
    title: md.renderInline(part.heading, part.line),
    line: part.line,
    subsections,
    ...body,
  };
  if (kind === 'quote') section.quote = parseQuote(text, part, context);
  return section;
}

/** Key judgments: each item's confidence tag. */
function confidenceReader({ words, file, lang }: Context): ItemReader {
  return (content, line) => {
    const confidence = takeConfidence(content, words.confidence, { file, line, lang });
    return confidence ? { confidence } : {};
  };
}

/** An option's items: the group of each that starts with a keyword. */
function keywordReader({ words, lang }: Context): ItemReader {
  return (content) => {
    const group = takeKeyword(content, words.keywords, lang);
    return group ? { group } : {};
  };
}

/** An option's body: its items with a keyword in their groups, the others kept as its description. */
function optionBody(body: Body): Body & Pick<Subsection, 'groups'> {
  const read = body.items as (Item & { group?: OptionGroup })[];
  const groups = Object.fromEntries(OPTION_GROUPS.map((group) => [group, [] as Item[]])) as Record<OptionGroup, Item[]>;
  const items: Item[] = [];
  for (const { group, ...item } of read) (group ? groups[group] : items).push(item);
  return { ...body, items, groups };
}

/** Splits a body into lead / first list / rest, with `Note:` and everything after it as speaker notes. */
function parseBody(markdown: string, firstLine: number, context: Context, read?: ItemReader): Body {
  const { md } = context;
  const lead: Token[] = [];
  const rest: Token[] = [];
  const notes = new Notes(context);
  let items: Item[] = [];
  let ordered = false;
  let list: Tokens.List | undefined;
  const shown: [Token, number][] = [];
  for (const [token, tokenLine] of withLines(md.lex(markdown, firstLine), firstLine)) {
    if (token.type === 'space') continue;
    if (notes.take(token, tokenLine)) continue;
    if (token.type === 'list' && !list) {
      list = token as Tokens.List;
      ordered = list.ordered;
      items = parseItems(list, tokenLine, context, read);
    } else {
      (list ? rest : lead).push(token);
      shown.push([token, tokenLine]);
    }
  }
  placeFigure(markFigures(shown, context.file), shown.length + items.length);
  return { lead: md.renderBlocks(lead), items, ordered, rest: md.renderBlocks(rest), notes: notes.done() };
}

/**
 * A body with one figure and other text shows them side by side; a figure
 * with nothing else fills its slide; two or more figures stay in the flow.
 * `blocks` counts the body's shown blocks (the figure's own paragraph too) and list items.
 */
function placeFigure(figures: FigureParagraph[], blocks: number): void {
  if (figures.length !== 1) return;
  figures[0]!.figure!.placement = blocks > 1 ? 'beside' : 'alone';
}

/**
 * The items of a body's list. An item with no text (nothing but spaces, a `-`,
 * or HTML that the sanitizer removes) would be an empty bullet or an empty
 * numbered recommendation: it is left out with a warning at its line, and so
 * is an empty item of a list inside an item.
 */
function parseItems(list: Tokens.List, firstLine: number, context: Context, read?: ItemReader): Item[] {
  const { md } = context;
  const items: Item[] = [];
  forEachItem(list, firstLine, (item, itemLine) => {
    const content: Token[] = [];
    const notes = new Notes(context);
    for (const token of item.tokens) {
      if (token.type !== 'space' && !notes.take(token, itemLine)) content.push(token);
    }
    const tags = read?.(content, itemLine) ?? {};
    if (!hasText(md.renderBlocks(content))) {
      warnEmptyItem(itemLine, context);
      return;
    }
    const lines = new Map(withLines(item.tokens, itemLine));
    for (const token of content)
      if (token.type === 'list') dropEmptyItems(token as Tokens.List, lines.get(token)!, context);
    items.push({ html: md.renderInlineBlocks(content), line: itemLine, notes: notes.done(), ...tags });
  });
  return items;
}

/** Removes the empty items of a list inside a list item (and of lists inside those), warning at each. */
function dropEmptyItems(list: Tokens.List, firstLine: number, context: Context): void {
  const kept: Tokens.ListItem[] = [];
  forEachItem(list, firstLine, (item, itemLine) => {
    if (!hasText(context.md.renderBlocks(item.tokens))) return warnEmptyItem(itemLine, context);
    for (const [token, line] of withLines(item.tokens, itemLine))
      if (token.type === 'list') dropEmptyItems(token as Tokens.List, line, context);
    kept.push(item);
  });
  list.items = kept;
}

function forEachItem(list: Tokens.List, firstLine: number, visit: (item: Tokens.ListItem, line: number) => void): void {
  for (const [item, line] of withLines(list.items, firstLine)) visit(item, line);
}

function warnEmptyItem(line: number, context: Context): void {
  context.warnings.push({
    file: context.file,
    line,
    message:
      'this list item is empty (nothing is left once HTML is removed) and is left out — write its text, or delete the line',
  });
}

/**
 * Speaker notes: a `Note:` paragraph and every token after it. A note that
 * renders to nothing (`Note:` alone, or only HTML that is removed) is dropped
 * with a warning at its line.
 */
class Notes {
  private readonly html: string[] = [];
  private line: number | undefined;

  constructor(private readonly context: Context) {}

  /** Takes `token` when it is, or follows, a `Note:` paragraph. */
  take(token: Token, line: number): boolean {
    if (this.line === undefined && !isNote(token, this.context.note)) return false;
    this.line ??= line;
    this.html.push(renderNote(token, line, this.context.md, this.context.note));
    return true;
  }

  done(): string[] {
    const notes = this.html.filter(hasText);
    if (this.line !== undefined && notes.length === 0) {
      this.context.warnings.push({
        file: this.context.file,
        line: this.line,
        message:
          'this speaker note is empty (nothing is left once HTML is removed) and is left out — write the note after `Note:`, or delete it',
      });
    }
    return notes;
  }
}

/** Whether sanitized HTML shows anything: some text, or an image. */
function hasText(html: string): boolean {
  return /<img\b/.test(html) || plainText(html).replace(/[\s\u200b\u2060\ufeff]/g, '') !== '';
}

function parseQuote(markdown: string, part: RawSection, { file, md, note }: Context): Quote {
  // Lexed again here, so checked again: parseBody has already reported any bad reference at its exact line.
  const lexed = md.lex(markdown, part.textLine).filter((t) => t.type !== 'space');
  const firstNote = lexed.findIndex((token) => isNote(token, note));
  const tokens = firstNote < 0 ? lexed : lexed.slice(0, firstNote);
  const quote = tokens.find((t): t is Tokens.Blockquote => t.type === 'blockquote');
  if (!quote) {
    throw new ContentError(
      'the quote section has no blockquote',
      'write the quotation as `> text` and the speaker as `— Name`',
      {
        file,
        line: part.line,
      },
    );
  }
  // Attribution: a last "— Name" line inside the quote, or a paragraph after it.
  const inner = [...quote.tokens];
  let attribution: string | undefined;
  const last = inner[inner.length - 1];
  if (last?.type === 'paragraph') {
    const lines = (last as Tokens.Paragraph).text.split('\n');
    const speaker = afterAttributionDash(lines[lines.length - 1]!);
    if (speaker !== undefined) {
      attribution = md.renderInline(speaker, part.textLine);
      if (lines.length > 1)
        inner[inner.length - 1] = { ...last, ...md.lex(lines.slice(0, -1).join('\n'), part.textLine)[0]! } as Token;
      else inner.pop();
    }
  }
  let attributionParagraph: Token | undefined;
  if (!attribution) {
    const after = tokens[tokens.indexOf(quote) + 1];
    if (after?.type === 'paragraph') {
      const text = (after as Tokens.Paragraph).text;
      attribution = md.renderInline(afterAttributionDash(text) ?? text, part.textLine);
      attributionParagraph = after;
    }
  }
  // Anything else in the section (an introduction, a comment on the quote) is shown beside it, not lost.
  const context = md.renderBlocks(tokens.filter((t) => t !== quote && t !== attributionParagraph));
  return { html: md.renderBlocks(inner), attribution, ...(context ? { context } : {}) };
}

function isNote(token: Token, note: RegExp): boolean {
  return token.type === 'paragraph' && note.test((token as Tokens.Paragraph).text);
}

/**
 * A note's paragraph without its `Note:`, from the inline tokens the body's lexing already checked
 * (lexed again, each of its links was reported twice, the second time at the line its list item
 * starts on).
 */
function renderNote(token: Token, line: number, md: ContentMarkdown, note: RegExp): string {
  if (!isNote(token, note)) return md.renderBlocks([token]);
  const paragraph = token as Tokens.Paragraph;
  const [first, ...rest] = paragraph.tokens;
  if (first?.type === 'text' && note.test((first as Tokens.Text).text) && !(first as Tokens.Text).tokens) {
    const text = first as Tokens.Text;
    return md.renderInlineTokens([
      { ...text, raw: text.raw.replace(note, ''), text: text.text.replace(note, '') },
      ...rest,
    ]);
  }
  return md.renderInline(paragraph.text.replace(note, ''), line);
}
