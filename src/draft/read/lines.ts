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
  | { type: 'copyright'; publisher?: string }
  | { type: 'meta'; author?: string; date?: string; updated?: string; publisher?: string };

/** "6 min read", "5-minute read", "Reading time: 4 minutes", "7 min listen". */
const MIN_READ =
  '(?:(?:reading time|lecture|temps de lecture|lectura|tiempo de lectura|lesezeit|leitura|tempo de leitura)\\s*:?\\s*)?(?:about |ca\\. )?\\d+[ -]?(?:min(?:ute)?s?\\.?|minuten)(?: read| listen| de lecture| de lectura| de leitura| lesezeit)?';
const MIN_READ_PART = new RegExp(`^(?:${MIN_READ})$`, 'i');

const SOCIAL =
  '(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|telegram|pinterest|print|copy link|threads|bluesky|imprimer|imprimir|drucken)';

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
      'back to (?:all )?.{1,30}|(?:all rights reserved|tous droits réservés|todos los derechos reservados|alle rechte vorbehalten).*|(?:©|\\(c\\)|copyright) .*',
      'image|photo|video|listen(?: to this (?:article|story))?(?: \\d+ min)?',
      `(?:(?:share|partager|compartir|teilen|compartilhar)(?: this (?:article|story|post))?\\s*:?\\s*)?${SOCIAL}(?:\\s*[|,·•/]?\\s*(?:share on )?${SOCIAL})*`,
      `share on ${SOCIAL}(?:\\s*[|,·•/]\\s*(?:share on )?${SOCIAL})*`,
      MIN_READ,
      '(?:related|read more|see also|also read|read also|recommended|further reading|more on this(?: story)?|you (?:may|might) also like)(?:\\s*[:–—-]\\s*.+)?',
      'most (?:read|popular|viewed|shared)|trending(?: now)?',
      'comments? (?:are )?(?:closed|disabled).*|(?:show|view|load|hide|join the) (?:comments|conversation|discussion)|comments? \\(\\d+\\)|\\d+ comments?',
      'was this (?:article|story|page) (?:helpful|useful)\\?.*',
      'sign (?:in|up)|log ?in|register|privacy(?: policy)?|terms(?: of (?:use|service))?|accept(?: all)?(?: cookies)?|reject all|manage (?:preferences|cookies|settings)|cookie (?:settings|policy|preferences)',
      '(?:subscribe|sign up|register)\\b.{0,60}\\b(?:read|articles?|access|newsletter|inbox|briefing|unlimited).*',
      'get (?:the|our) .{1,40} (?:in your inbox|newsletter)',
      '(?:support|fund) (?:our|independent) journalism.*|already a subscriber\\?.*',
      'print(?: this)?(?: article| page)?|copy link|email this(?: article)?',
    ].join('|') +
    ')[.!:]?$',
  'i',
);

/** "We use cookies to … By continuing to browse you agree to our use of cookies." */
const COOKIE =
  /^(?:we|this (?:site|website)|our (?:site|website|partners)|by (?:using|continuing|clicking))\b.*\bcookies?\b|\b(?:accept|reject|manage) (?:all )?cookies\b|\bcookie (?:policy|settings|preferences|notice)\b/i;

/** Words of a site's menu: a line made of them only is navigation ("Menu Search Sign in"). */
const NAV_WORDS =
  /^(?:home|menu|search|sign in|sign up|log in|login|log out|register|subscribe|account|my account|profile|newsletters?|sections?|edition|close|skip|navigation|main menu|more|latest|news|world|opinion|politics|business|economy|markets|technology|tech|science|health|sport|sports|culture|arts|lifestyle|travel|video|podcasts?|live|about|contact|privacy|terms|cities|transport|housing|environment|climate|education|local|national|international|europe|asia|africa|americas|us|uk|middle east|analysis|features|magazine|events|jobs|shop|donate|help)$/i;

/**
 * A navigation bar: three or more short items between "|", "·", "•", "/", "»" or "›"
 * ("Home | World | Opinion | Subscribe"), or a line of menu words only ("Menu Search Sign in").
 */
