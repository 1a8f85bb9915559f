import type { Token, Tokens } from 'marked';
import { closest } from '../did-you-mean.js';
import { ContentError } from '../errors.js';
import { CONFIDENCE_LEVELS, type ConfidenceLevel, OPTION_GROUPS, type OptionGroup } from './model.js';

/*
 * What a list item may say at its start for the content syntax to read: a key judgment's confidence
 * tag (`- [high] …`) and an option's keyword (`- Pro: …`, `- **Con:** …`). Both are read from the
 * item's lexed tokens and taken off them before the item is rendered, so the slide shows the text
 * without them. The words come from the briefing's label set (labels/<lang>.yaml `confidence:` and
 * `keywords:`, its language's and English), lower case.
 */

/** Where a tag or keyword is found: the first inline tokens of the item's first paragraph. */
function firstInlines(content: Token[]): Token[] | undefined {
  const first = content[0];
  if (first?.type !== 'text' && first?.type !== 'paragraph') return undefined;
  return (first as Tokens.Text | Tokens.Paragraph).tokens;
}

/** Removes `length` characters from the start of a text token (and the spaces after them); drops it when nothing is left. */
function cut(inlines: Token[], index: number, length: number): void {
  const token = inlines[index] as Tokens.Text;
  const text = token.text.slice(length).replace(/^[ \t]+/, '');
  if (text) inlines[index] = { ...token, raw: text, text };
  else inlines.splice(index, 1);
}

/** Spaces after a keyword written in bold (`**Pro:** cheap`): taken off the text that follows. */
function trimNext(inlines: Token[], index: number): void {
  const next = inlines[index];
  if (next?.type === 'text') cut(inlines, index, 0);
}

/** The word as aliases are written: NFKC, lower case in the briefing's language. */
const normalised = (word: string, lang: string) => word.normalize('NFKC').toLocaleLowerCase(lang).trim();

/** What a word is among aliases by key (`{ high: ["high"], moderate: ["moderate", "medium"] }`). */
function keyOf<K extends string>(word: string, aliases: Record<string, string[]>, keys: readonly K[], lang: string) {
  const name = normalised(word, lang);
  return keys.find((key) => (aliases[key] ?? []).includes(name));
}

const TAG = /^\[([^\]\n]{1,40})\]/;

/**
 * A key judgment's confidence tag, taken off the item: `[high]`, `[moderate]`/`[medium]`, `[low]` or
 * their words in the briefing's language. An item without a tag has none; a tag that is not one of
 * them (`[certain]`) is an error at the item's line, with the nearest accepted tag.
 */
export function takeConfidence(
  content: Token[],
  aliases: Record<string, string[]>,
  at: { file: string; line: number; lang: string },
): ConfidenceLevel | undefined {
  const inlines = firstInlines(content);
  const first = inlines?.[0];
  const tag = first?.type === 'text' ? TAG.exec((first as Tokens.Text).text) : null;
  if (!inlines || !tag) return undefined;
  const level = keyOf(tag[1]!, aliases, CONFIDENCE_LEVELS, at.lang);
  if (!level) {
    const accepted = CONFIDENCE_LEVELS.flatMap((key) => aliases[key] ?? []);
    const guess = closest(normalised(tag[1]!, at.lang), accepted);
    const listed = `accepted: ${accepted.map((word) => `[${word}]`).join(', ')}`;
    throw new ContentError(
      `unknown confidence level "${tag[0]}"`,
      guess ? `did you mean "[${guess}]"? (${listed})` : `write one of them, or no tag (${listed})`,
      { file: at.file, line: at.line },
    );
  }
  cut(inlines, 0, tag[0].length);
  return level;
}

/** `Pro:`, `Con：` at the start of a text: the word and how long the keyword is with its colon. */
const KEYWORD = /^([^:：[\]\n]{1,40}?)[ \t]*[:：]/u;

/**
 * The group an option's list item belongs to by its first word (`Pro:`, `Con:`, `Cost:`, written plain
 * or in bold, or an alias in the briefing's language), taken off the item; undefined for any other item,
 * which stays in the option's description.
 */
export function takeKeyword(
  content: Token[],
  aliases: Record<string, string[]>,
  lang: string,
): OptionGroup | undefined {
  const inlines = firstInlines(content);
  const first = inlines?.[0];
  if (!inlines || !first) return undefined;
  if (first.type === 'text') {
    const keyword = KEYWORD.exec((first as Tokens.Text).text);
    const group = keyword && keyOf(keyword[1]!, aliases, OPTION_GROUPS, lang);
    if (group) cut(inlines, 0, keyword[0].length);
    return group || undefined;
  }
  if (first.type !== 'strong' && first.type !== 'em') return undefined;
  // `**Pro:** …`, or `**Pro**: …` with the colon after the emphasis.
  const inner = (first as Tokens.Strong).text;
  const next = inlines[1];
  const colonAfter = next?.type === 'text' && /^[ \t]*[:：]/.test((next as Tokens.Text).text);
  const word = /^(.*?)[ \t]*[:：]$/.exec(inner)?.[1] ?? (colonAfter ? inner : undefined);
  const group = word === undefined ? undefined : keyOf(word, aliases, OPTION_GROUPS, lang);
  if (!group) return undefined;
  inlines.splice(0, 1);
  if (word === inner) cut(inlines, 0, /^[ \t]*[:：]/.exec((inlines[0] as Tokens.Text).text)![0].length);
  else trimNext(inlines, 0);
  return group;
}
