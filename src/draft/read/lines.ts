/**
 * Recognises the lines of an article that are not its argument: site boilerplate, bylines and
 * date lines, image credits, "views are the author's" disclaimers. Shared by the txt, md and
 * html readers, which call it on each short line or block.
 */

import type { ArticleMeta } from '../article.js';

export type LineClass =
  | { type: 'boilerplate' }
  | { type: 'credit'; text: string }
  | { type: 'disclaimer'; text: string }
  | { type: 'url'; url: string }
  | { type: 'meta'; author?: string; date?: string; publisher?: string };

const SOCIAL =
  '(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|telegram|pinterest|print|copy link|threads|bluesky)';

/** Whole lines (case-insensitive, optional trailing punctuation) that are site furniture, not text. */
const BOILERPLATE = new RegExp(
  '^(?:' +
    [
      'read (?:the )?(?:full|original|complete) (?:article|story|post|report)(?: here| on .{1,40})?',
      'read more(?: here)?',
      'continue reading(?: .{0,40})?',
      'share(?: this)?(?: article| story| post| page)?(?: on .{1,20})?',
      'exit mobile version',
      'click (?:here )?to (?:share|print|email|tweet).*',
      'advertisement|advertising|sponsored(?: content)?|ad',
      'subscribe(?: now| today)?(?: to .{1,40})?',
      'sign up(?: for)? .{0,40}newsletter.*',
      'follow us(?: on .{1,40})?',
      'related(?: articles| posts| stories| content| reading)?',
      'more from .{1,40}',
      '(?:tags|topics|filed under|posted in|categories)\\s*:.*',
      'leave a (?:comment|reply)|\\d* ?comments?',
      'skip to (?:main )?content|back to top|jump to .{1,30}',
      'all rights reserved.*|(?:©|\\(c\\)|copyright) .*',
      'image|photo|video|listen(?: to this article)?(?: \\d+ min)?',
      `${SOCIAL}(?:\\s*[|,·•/]?\\s*${SOCIAL})*`,
    ].join('|') +
    ')[.!:]?$',
  'i',
);

const CREDIT =
  /^\[?\(?\s*(?:(?:representational |cover |header |featured |top |file )?(?:image|photo|picture|photograph|illustration|graphic|map)(?: credit)?|credit|source of (?:the )?image)s?\b\s*[:,(-]/i;
const LICENCE =
  /\b(?:CC[- ](?:BY|0)|creative commons|wikimedia commons|getty images|reuters\/|\bAP photo|shutterstock|public domain)\b/i;
const DISCLAIMER =
  /\b(?:(?:views|opinions)(?: and (?:views|opinions))? expressed (?:in this (?:article|piece|column|op-?ed)|here(?:in)?|above)? ?are (?:those of the (?:author|writer)s?|(?:the )?(?:author|writer)['’]?s['’]?(?: own)?|(?:his|her|their|my) own)|do(?:es)? not necessarily reflect|this (?:article|piece) reflects the (?:views|opinions) of)\b/i;

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_PATTERNS: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
  [/\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/, (m) => iso(+m[1]!, +m[2]!, +m[3]!)],
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (${MONTHS})\\.?,? (\\d{4})\\b`, 'i'),
    (m) => iso(+m[3]!, month(m[2]!), +m[1]!),
  ],
  [
    new RegExp(`\\b(${MONTHS})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'i'),
    (m) => iso(+m[3]!, month(m[1]!), +m[2]!),
  ],
];

/** The first date written in `text`, as YYYY-MM-DD. */
export function findDate(text: string): { date: string; match: string } | undefined {
  for (const [pattern, convert] of DATE_PATTERNS) {
    const m = pattern.exec(text);
    const date = m && convert(m);
    if (m && date) return { date, match: m[0] };
  }
  return undefined;
}

function month(name: string): number {
  return MONTHS.split('|').findIndex((p) => new RegExp(`^(?:${p})$`, 'i').test(name)) + 1;
}