function isNavigation(text: string, header: boolean): boolean {
  const items = text.split(/\s*[|·•»›]\s*|\s+\/\s+/).filter(Boolean);
  // "By Helena Voss | 14 October 2026 | 6 min read" is a byline, not a menu.
  if (items.some((item) => /\d/.test(item) || BY.test(item))) return false;
  // In the header, "Migration · Back to all articles", "Opinion · Technology": section labels and links.
  if (
    header &&
    items.length >= 2 &&
    items.every(
      (item) => isKicker(item) || NAV_WORDS.test(item) || BOILERPLATE.test(item) || /^\p{Lu}\p{Ll}+$/u.test(item),
    )
  )
    return true;
  if (items.length >= 3 && items.every((item) => item.split(/\s+/).length <= 3 && !/[.!?,;]$/.test(item))) return true;
  if (items.length === 2 && items.every((item) => NAV_WORDS.test(item))) return true;
  const words = text.toLowerCase().split(/\s+/);
  if (words.length < 2 || words.length > 10) return false;
  // Greedy match of one- and two-word menu entries.
  for (let i = 0; i < words.length; i++) {
    if (i + 1 < words.length && NAV_WORDS.test(`${words[i]} ${words[i + 1]}`)) i++;
    else if (!NAV_WORDS.test(words[i]!)) return false;
  }
  return true;
}

/** Section labels printed above a headline: "ANALYSIS", "Opinion", "WORLD NEWS". */
const KICKER =
  /^(?:tribune|analyse|éditorial|chronique|point de vue|análisis|opinión|tribuna|kommentar|meinung|análise|opinião|تحليل|رأي|分析|评论|观点|analysis|opinion|commentary|comment|editorial|explainer|perspective|perspectives|feature|features|interview|review|essay|column|news|breaking(?: news)?|exclusive|live|op-?ed|guest essay|long read|in depth|insight|briefing|special report|world news|latest)$/i;

function isKicker(text: string): boolean {
  if (KICKER.test(text)) return true;
  // An all-capitals label of one or two words, in the header only (a body heading in capitals has more).
  return text.split(/\s+/).length <= 2 && /^[\p{Lu}\d&' -]+$/u.test(text) && /\p{Lu}{3}/u.test(text);
}

const CREDIT =
  /^\[?\(?\s*(?:(?:representational |cover |header |featured |top |file )?(?:image|photo|picture|photograph|illustration|graphic|map)(?: credit)?|credit|source of (?:the )?image)s?\b\s*[:,(-]/i;
const LICENCE =
  /\b(?:CC[- ](?:BY|0)|creative commons|wikimedia commons|getty images|reuters\/|\bAP photo|shutterstock|public domain)\b/i;
const DISCLAIMER =
  /\b(?:(?:views|opinions)(?: and (?:views|opinions))? expressed (?:in this (?:article|piece|column|op-?ed)|here(?:in)?|above)? ?are (?:those of the (?:author|writer)s?|(?:the )?(?:author|writer)['’]?s['’]?(?: own)?|(?:his|her|their|my) own)|do(?:es)? not necessarily reflect|this (?:article|piece) reflects the (?:views|opinions) of)\b/i;

/** Month names by number, in the languages whose bylines are read: en, fr, es, pt, de, ar (prefixes of 3+ letters count). */
const MONTH_NAMES: string[][] = [
  ['january', 'janvier', 'enero', 'janeiro', 'januar', 'jänner', 'يناير'],
  ['february', 'février', 'fevrier', 'febrero', 'fevereiro', 'februar', 'فبراير'],
  ['march', 'mars', 'marzo', 'março', 'marco', 'märz', 'marz', 'مارس'],
  ['april', 'avril', 'abril', 'أبريل', 'ابريل'],
  ['may', 'mai', 'mayo', 'maio', 'مايو'],
  ['june', 'juin', 'junio', 'junho', 'juni', 'يونيو'],
  ['july', 'juillet', 'julio', 'julho', 'juli', 'يوليو'],
  ['august', 'août', 'aout', 'agosto', 'أغسطس', 'اغسطس'],
  ['september', 'septembre', 'septiembre', 'setiembre', 'setembro', 'sept', 'سبتمبر'],
  ['october', 'octobre', 'octubre', 'outubro', 'oktober', 'أكتوبر', 'اكتوبر'],
  ['november', 'novembre', 'noviembre', 'novembro', 'نوفمبر'],
  ['december', 'décembre', 'decembre', 'diciembre', 'dezembro', 'dezember', 'ديسمبر'],
];
const MONTHS = '\\p{L}{3,10}';
const DATE_PATTERNS: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
  [/\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/, (m) => iso(+m[1]!, +m[2]!, +m[3]!)],
  // "2026年2月3日" (Chinese, Japanese)
  [/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, (m) => iso(+m[1]!, +m[2]!, +m[3]!)],
  // "3 March 2026", "3rd March, 2026", "3 février 2026", "3. Februar 2026", "3 de febrero de 2026", "le 1er mars 2026"
  [
    new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|er|\\.)? (?:de )?(${MONTHS})\\.?,? (?:de )?(\\d{4})\\b`, 'iu'),
    (m) => iso(+m[3]!, month(m[2]!), +m[1]!),
  ],
  // "March 3, 2026"
  [
    new RegExp(`(?<![\\p{L}])(${MONTHS})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'iu'),
    (m) => iso(+m[3]!, month(m[1]!), +m[2]!),
  ],
];

/** The first date written in `text`, as YYYY-MM-DD. */
export function findDate(text: string): { date: string; match: string } | undefined {
  for (const [pattern, convert] of DATE_PATTERNS) {
    // Every match, not only the first: "10 things 2026" is no date, a later "3 March 2026" is.
    for (const m of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      const date = convert(m);
      if (date) return { date, match: m[0] };
    }
  }
  return undefined;
}

function month(name: string): number {
  const word = name.toLowerCase();
  return (
    MONTH_NAMES.findIndex((names) => names.some((n) => n === word || (word.length >= 3 && n.startsWith(word)))) + 1
  );
}

function iso(year: number, monthNumber: number, day: number): string | undefined {
  if (monthNumber < 1 || monthNumber > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return undefined;
  const text = `${year}-${String(monthNumber).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(Date.UTC(year, monthNumber - 1, day));
  return date.getUTCMonth() === monthNumber - 1 && date.getUTCDate() === day ? text : undefined;
}

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
  const copyright = COPYRIGHT.exec(text);
  if (copyright && words <= 20) return { type: 'copyright', publisher: publisherOf(copyright[1]!) };
  if (words <= 16 && BOILERPLATE.test(text)) return { type: 'boilerplate' };
  if (words <= 12 && isNavigation(text, header)) return { type: 'boilerplate' };
  if (words <= 45 && COOKIE.test(text)) return { type: 'boilerplate' };
  if (header && words <= 3 && isKicker(text.replace(/[.:]$/, ''))) return { type: 'boilerplate' };
  const url = URL_LINE.exec(text);
  if (url) return { type: 'url', url: url[1]! };
  if (words <= 45 && (CREDIT.test(text) || (LICENCE.test(text) && /^\[.*\]$|^\(.*\)$/.test(text)))) {
    return { type: 'credit', text: text.replace(/^[[(]\s*|\s*[\])]$/g, '') };
  }
  if (words <= 45 && DISCLAIMER.test(text)) return { type: 'disclaimer', text };
  if (header && words <= 30) {
    const meta = metaLine(text);
    if (meta) return meta;
  }
  return undefined;
}

/** "By", and the words other languages use for it ("Par", "Por", "Von", "بقلم", "作者："). */
const BY =
  /^(?:by|written by|words by|author\s*:|text\s*:|par|por|von|di|door|av|af|przez|автор\s*:?|بقلم|كتب|作者\s*[:：]|文\s*[:：/]|記者\s*[:：]?)\s*/i;
/** A name: capitalised words, particles, initials; "Jane Doe and John Roe", "Jean-Luc de la Tour". */
const NAME_WORD = "(?:[\\p{Lu}][\\p{L}'’.-]*|van|von|der|den|de|del|della|da|dos|du|al|bin|ibn|el|la|le|ter)";
const NAME = new RegExp(
  `^(?:(?:dr|prof|mr|ms|mrs)\\.? )?[\\p{Lu}][\\p{L}'’.-]*(?:,? (?:(?:and|&|et|y|und|e|en|och|og) )?${NAME_WORD})*$`,
  'u',
);
/** Names in scripts without capitals: two to six letters of Arabic, CJK … with spaces between words. */
const NAME_UNCASED =
  /^[\p{Script=Arabic}\p{Script=Han}\p{Script=Hebrew}\p{Script=Cyrillic}\p{Script=Devanagari}][\p{L}\p{M} ·、،,]{0,40}$/u;
/** What a byline says instead of a name: "a staff analyst", "our correspondent", "Editorial Board". */
const GENERIC_AUTHOR =
  /^(?:an?|our|the)? ?(?:(?:staff|special|senior|foreign|political|security|defen[cs]e|economics|business|diplomatic|guest) )*(?:analyst|writer|reporter|correspondent|contributor|editor|team|desk|staff|editorial board|board|journalist|columnist)s?$/i;
/** Words that say a line names the author's job: "Helena Voss, Senior Fellow at …". */
const ROLE =
  /\b(?:fellow|analyst|correspondent|editor|reporter|professor|director|researcher|writer|journalist|columnist|contributor|economist|adviser|advisor|lecturer|scholar|associate|chair|head|lead|manager|engineer|officer|chief|president|founder|partner|expert|specialist|author)\b/i;
/** Jobs of people who write articles, for a closing author line without a byline to confirm it. */
const WRITER =
  /\b(?:fellow|analyst|correspondent|editor|reporter|professor|researcher|writer|journalist|columnist|contributor|economist|adviser|advisor|lecturer|scholar|author|engineer)\b/i;
const PUBLISHED =
  /^(?:(?:first )?published|posted|updated|last updated|publié|mis à jour|publicado|actualizado|veröffentlicht|aktualisiert|نشر|更新|发布|發佈)(?: (?:on|at|le|el|am))?\s*[:：,]?\s*/i;
/** A time after a date: "10:42 GMT", "at 9.30am", ", 14:05 UTC+2". */
const TIME =
  /^(?:,?\s*(?:at|à|um|a las)?\s*\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?)$/i;

/**
 * The author in a byline's text, or "" for a byline that names no one, or undefined when the
 * text is not a byline. "By Jane Doe and John Roe", "Helena Voss, Senior Fellow at the Forum",
 * "بقلم ليلى حداد"; `prefixed` says whether it began with "By" (or its translation).
 */
function bylineAuthor(text: string): { author: string; prefixed: boolean } | undefined {
  const found = bylineName(text);
  return found && { ...found, author: withoutHonorific(found.author) };
}

/** "Dr Amara Nwosu" → "Amara Nwosu": the name as a citation gives it. */
function withoutHonorific(name: string): string {
  return name.replace(/^(?:dr|prof|mr|mrs|ms|sir)\.?\s+/i, '');
}

function bylineName(text: string): { author: string; prefixed: boolean } | undefined {
  const by = BY.exec(text);
  const rest = text
    .slice(by ? by[0].length : 0)
    .replace(/[,.;:،]+$/, '')
    .trim();
  if (!rest) return undefined;
  // A byline that names no one ("By a staff analyst") is still a byline, but gives no author.
  if (by && GENERIC_AUTHOR.test(rest)) return { author: '', prefixed: true };
  // "Helena Voss, Senior Fellow at the Nordic Institute": the name before the comma.
  const [name, ...role] = rest.split(/,\s*/);
  const named = (candidate: string) =>
    (NAME.test(candidate) && candidate.split(/\s+/).length <= 12) || (by && NAME_UNCASED.test(candidate));
  if (by && named(rest) && !ROLE.test(rest.replace(/^.*?,/, ''))) return { author: rest, prefixed: true };
  if (role.length && named(name!) && name!.split(/\s+/).length <= 4 && (by || ROLE.test(role.join(' '))))
    return { author: name!, prefixed: Boolean(by) };
  if (by && named(rest)) return { author: rest, prefixed: true };
  return undefined;
}

/** The date in a part of a byline, when the date (with "Published", a time, "le") is all the part says. */
function datePart(part: string): { date: string; updated: boolean; before: string } | undefined {
  const dated = findDate(part);
  if (!dated) return undefined;
  const at = part.indexOf(dated.match);
  const after = part.slice(at + dated.match.length).trim();
  if (after && !TIME.test(after) && !/^[.,]$/.test(after)) return undefined;
  let before = part.slice(0, at).trim();
  const published = PUBLISHED.exec(before.replace(/^[,.\s]+/, ''));
  const updated = /updat|mis à jour|actualiz|aktualis|更新/i.test(published?.[0] ?? before);
  // "Par Marie Dupont, le 3 février 2026": what precedes the date is the byline.
  before = before
    .replace(
      /(?:^|[\s,])(?:(?:first )?published|posted|updated|last updated|publié|mis à jour|publicado|actualizado|veröffentlicht|aktualisiert)?(?: (?:on|at))?\s*[:：,]?\s*(?:on|le|el|am|de)?\s*$/i,
      '',
    )
    .replace(/[,،\s]+$/, '');
  if (published && before === '') return { date: dated.date, updated, before: '' };
  return { date: dated.date, updated, before };
}

/**
 * "By Jane Doe · Publisher · 3 March 2026", "By Helena Voss | 14 October 2026 | 6 min read",
 * "By a staff analyst, 12 March 2026", "Published 14 March 2026 | Review", "Updated: March 3,
 * 2026 10:42 GMT", "Par Marie Dupont, le 3 février 2026".
 */
function metaLine(text: string): LineClass | undefined {
  const parts = text
    .split(/\s+[|·•]\s+|\s+[—–]\s+|\s*\|\s*|(?<=[.])\s+(?=(?:(?:first )?published|posted|updated|last updated)\b)/i)
    .map((p) => p.trim())
    .filter(Boolean);
  const result: { type: 'meta'; author?: string; date?: string; updated?: string; publisher?: string } = {
    type: 'meta',
  };
  const rest: string[] = [];
  let readingTime = false;
  let bylined = false;
  for (const part of parts) {
    if (MIN_READ_PART.test(part.replace(/[.]$/, ''))) {
      readingTime = true;
      continue;
    }
    const dated = datePart(part);
    const byline =
      bylineAuthor(dated ? dated.before : part) ??
      (dated && isPlainName(dated.before) ? { author: dated.before, prefixed: false } : undefined);
    if (dated && (dated.before === '' || byline)) {
      if (dated.updated) result.updated ??= dated.date;
      else result.date ??= dated.date;
    }
    if (byline && (!dated || dated.before)) {
      bylined = true;
      if (byline.author) result.author ??= byline.author;
    } else if (!dated || (dated.before && !byline)) rest.push(part);
  }
  if (!result.author && !result.date && !result.updated)
    return (readingTime || bylined) && !rest.length ? { type: 'boilerplate' } : undefined;
  // What is left of a short meta line is the publication's name, if it looks like one.
  if (
    rest.length === 1 &&
    rest[0]!.split(/\s+/).length <= 6 &&
    /^[\p{Lu}\d]/u.test(rest[0]!) &&
    !/[.!?]$/.test(rest[0]!) &&
    !bylineAuthor(rest[0]!)
  )
    result.publisher = rest[0];
  else if (rest.length > 0) return undefined;
  return result;
}

/** Places that open a dateline ("New York, 3 March 2026") and would pass for a name. */
const DATELINE_PLACE =
  /^(?:new york|los angeles|san francisco|hong kong|buenos aires|new delhi|mexico city|tel aviv|rio de janeiro|cape town|kuala lumpur|abu dhabi|são paulo|sao paulo|washington d\.?c\.?|the hague|addis ababa)$/i;

/** "Leonor Vaz" before a date with no "By": two to four capitalised words, not a place. */
function isPlainName(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words >= 2 && words <= 4 && NAME.test(text) && !DATELINE_PLACE.test(text) && !/\p{Lu}{2}/u.test(text);
}

/** The author and date in a byline: "By Priya Raman", "Ingrid Solberg, Senior Fellow, Centre for Urban Mobility", "By X | 3 March 2026". */
export function parseByline(text: string, nameAlone = false): { author?: string; date?: string } | undefined {
  const line = squash(text);
  const meta = metaLine(line);
  if (meta?.type === 'meta') return { author: meta.author, date: meta.date ?? meta.updated };
  const byline = bylineAuthor(line);
  if (byline) return { author: byline.author };
  // A field that can only hold the author (meta name="author", JSON-LD author.name) may give the name alone.
  return nameAlone && (NAME.test(line) || NAME_UNCASED.test(line)) && line.split(/\s+/).length <= 12
    ? { author: withoutHonorific(line) }
    : undefined;
}

/** "© 2026 The Northern Ledger. All rights reserved.", "Copyright © 2026 Health Service Review Ltd." */
const COPYRIGHT =
  /^(?:(?:all rights reserved|tous droits réservés|todos los derechos reservados|alle rechte vorbehalten|جميع الحقوق محفوظة|版权所有)\s*[.,،]?\s*)?(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[–-]\s*\d{4})?,?\s+)?(.*?)(?:,?\s+\d{4})?\.?\s*(?:[–—-]?\s*(?:all rights reserved|tous droits réservés|todos los derechos reservados|alle rechte vorbehalten|todos os direitos reservados)\.?)?$/i;

function publisherOf(text: string): string | undefined {
  const name = text
    .replace(/[,.]?\s*(?:all rights reserved)\.?$/i, '')
    .replace(/,?\s+(?:ltd|limited|inc|llc|plc|gmbh|s\.?a|ag|corp(?:oration)?)\.?$/i, '')
    .replace(/[.,\s]+$/, '')
    .trim();
  if (!name || name.split(/\s+/).length > 6 || !/^[\p{Lu}\p{Lo}\d]/u.test(name) || /\d{4}/.test(name)) return undefined;
  return name;
}

/**
 * A closing line about the author ("Helena Voss is a senior fellow at the Baltic Security Forum.",
 * "Ingrid Solberg leads the transport programme at …"): the name, when the line is one.
 * `author` is the byline's name, if known: then any verb counts; without it only "is a/an/the".
 */
export function authorNote(text: string, author: string | undefined): string | undefined {
  if (text.split(/\s+/).length > 45) return undefined;
  const m =
    /^((?:[\p{Lu}][\p{L}'’.-]*\s){1,3}[\p{Lu}][\p{L}'’-]*)\s+(is|was|has|leads|writes|directs|teaches|heads|covers|works|served|researches|est|es|ist|é|era|war)\s+(.*)$/u.exec(
      text,
    );
  if (!m) return undefined;
  const name = m[1]!.trim();
  if (author) return author.includes(name) || name.includes(author) ? name : undefined;
  // Without a byline, only a writer's job counts: "Vladimir Putin is the president of Russia." is text.
  return m[2] === 'is' && /^(?:an?|the)\s/i.test(m[3]!) && WRITER.test(m[3]!) && !/[.!?]\s+\S/.test(m[3]!)
    ? name
    : undefined;
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
    case 'copyright':
      if (text.trim()) dropped.push(text.trim());
      meta.copyrightHolder ??= line.publisher;
      break;
    case 'meta':
      meta.author ??= line.author;
      meta.date ??= line.date;
      meta.updated ??= line.updated;
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

/** Elements whose text a reader never sees: scripts, styles, templates, noscript fallbacks. */
export const HIDDEN_ELEMENTS = ['script', 'style', 'template', 'noscript'];
const HIDDEN_MARKUP = new RegExp(
  `<(${HIDDEN_ELEMENTS.join('|')})\\b[^>]*>[\\s\\S]*?(?:<\\/\\1\\s*>|$(?![\\s\\S]))|<!--[\\s\\S]*?(?:-->|$(?![\\s\\S]))`,
  'gi',
);

/**
 * Plain text with markup pasted in: `<script>…</script>`, `<style>`, `<template>`, `<noscript>` and
 * `<!-- comments -->` removed (an unclosed one runs to the end), keeping their line breaks so that
 * line numbers stay right.
 */
export function withoutHiddenMarkup(text: string): string {
  return text.replace(HIDDEN_MARKUP, (markup) => markup.replace(/[^\n]/g, ''));
}

/**
 * Opening and closing tags of the hidden elements in a run of raw HTML tokens (marked's inline or
 * block `html` tokens): returns the element still open after `raw`, given the one open before it.
 */
export function hiddenAfter(raw: string, open: string | undefined): string | undefined {
  let state = open;
  for (const tag of raw.matchAll(/<(\/?)([a-z]+)\b[^>]*?(\/?)>/gi)) {
    const name = tag[2]!.toLowerCase();
    if (!HIDDEN_ELEMENTS.includes(name)) continue;
    if (tag[1] && state === name) state = undefined;
    else if (!tag[1] && !tag[3] && !state) state = name;
  }
  return state;
}