function iso(year: number, monthNumber: number, day: number): string | undefined {
  if (monthNumber < 1 || monthNumber > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return undefined;
  const text = `${year}-${String(monthNumber).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(Date.UTC(year, monthNumber - 1, day));
  return date.getUTCMonth() === monthNumber - 1 && date.getUTCDate() === day ? text : undefined;
}

const BYLINE = /^(?:by|written by|words by|author:)\s+(.{2,80})$/i;
const NAME =
  /^(?:(?:dr|prof|mr|ms|mrs)\.? )?[\p{Lu}][\p{L}'’.-]*(?:,? (?:and |& )?(?:[\p{Lu}][\p{L}'’.-]*|van|von|de|del|da|al|bin|el|la|le))*$/u;
const URL_LINE =
  /^(?:(?:source|url|link|original(?: article)?|originally published at)\s*:?\s*)?<?(https?:\/\/[^\s<>]+)>?$/i;

/**
 * Classifies one line (or short block) of text. `header` is true in the first few blocks of the
 * article, where a byline or date line is expected; elsewhere only unambiguous patterns count.
 */
export function classifyLine(raw: string, header: boolean): LineClass | undefined {
  const text = raw.trim();
  if (!text || /^[\s\p{P}\p{S}]*$/u.test(text)) return { type: 'boilerplate' };
  const words = text.split(/\s+/).length;
  if (words <= 12 && BOILERPLATE.test(text)) return { type: 'boilerplate' };
  const url = URL_LINE.exec(text);
  if (url) return { type: 'url', url: url[1]! };
  if (words <= 45 && (CREDIT.test(text) || (LICENCE.test(text) && /^\[.*\]$|^\(.*\)$/.test(text)))) {
    return { type: 'credit', text: text.replace(/^[[(]\s*|\s*[\])]$/g, '') };
  }
  if (words <= 45 && DISCLAIMER.test(text)) return { type: 'disclaimer', text };
  if (header && words <= 20) {
    const meta = metaLine(text);
    if (meta) return meta;
  }
  return undefined;
}

/** "By Jane Doe · Publisher · 3 March 2026", "Published 14 March 2026 | Review", "March 3, 2026". */
function metaLine(text: string): LineClass | undefined {
  const parts = text
    .split(/\s+[|·•]\s+|\s+[—–]\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const result: { type: 'meta'; author?: string; date?: string; publisher?: string } = { type: 'meta' };
  const rest: string[] = [];
  for (const part of parts) {
    const byline = BYLINE.exec(part);
    const dated = findDate(part);
    if (byline && NAME.test(byline[1]!.replace(/[,.]$/, ''))) {
      result.author = byline[1]!.replace(/[,.]$/, '');
    } else if (
      dated &&
      part
        .replace(dated.match, '')
        .replace(/^(?:published|posted|updated|first published)?(?: on)?[\s:,]*|[\s,.]+$/gi, '') === ''
    ) {
      result.date ??= dated.date;
    } else {
      rest.push(part);
    }
  }
  if (!result.author && !result.date) return undefined;
  // What is left of a short meta line is the publication's name, if it looks like one.
  if (
    rest.length === 1 &&
    rest[0]!.split(/\s+/).length <= 6 &&
    /^[\p{Lu}\d]/u.test(rest[0]!) &&
    !/[.!?]$/.test(rest[0]!)
  )
    result.publisher = rest[0];
  else if (rest.length > 0) return undefined;
  return result;
}

/** Applies a classified line to the article's metadata. Returns false when it is body text. */
export function absorbLine(meta: ArticleMeta, dropped: string[], line: LineClass | undefined, text: string): boolean {
  if (!line) return false;
  switch (line.type) {
    case 'boilerplate':
      if (text.trim()) dropped.push(text.trim());
      break;
    case 'credit':
      meta.credits.push(line.text);
      break;
    case 'disclaimer':
      meta.disclaimers.push(line.text);
      break;
    case 'url':
      if (URL.canParse(line.url)) meta.url ??= line.url;
      break;
    case 'meta':
      meta.author ??= line.author;
      meta.date ??= line.date;
      meta.publisher ??= line.publisher;
      break;
  }
  return true;
}

export function emptyMeta(): ArticleMeta {
  return { credits: [], disclaimers: [] };
}

/** Collapses whitespace (including no-break and zero-width spaces) to single spaces. */
export function squash(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
